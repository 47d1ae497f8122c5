import { NodeObject } from '../Kubernetes';

export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';
export const NODEPOOL_LABEL = 'karpenter.sh/nodepool';
export const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export function isNodeReady(node: NodeObject): boolean {
  return (
    node.status?.conditions?.find(c => c.type === 'Ready')?.status === 'True'
  );
}

/** The group a node belongs to and which label said so. */
export function nodeGroupOf(node: NodeObject) {
  const labels = node.metadata?.labels ?? {};
  if (labels[NODEGROUP_LABEL]) {
    return { name: labels[NODEGROUP_LABEL], groupedBy: 'nodegroup' as const };
  }
  if (labels[NODEPOOL_LABEL]) {
    return { name: labels[NODEPOOL_LABEL], groupedBy: 'nodepool' as const };
  }
  if (labels[INSTANCE_TYPE_LABEL]) {
    return {
      name: labels[INSTANCE_TYPE_LABEL],
      groupedBy: 'instance-type' as const,
    };
  }
  return { name: 'ungrouped', groupedBy: 'none' as const };
}
