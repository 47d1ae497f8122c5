import express from 'express';
import { decodePageToken, encodePageToken } from '../pagination';
import { ClusterScenario, EnvironmentScenario } from '../scenarios/types';
import { countNodes, nodeAt } from './nodes';
import { podSource } from './pods';
import { deploymentObject, hpaObject } from './workloads';

const CREATED = '2026-09-01T08:00:00Z';

/** A Status object, the shape of every Kubernetes API error. */
function status(
  res: express.Response,
  code: number,
  reason: string,
  message: string,
) {
  res.status(code).json({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

interface ListSource<T> {
  kind: string;
  apiVersion: string;
  total: number;
  at(position: number): T;
  /** Only items of this namespace; the continue token then holds a raw position. */
  namespace?: string;
}

/**
 * Serves one page of a list with `limit`/`continue` like the API server:
 * items are made only for the page asked for.
 */
function sendList<T extends { metadata: object }>(
  req: express.Request,
  res: express.Response,
  source: ListSource<T>,
) {
  const limit = req.query.limit ? Number(req.query.limit) : 0;
  const offset = decodePageToken(req.query.continue as string | undefined);
  if (!Number.isInteger(limit) || limit < 0 || offset === undefined) {
    status(res, 400, 'BadRequest', 'invalid limit or continue token');
    return;
  }
  const max = limit || Number.MAX_SAFE_INTEGER;
  const items: T[] = [];
  let position = offset;
  for (; position < source.total && items.length < max; position++) {
    const item = source.at(position);
    if (
      !source.namespace ||
      (item.metadata as { namespace?: string }).namespace === source.namespace
    ) {
      items.push(item);
    }
  }
  // Like the API server, a page may end exactly at the last item and still
  // hand out a token; the next page is then empty.
  const more = position < source.total;
  res.json({
    kind: source.kind,
    apiVersion: source.apiVersion,
    metadata: {
      resourceVersion: '123456',
      ...(more && {
        continue: encodePageToken(position),
        ...(!source.namespace && {
          remainingItemCount: source.total - position,
        }),
      }),
    },
    items,
  });
}

function arraySource<T>(kind: string, apiVersion: string, items: T[]) {
  return { kind, apiVersion, total: items.length, at: (i: number) => items[i] };
}

/**
 * The slice of the Kubernetes API the portal reads, one cluster per
 * environment under /k8s/<environment>.
 */
export function kubernetesRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const clusters = new Map<
    string,
    {
      scenario: ClusterScenario;
      pods: ReturnType<typeof podSource>;
      deployments: ReturnType<typeof deploymentObject>[];
      hpas: ReturnType<typeof hpaObject>[];
    }
  >();
  for (const env of environments) {
    if (env.cluster) {
      const deployments = env.cluster.deployments ?? [];
      clusters.set(env.name, {
        scenario: env.cluster,
        pods: podSource(env.cluster),
        deployments: deployments.map(deploymentObject),
        hpas: deployments.filter(d => d.hpa).map(hpaObject),
      });
    }
  }
  const cluster = (res: express.Response) =>
    res.locals.cluster as NonNullable<ReturnType<typeof clusters.get>>;

  router.use('/:env', (req, res, next) => {
    if (!clusters.has(req.params.env)) {
      status(res, 404, 'NotFound', `no sandbox cluster '${req.params.env}'`);
      return;
    }
    res.locals.cluster = clusters.get(req.params.env);
    next();
  });

  router.get('/:env/version', (_req, res) => {
    const gitVersion = cluster(res).scenario.kubernetesVersion;
    const [major, minor] = gitVersion.replace(/^v/, '').split('.');
    res.json({ major, minor, gitVersion, platform: 'linux/amd64' });
  });

  router.get('/:env/api/v1/nodes', (req, res) => {
    const scenario = cluster(res).scenario;
    sendList(req, res, {
      kind: 'NodeList',
      apiVersion: 'v1',
      total: countNodes(scenario),
      at: i => nodeAt(scenario, i, CREATED),
    });
  });

  router.get('/:env/api/v1/pods', (req, res) => {
    const pods = cluster(res).pods;
    sendList(req, res, { kind: 'PodList', apiVersion: 'v1', ...pods });
  });

  router.get('/:env/api/v1/namespaces/:ns/pods', (req, res) => {
    const pods = cluster(res).pods;
    sendList(req, res, {
      kind: 'PodList',
      apiVersion: 'v1',
      ...pods,
      namespace: req.params.ns,
    });
  });

  const deployments = (res: express.Response) =>
    arraySource('DeploymentList', 'apps/v1', cluster(res).deployments);
  router.get('/:env/apis/apps/v1/deployments', (req, res) => {
    sendList(req, res, deployments(res));
  });
  router.get('/:env/apis/apps/v1/namespaces/:ns/deployments', (req, res) => {
    sendList(req, res, { ...deployments(res), namespace: req.params.ns });
  });

  const hpas = (res: express.Response) =>
    arraySource(
      'HorizontalPodAutoscalerList',
      'autoscaling/v2',
      cluster(res).hpas,
    );
  router.get(
    '/:env/apis/autoscaling/v2/horizontalpodautoscalers',
    (req, res) => {
      sendList(req, res, hpas(res));
    },
  );
  router.get(
    '/:env/apis/autoscaling/v2/namespaces/:ns/horizontalpodautoscalers',
    (req, res) => {
      sendList(req, res, { ...hpas(res), namespace: req.params.ns });
    },
  );

  return router;
}
