import express from 'express';
import { ClusterScenario } from '../scenarios/types';
import { countNodes, nodeAt } from './nodes';

const CREATED = '2026-09-01T08:00:00Z';

function pod(
  name: string,
  nodeName: string | undefined,
  gpus: number,
  phase: 'Running' | 'Pending',
) {
  return {
    metadata: {
      name,
      namespace: 'mlops-system',
      uid: `pod-${name}`,
      creationTimestamp: CREATED,
    },
    spec: {
      ...(nodeName && { nodeName }),
      containers: [
        {
          name: 'main',
          image: 'ghcr.io/example/inference:1.4.2',
          resources: {
            requests: {
              cpu: '500m',
              memory: '1Gi',
              ...(gpus && { 'nvidia.com/gpu': String(gpus) }),
            },
            ...(gpus && { limits: { 'nvidia.com/gpu': String(gpus) } }),
          },
        },
      ],
    },
    status: { phase },
  };
}

/**
 * Pods derived from the cluster: every ready GPU node but the last runs one
 * inference pod on all its GPUs (so the last one idles), plus one pod that
 * waits for a GPU. Enough for idle-GPU views; not a workload model.
 */
export function podsOf(cluster: ClusterScenario) {
  const items = [];
  const gpuNodes = [];
  for (let i = 0; i < countNodes(cluster); i++) {
    const node = nodeAt(cluster, i, CREATED);
    const gpus = Number(node.status.allocatable['nvidia.com/gpu'] ?? 0);
    const ready = node.status.conditions[0].status === 'True';
    if (gpus > 0 && ready) {
      gpuNodes.push({ name: node.metadata.name, gpus });
    }
  }
  gpuNodes.slice(0, -1).forEach((node, i) => {
    items.push(pod(`inference-${i}`, node.name, node.gpus, 'Running'));
  });
  if (gpuNodes.length > 0) {
    items.push(pod('training-pending', undefined, 1, 'Pending'));
  }
  return items;
}

/** GET /api/v1/pods (all namespaces), with fieldSelector status.phase=X. */
export function listPods(req: express.Request, res: express.Response) {
  const cluster = res.locals.cluster as ClusterScenario;
  const selector = String(req.query.fieldSelector ?? '');
  const phase = /^status\.phase=(\w+)$/.exec(selector)?.[1];
  const items = podsOf(cluster).filter(p => !phase || p.status.phase === phase);
  res.json({
    kind: 'PodList',
    apiVersion: 'v1',
    metadata: { resourceVersion: '123457' },
    items,
  });
}
