import { NodeGroupScenario, Scenario } from './types';

/**
 * One big cluster, `ml-scale`, for benchmarks: `nodes` nodes over five groups
 * (5% with four GPUs, half of those without GPU feature discovery labels) and
 * about `pods` pods. GPU pods run only on Ready GPU nodes and never ask for
 * more GPUs than a node has: the A10G pool is busy, the T4 pool has idle,
 * partly used and full nodes, and a few pods wait for A10G GPUs. Nothing is
 * materialised; the server makes each page.
 */
export function scaleScenario(options: {
  nodes: number;
  pods: number;
}): Scenario {
  const gpu = Math.max(2, Math.round(options.nodes * 0.05));
  const share = (f: number) => Math.round(options.nodes * f);
  const groups: NodeGroupScenario[] = [
    {
      name: 'system',
      instanceType: 'm5.large',
      count: share(0.2),
      cpu: 1.93,
      memoryGiB: 7.1,
    },
    {
      name: 'data',
      instanceType: 'c5.2xlarge',
      count: share(0.25),
      cpu: 7.91,
      memoryGiB: 14.5,
    },
    {
      name: 'ml',
      instanceType: 'm5.2xlarge',
      count: share(0.3),
      cpu: 7.91,
      memoryGiB: 29.5,
      karpenter: true,
      notReady: 3,
    },
    {
      name: 'gpu-a10g',
      instanceType: 'g5.12xlarge',
      count: Math.ceil(gpu / 2),
      cpu: 47.5,
      memoryGiB: 178,
      gpus: { count: 4, product: 'NVIDIA-A10G', memoryMiB: 23028 },
      taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
      notReady: 1,
      // Busy: full or one GPU free.
      gpusInUse: [4, 3],
    },
    {
      name: 'gpu-t4',
      instanceType: 'g4dn.12xlarge',
      count: Math.floor(gpu / 2),
      cpu: 47.5,
      memoryGiB: 178,
      gpus: {
        count: 4,
        product: 'Tesla-T4',
        memoryMiB: 15360,
        featureDiscovery: false,
      },
      taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
      // Idle, partly used and full nodes.
      gpusInUse: [0, 1, 4, 2, 0],
    },
  ];
  const counted = groups.reduce((sum, g) => sum + g.count, 0);
  groups[0].count += options.nodes - counted;
  const daemonPods = options.nodes * 2;
  // Two-GPU fine-tuning pods wait for the busy A10G pool. Only once every
  // node is dealt four generated pods are the GPU nodes as busy as
  // gpusInUse says; with fewer pods they would wait beside free GPUs.
  const waiting = Math.max(2, Math.round(gpu / 50));
  const pendingGpuPods =
    options.pods - daemonPods - waiting >= options.nodes * 4 ? waiting : 0;
  return {
    environments: [
      {
        name: 'ml-scale',
        cluster: {
          kubernetesVersion: 'v1.30.4-eks-a737599',
          nodeGroups: groups,
          fillerPods: Math.max(0, options.pods - daemonPods - pendingGpuPods),
          pendingGpuPods: {
            count: pendingGpuPods,
            gpus: 2,
            nodeGroup: 'gpu-a10g',
          },
        },
      },
    ],
  };
}
