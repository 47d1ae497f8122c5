import {
  WorkloadListError,
  WorkloadSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { KubernetesClusterClient } from '../Kubernetes';
import { summarizeWorkloads } from './workloads';

/**
 * Deployments and HPAs of the ML namespaces. A list that fails (a 403 from
 * missing RBAC, a 404 where autoscaling/v2 is absent) is reported on its own
 * and leaves the rest of the cluster view intact; only an aborted read, whose
 * signal says so, fails as a whole.
 */
export async function readWorkloads(
  client: KubernetesClusterClient,
  namespaces: string[],
  signal: AbortSignal,
): Promise<{ workloads: WorkloadSummary[]; errors: WorkloadListError[] }> {
  const perNamespace = await Promise.all(
    namespaces.map(async namespace => {
      const errors: WorkloadListError[] = [];
      const attempt = async <T>(
        kind: WorkloadListError['kind'],
        list: () => Promise<T[]>,
      ): Promise<T[]> => {
        try {
          return await list();
        } catch (error) {
          if (signal.aborted) {
            throw error;
          }
          errors.push({ namespace, kind, message: (error as Error).message });
          return [];
        }
      };
      const [deployments, autoscalers] = await Promise.all([
        attempt('Deployment', () =>
          client.listDeployments(namespace, { signal }),
        ),
        attempt('HorizontalPodAutoscaler', () =>
          client.listHorizontalPodAutoscalers(namespace, { signal }),
        ),
      ]);
      errors.sort((a, b) => a.kind.localeCompare(b.kind));
      return {
        workloads: summarizeWorkloads(namespace, deployments, autoscalers),
        errors,
      };
    }),
  );
  return {
    workloads: perNamespace.flatMap(n => n.workloads),
    errors: perNamespace.flatMap(n => n.errors),
  };
}
