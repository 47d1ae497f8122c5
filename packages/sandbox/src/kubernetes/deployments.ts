import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import {
  EnvironmentScenario,
  InferenceDeploymentScenario,
} from '../scenarios/types';

const CREATED = '2026-09-01T08:00:00Z';

/** An inference Deployment marked with the ml-platform model labels or MODEL_URI. */
function deployment(d: InferenceDeploymentScenario) {
  const byLabels = d.modelUri === undefined;
  const labels = {
    'app.kubernetes.io/name': d.name,
    'app.kubernetes.io/component': 'inference',
    ...(byLabels && {
      'ml-platform/model-name': d.model,
      'ml-platform/model-version': d.version,
    }),
  };
  return {
    metadata: {
      name: d.name,
      namespace: d.namespace,
      uid: `${d.namespace}-${d.name}`,
      creationTimestamp: CREATED,
      labels,
    },
    spec: {
      replicas: d.replicas ?? 2,
      selector: { matchLabels: { 'app.kubernetes.io/name': d.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'server',
              image: `registry.example.com/inference/${d.model}:serve`,
              env: [
                { name: 'PORT', value: '8080' },
                ...(byLabels ? [] : [{ name: 'MODEL_URI', value: d.modelUri }]),
              ],
            },
          ],
        },
      },
    },
    status: {
      replicas: d.replicas ?? 2,
      readyReplicas: d.replicas ?? 2,
      availableReplicas: d.replicas ?? 2,
    },
  };
}

/**
 * Namespaced Deployment lists (apps/v1, paginated with limit/continue) of the
 * demo's inference workloads, so the Models card can tell what is deployed.
 */
export function deploymentsRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const byEnv = new Map(
    environments
      .filter(e => e.cluster)
      .map(e => [e.name, e.inferenceDeployments ?? []]),
  );

  router.get(
    '/:env/apis/apps/v1/namespaces/:namespace/deployments',
    (req, res, next) => {
      const all = byEnv.get(req.params.env);
      if (!all) {
        next();
        return;
      }
      const items = all.filter(d => d.namespace === req.params.namespace);
      const limit = req.query.limit ? Number(req.query.limit) : items.length;
      const offset = decodePageToken(req.query.continue as string | undefined);
      if (!Number.isInteger(limit) || limit < 0 || offset === undefined) {
        res.status(400).json({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'invalid limit or continue token',
          reason: 'BadRequest',
          code: 400,
        });
        return;
      }
      const {
        start,
        end,
        next: nextOffset,
      } = pageBounds(offset, limit || items.length, items.length);
      res.json({
        kind: 'DeploymentList',
        apiVersion: 'apps/v1',
        metadata: {
          resourceVersion: '123456',
          ...(nextOffset !== undefined && {
            continue: encodePageToken(nextOffset),
          }),
        },
        items: items.slice(start, end).map(deployment),
      });
    },
  );

  return router;
}
