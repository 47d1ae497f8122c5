import { ClusterScenario } from '../scenarios/types';
import { countNodes, nodeName, nodeSlot } from './nodes';
import { podObject } from './podObject';

/**
 * GPUs the generated pods request on one node: as its group's `gpusInUse`
 * says, never more than the node has, none on a NotReady node.
 */
function gpusInUse({ group, index }: ReturnType<typeof nodeSlot>): number {
  const pattern = group.gpusInUse ?? [];
  if (!group.gpus || pattern.length === 0 || index < (group.notReady ?? 0)) {
    return 0;
  }
  return Math.min(group.gpus.count, pattern[index % pattern.length]);
}

/**
 * Generated workload pods for scale scenarios, varied like a busy cluster.
 * They are dealt to the nodes in turn, so the pod at `position` is the
 * node's `round`-th; its first rounds on a GPU node each take one GPU, which
 * keeps every node's GPUs in use known without holding any state.
 */
export function fillerPod(
  position: number,
  nodeCount: number,
  cluster: ClusterScenario,
) {
  const slot = nodeSlot(cluster, position % nodeCount);
  const round = Math.floor(position / nodeCount);
  const gpu = round < gpusInUse(slot);
  // A pod holding a GPU is bound and running; the others vary.
  let phase = 'Running';
  if (!gpu && position % 97 === 0) {
    phase = 'Pending';
  } else if (!gpu && position % 50 === 0) {
    phase = 'Succeeded';
  }
  return podObject({
    namespace: `team-${position % 40}`,
    name: `worker-${position}`,
    app: `worker-${position % 200}`,
    phase,
    nodeName:
      phase === 'Pending' ? undefined : nodeName(slot.ordinal, slot.index),
    requests: {
      cpu: `${100 + (position % 8) * 50}m`,
      memory: `${256 * (1 + (position % 4))}Mi`,
      gpu: gpu ? 1 : undefined,
    },
    initRequests:
      position % 10 === 0 ? { cpu: '1', memory: '512Mi' } : undefined,
    pendingMessage: `0/${nodeCount} nodes are available: ${nodeCount} Insufficient cpu. preemption: 0/${nodeCount} nodes are available: ${nodeCount} No preemption victims found for incoming pod.`,
    owner: { kind: 'ReplicaSet', name: `worker-${position % 200}-5c8d7f` },
    // Pods placed on a tainted GPU node tolerate its taint.
    gpuToleration: slot.group.gpus !== undefined,
  });
}

/**
 * A fine-tuning job's pod held to one GPU node group by its node selector,
 * waiting because no Ready node there has the GPUs it asks for free.
 */
export function pendingGpuPod(position: number, cluster: ClusterScenario) {
  const wanted = cluster.pendingGpuPods!;
  const group = cluster.nodeGroups.find(g => g.name === wanted.nodeGroup);
  if (!group) {
    throw new Error(`sandbox scenario: no node group '${wanted.nodeGroup}'`);
  }
  const nodes = countNodes(cluster);
  const notReady = group.notReady ?? 0;
  const ready = group.count - notReady;
  const elsewhere = nodes - group.count;
  const taint = notReady
    ? `${notReady} node(s) had untolerated taint {node.kubernetes.io/not-ready: }, `
    : '';
  const job = `finetune-${position}`;
  return podObject({
    namespace: `team-${position % 40}`,
    name: `${job}-${position.toString(36).padStart(5, 'x')}`,
    app: 'finetune',
    phase: 'Pending',
    requests: { cpu: '8', memory: '64Gi', gpu: wanted.gpus },
    nodeSelector: { 'node.kubernetes.io/instance-type': group.instanceType },
    pendingMessage: `0/${nodes} nodes are available: ${taint}${ready} Insufficient nvidia.com/gpu, ${elsewhere} node(s) didn't match Pod's node affinity/selector. preemption: 0/${nodes} nodes are available: ${ready} No preemption victims found for incoming pod, ${
      elsewhere + notReady
    } Preemption is not helpful for scheduling.`,
    owner: { kind: 'Job', name: job },
  });
}
