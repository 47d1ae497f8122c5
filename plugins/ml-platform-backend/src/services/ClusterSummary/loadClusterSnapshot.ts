import { ClusterSnapshot } from '@internal/backstage-plugin-ml-platform-common';
import {
  KubernetesClusterClient,
  ListExpiredError,
  MAX_LIST_RESTARTS,
} from '../Kubernetes';
import { createClusterAccumulator } from './clusterAccumulator';
import { readWorkloads } from './readWorkloads';

/**
 * Reads a cluster once — version, nodes and pods page by page, Deployments and
 * HPAs of the ML namespaces, all in parallel — into both the cluster and the
 * GPU view. Pod pages are folded in and dropped as they arrive. A failed
 * version, node or pod list fails the read; a failed workload list only
 * shows in the view's workloadErrors.
 *
 * When a list's continue token expires halfway (410 Gone), the pages folded
 * so far belong to an older revision, so the read starts again from scratch
 * with a new accumulator, a bounded number of times.
 */
export async function loadClusterSnapshot(
  client: KubernetesClusterClient,
  namespaces: string[],
  signal?: AbortSignal,
): Promise<ClusterSnapshot> {
  for (let restarts = 0; ; restarts++) {
    try {
      return await readClusterOnce(client, namespaces, signal);
    } catch (error) {
      if (
        !(error instanceof ListExpiredError) ||
        restarts >= MAX_LIST_RESTARTS
      ) {
        throw error;
      }
    }
  }
}

async function readClusterOnce(
  client: KubernetesClusterClient,
  namespaces: string[],
  signal?: AbortSignal,
): Promise<ClusterSnapshot> {
  const accumulator = createClusterAccumulator();
  const [version, , , { workloads, errors }] = await Promise.all([
    client.getVersion({ signal }),
    (async () => {
      for await (const page of client.listNodes({ signal })) {
        accumulator.addNodes(page);
      }
    })(),
    (async () => {
      for await (const page of client.listPods({ signal })) {
        accumulator.addPods(page);
      }
    })(),
    readWorkloads(client, namespaces, signal),
  ]);
  return accumulator.snapshot(version, workloads, errors);
}
