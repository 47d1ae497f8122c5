import {
  ClusterSnapshot,
  NodeGroupSummary,
  WorkloadListError,
  WorkloadSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { NodeObject, PodObject } from '../Kubernetes';
import { createGpuAccumulator } from './gpus';
import {
  INSTANCE_TYPE_LABEL,
  isNodeReady,
  nodeGroupOf,
  ZONE_LABEL,
} from './nodeFacts';
import { isActive, podRequest } from './podRequests';
import { parseQuantity } from './quantity';

type PodPhaseCounts = ClusterSnapshot['cluster']['pods'];

const PHASE_KEYS: Record<string, keyof PodPhaseCounts> = {
  Running: 'running',
  Pending: 'pending',
  Failed: 'failed',
  Succeeded: 'succeeded',
};

/**
 * Folds node and pod pages into the cluster and GPU views as they arrive, in
 * any order, so memory stays bounded by the number of node groups and GPU
 * nodes, not by the number of pods.
 */
export function createClusterAccumulator() {
  const gpus = createGpuAccumulator();
  const groups = new Map<string, NodeGroupSummary & { zoneSet: Set<string> }>();
  const nodes = { total: 0, ready: 0, notReady: 0 };
  const cpu = { allocatable: 0, requested: 0 };
  const memory = { allocatable: 0, requested: 0 };
  const pods: PodPhaseCounts = {
    running: 0,
    pending: 0,
    failed: 0,
    succeeded: 0,
    unknown: 0,
  };

  return {
    addNodes(page: Iterable<NodeObject>) {
      for (const node of page) {
        const ready = isNodeReady(node);
        nodes.total++;
        nodes[ready ? 'ready' : 'notReady']++;
        cpu.allocatable += parseQuantity(node.status?.allocatable?.cpu);
        memory.allocatable += parseQuantity(node.status?.allocatable?.memory);

        const { name, groupedBy } = nodeGroupOf(node);
        const labels = node.metadata?.labels ?? {};
        const instanceType = labels[INSTANCE_TYPE_LABEL] ?? 'unknown';
        // An EKS node group and a Karpenter pool may share a name.
        const key = `${groupedBy}/${name}`;
        let group = groups.get(key);
        if (!group) {
          group = {
            name,
            groupedBy,
            instanceType,
            count: 0,
            ready: 0,
            notReady: 0,
            zones: [],
            zoneSet: new Set(),
          };
          groups.set(key, group);
        } else if (group.instanceType !== instanceType) {
          // Karpenter pools mix instance types.
          group.instanceType = 'mixed';
        }
        group.count++;
        group[ready ? 'ready' : 'notReady']++;
        if (labels[ZONE_LABEL]) {
          group.zoneSet.add(labels[ZONE_LABEL]);
        }
        gpus.addNode(node);
      }
    },

    addPods(page: Iterable<PodObject>) {
      for (const pod of page) {
        pods[PHASE_KEYS[pod.status?.phase ?? ''] ?? 'unknown']++;
        if (isActive(pod)) {
          cpu.requested += podRequest(pod, 'cpu');
          memory.requested += podRequest(pod, 'memory');
          gpus.addPod(pod);
        }
      }
    },

    snapshot(
      kubernetesVersion: string,
      workloads: WorkloadSummary[],
      workloadErrors: WorkloadListError[] = [],
    ): ClusterSnapshot {
      const nodeGroups = [...groups.values()]
        .map(({ zoneSet, ...group }) => ({
          ...group,
          zones: [...zoneSet].sort(),
        }))
        .sort(
          (a, b) =>
            a.name.localeCompare(b.name) ||
            a.groupedBy.localeCompare(b.groupedBy),
        );
      return {
        cluster: {
          kubernetesVersion,
          nodes,
          nodeGroups,
          // Rounded to millicores and bytes, as Kubernetes counts them.
          cpu: {
            allocatable: Math.round(cpu.allocatable * 1000) / 1000,
            requested: Math.round(cpu.requested * 1000) / 1000,
          },
          memory: {
            allocatable: Math.round(memory.allocatable),
            requested: Math.round(memory.requested),
          },
          pods,
          workloads,
          workloadErrors,
        },
        gpus: gpus.summary(),
      };
    },
  };
}
