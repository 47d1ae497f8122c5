import { ClusterScenario, NodeGroupScenario } from '../scenarios/types';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** EKS-style private DNS names, unique across groups and up to 62,500 nodes a group. */
export function nodeName(groupOrdinal: number, index: number): string {
  return `ip-10-${groupOrdinal}-${Math.floor(index / 250)}-${
    index % 250
  }.ec2.internal`;
}

/** A Node object as the Kubernetes API returns it (the fields the portal reads). */
export function nodeObject(
  group: NodeGroupScenario,
  groupOrdinal: number,
  index: number,
  creationTimestamp: string,
) {
  const name = nodeName(groupOrdinal, index);
  const zone = ZONES[index % ZONES.length];
  const labels: Record<string, string> = {
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'node.kubernetes.io/instance-type': group.instanceType,
    'topology.kubernetes.io/zone': zone,
  };
  if (group.karpenter) {
    labels['karpenter.sh/nodepool'] = group.name;
  } else {
    labels['eks.amazonaws.com/nodegroup'] = group.name;
  }
  const capacity: Record<string, string> = {
    cpu: String(Math.ceil(group.cpu)),
    memory: `${Math.round(group.memoryGiB * 1024 * 1024 * 1.05)}Ki`,
    pods: '29',
  };
  const allocatable: Record<string, string> = {
    cpu: `${Math.round(group.cpu * 1000)}m`,
    memory: `${Math.round(group.memoryGiB * 1024 * 1024)}Ki`,
    pods: '29',
  };
  if (group.gpus) {
    if (group.gpus.featureDiscovery !== false) {
      labels['nvidia.com/gpu.present'] = 'true';
      labels['nvidia.com/gpu.product'] = group.gpus.product;
      labels['nvidia.com/gpu.memory'] = String(group.gpus.memoryMiB);
      labels['nvidia.com/gpu.count'] = String(group.gpus.count);
    }
    capacity['nvidia.com/gpu'] = String(group.gpus.count);
    allocatable['nvidia.com/gpu'] = String(group.gpus.count);
  }
  const ready = index >= (group.notReady ?? 0);
  return {
    metadata: {
      name,
      uid: `${group.name}-${index}`,
      creationTimestamp,
      labels,
    },
    spec: {
      providerID: `aws:///${zone}/i-${(1e15 + index).toString(16)}`,
      taints: group.taints,
    },
    status: {
      capacity,
      allocatable,
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          reason: ready ? 'KubeletReady' : 'KubeletNotReady',
          message: ready
            ? 'kubelet is posting ready status'
            : 'PLEG is not healthy',
          lastHeartbeatTime: creationTimestamp,
          lastTransitionTime: creationTimestamp,
        },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.29.10-eks-94953ac',
        containerRuntimeVersion: 'containerd://1.7.22',
      },
    },
  };
}

/** Every node of a cluster, generated on demand so a 5,000-node scenario costs nothing at rest. */
export function countNodes(cluster: ClusterScenario): number {
  return cluster.nodeGroups.reduce((sum, g) => sum + g.count, 0);
}

/** Where the node at `position` of the whole cluster sits: its group and index there. */
export function nodeSlot(cluster: ClusterScenario, position: number) {
  let remaining = position;
  for (const [ordinal, group] of cluster.nodeGroups.entries()) {
    if (remaining < group.count) {
      return { ordinal, group, index: remaining };
    }
    remaining -= group.count;
  }
  throw new RangeError(`no node at position ${position}`);
}

export function nodeAt(
  cluster: ClusterScenario,
  position: number,
  creationTimestamp: string,
) {
  const { ordinal, group, index } = nodeSlot(cluster, position);
  return nodeObject(group, ordinal, index, creationTimestamp);
}
