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

/**
 * One attempt. It has its own abort signal, linked to the caller's: the first
 * failed list stops its siblings, and the attempt settles only once they have
 * stopped, so a retry or restart never runs beside lists of a failed attempt
 * (on a big cluster, two or three full pod lists at once).
 */
async function readClusterOnce(
  client: KubernetesClusterClient,
  namespaces: string[],
  outer?: AbortSignal,
): Promise<ClusterSnapshot> {
  const attempt = new AbortController();
  const signal = outer
    ? AbortSignal.any([outer, attempt.signal])
    : attempt.signal;
  const accumulator = createClusterAccumulator();
  const lists = [
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
  ] as const;
  try {
    const [version, , , { workloads, errors }] = await Promise.all(lists);
    return accumulator.snapshot(version, workloads, errors);
  } catch (error) {
    attempt.abort(error);
    await Promise.allSettled(lists);
    throw error;
  }
}
