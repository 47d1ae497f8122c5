import { ClusterStatusService } from '../ClusterStatus';
import { GpuAllocation, GpuAllocationSource } from './types';

/**
 * GPU allocation from the cluster view: the sampler reads the same cached
 * snapshot the GPU card shows, so sampling adds no upstream calls of its own
 * when the cards are in use. A snapshot that could not be refreshed is not
 * recorded as a fresh sample.
 */
export function createClusterViewGpuAllocationSource(
  clusterStatus: ClusterStatusService,
): GpuAllocationSource {
  return {
    async sample(env) {
      const envelope = await clusterStatus.snapshot(env);
      if (envelope.error || !envelope.data) {
        throw new Error(
          envelope.error?.message ?? `no cluster data for ${env.name}`,
        );
      }
      const byType = new Map<string, GpuAllocation>();
      for (const node of envelope.data.gpus.nodes) {
        if (!node.ready) {
          continue;
        }
        const instanceType = node.instanceType ?? node.product;
        const entry = byType.get(instanceType) ?? {
          instanceType,
          allocatable: 0,
          requested: 0,
        };
        entry.allocatable += node.allocatable;
        entry.requested += node.requested;
        byType.set(instanceType, entry);
      }
      return [...byType.values()];
    },
  };
}
