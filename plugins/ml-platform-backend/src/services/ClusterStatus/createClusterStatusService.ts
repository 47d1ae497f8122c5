import {
  ClusterSnapshot,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import { JsonValue } from '@backstage/types';
import { loadClusterSnapshot } from '../ClusterSummary';
import { KubernetesClientFactory } from '../Kubernetes';
import { SourceCache } from '../SourceCache';
import { ClusterStatusService } from './types';

export function createClusterStatusService(deps: {
  sourceCache: SourceCache;
  kubernetes: KubernetesClientFactory;
  now?: () => number;
}): ClusterStatusService {
  const now = deps.now ?? Date.now;
  return {
    async snapshot(environment) {
      const client = deps.kubernetes.forEnvironment(environment);
      if (!client || !environment.kubernetes) {
        return {
          environment: environment.name,
          source: 'kubernetes',
          fetchedAt: new Date(now()).toISOString(),
          stale: false,
          notConfigured: true,
          error: {
            message: `Kubernetes is not configured for environment '${environment.name}'`,
          },
        };
      }
      const namespaces = environment.kubernetes.namespaces;
      const envelope = await deps.sourceCache.read(
        { source: 'kubernetes', environment: environment.name },
        async signal =>
          (await loadClusterSnapshot(
            client,
            namespaces,
            signal,
          )) as unknown as JsonValue,
      );
      return envelope as unknown as SourceEnvelope<ClusterSnapshot>;
    },
  };
}
