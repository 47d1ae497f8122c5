import { ClusterScenario } from '../scenarios/types';
import { nodeName, nodeSlot } from './nodes';
import { podObject } from './podObject';

/** Generated workload pods for scale scenarios, varied like a busy cluster. */
export function fillerPod(
  position: number,
  nodeCount: number,
  cluster: ClusterScenario,
) {
  const slot = nodeSlot(cluster, position % nodeCount);
  let phase = 'Running';
  if (position % 97 === 0) {
    phase = 'Pending';
  } else if (position % 50 === 0) {
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
      gpu: slot.group.gpus && position % 3 === 0 ? 1 : undefined,
    },
    initRequests:
      position % 10 === 0 ? { cpu: '1', memory: '512Mi' } : undefined,
    pendingMessage: `0/${nodeCount} nodes are available: ${nodeCount} Insufficient cpu. preemption: 0/${nodeCount} nodes are available: ${nodeCount} No preemption victims found for incoming pod.`,
    owner: { kind: 'ReplicaSet', name: `worker-${position % 200}-5c8d7f` },
  });
}
