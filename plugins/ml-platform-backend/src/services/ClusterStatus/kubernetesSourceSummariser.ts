import { KubernetesSourceSummary } from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentSourceSummariser } from '../EnvironmentSummary';
import { ClusterStatusService } from './types';

const LIST_NAME = {
  Deployment: 'Deployments',
  HorizontalPodAutoscaler: 'HPAs',
} as const;

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The kubernetes entry of an environment's summary: health and headline numbers. */
export function kubernetesSourceSummariser(
  clusterStatus: ClusterStatusService,
): EnvironmentSourceSummariser {
  return {
    source: 'kubernetes',
    async summarise(environment): Promise<KubernetesSourceSummary> {
      const envelope = await clusterStatus.snapshot(environment);
      if (envelope.notConfigured) {
        return { status: 'not-configured', stale: false };
      }
      const base = { fetchedAt: envelope.fetchedAt, stale: envelope.stale };
      const snapshot = envelope.data;
      if (!snapshot) {
        return { ...base, status: 'error', message: envelope.error?.message };
      }
      const { cluster, gpus } = snapshot;
      const problems = [];
      if (cluster.nodes.notReady > 0) {
        problems.push(`${plural(cluster.nodes.notReady, 'node')} NotReady`);
      }
      if (gpus.pendingPodsTotal > 0) {
        problems.push(
          `${plural(gpus.pendingPodsTotal, 'pod')} waiting for GPUs`,
        );
      }
      for (const failed of cluster.workloadErrors ?? []) {
        problems.push(
          `${LIST_NAME[failed.kind]} unreadable in ${failed.namespace}`,
        );
      }
      const unready = cluster.workloads.filter(w => w.ready < w.desired);
      if (unready.length > 0) {
        problems.push(`${plural(unready.length, 'workload')} not fully ready`);
      }
      let message = problems.join(', ') || undefined;
      if (envelope.error) {
        message = `${envelope.error.message} (showing data from ${envelope.fetchedAt})`;
      }
      return {
        ...base,
        status: envelope.error || problems.length > 0 ? 'degraded' : 'ok',
        ...(message && { message }),
        nodes: { ready: cluster.nodes.ready, total: cluster.nodes.total },
        gpus: {
          requested: gpus.totals.requested,
          allocatable: gpus.totals.allocatable,
          nodes: gpus.totals.nodes,
        },
        pendingGpuPods: gpus.pendingPodsTotal,
      };
    },
  };
}
