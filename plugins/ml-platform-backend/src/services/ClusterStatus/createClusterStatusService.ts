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
  /** How long a fresh snapshot is served from this process without asking the cache. */
  ttlMs: number;
  now?: () => number;
}): ClusterStatusService {
  const now = deps.now ?? Date.now;
  // The shared cache (Redis in production) copies the whole snapshot on every
  // read; a page view needs it several times a second, so the last fresh
  // envelope per environment is also kept here (one per environment, small).
  const fresh = new Map<string, SourceEnvelope<ClusterSnapshot>>();
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
      const memo = fresh.get(environment.name);
      if (memo && now() - Date.parse(memo.fetchedAt) < deps.ttlMs) {
        return memo;
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
      const result = envelope as unknown as SourceEnvelope<ClusterSnapshot>;
      if (!result.error && !result.stale) {
        fresh.set(environment.name, result);
      }
      return result;
    },
  };
}
