import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import { EnvironmentScenario } from '../scenarios/types';
import { countNodes, nodeAt } from './nodes';
import { listPods } from './pods';

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

/**
 * The slice of the Kubernetes API the portal reads, one cluster per
 * environment under /k8s/<environment>.
 */
export function kubernetesRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const clusters = new Map(
    environments.filter(e => e.cluster).map(e => [e.name, e.cluster!]),
  );

  router.use('/:env', (req, res, next) => {
    if (!clusters.has(req.params.env)) {
      status(res, 404, 'NotFound', `no sandbox cluster '${req.params.env}'`);
      return;
    }
    res.locals.cluster = clusters.get(req.params.env);
    next();
  });

  router.get('/:env/version', (_req, res) => {
    const gitVersion = res.locals.cluster.kubernetesVersion as string;
    const [major, minor] = gitVersion.replace(/^v/, '').split('.');
    res.json({ major, minor, gitVersion, platform: 'linux/amd64' });
  });

  router.get('/:env/api/v1/nodes', (req, res) => {
    const cluster = res.locals.cluster;
    const total = countNodes(cluster);
    const limit = req.query.limit ? Number(req.query.limit) : total;
    const offset = decodePageToken(req.query.continue as string | undefined);
    if (!Number.isInteger(limit) || limit < 0 || offset === undefined) {
      status(res, 400, 'BadRequest', 'invalid limit or continue token');
      return;
    }
    const { start, end, next } = pageBounds(offset, limit || total, total);
    const items = [];
    for (let i = start; i < end; i++) {
      items.push(nodeAt(cluster, i, CREATED));
    }
    res.json({
      kind: 'NodeList',
      apiVersion: 'v1',
      metadata: {
        resourceVersion: '123456',
        ...(next !== undefined && {
          continue: encodePageToken(next),
          remainingItemCount: total - end,
        }),
      },
      items,
    });
  });

  router.get('/:env/api/v1/pods', listPods);

  return router;
}
