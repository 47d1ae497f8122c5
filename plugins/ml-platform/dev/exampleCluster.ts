import {
  AutoscalerSummary,
  ClusterSummary,
  GpuSummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';

const churnAutoscaler: AutoscalerSummary = {
  name: 'churn-predictor-inference',
  minReplicas: 2,
  maxReplicas: 6,
  currentReplicas: 3,
  desiredReplicas: 3,
  targetCpuUtilization: 70,
  currentCpuUtilization: 55,
  metrics: [
    {
      type: 'Resource',
      name: 'cpu',
      target: { type: 'Utilization', value: 70 },
      current: 55,
    },
  ],
};

/** What the backend answers for the demo's ml-prod, for the dev app and the card tests. */
export const exampleCluster: ClusterSummary = {
  kubernetesVersion: 'v1.29.10-eks-94953ac',
  nodes: { total: 10, ready: 9, notReady: 1 },
  nodeGroups: [
    {
      name: 'gpu',
      groupedBy: 'nodegroup',
      instanceType: 'g4dn.xlarge',
      count: 3,
      ready: 2,
      notReady: 1,
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    },
    {
      name: 'system',
      groupedBy: 'nodegroup',
      instanceType: 'm5.large',
      count: 3,
      ready: 3,
      notReady: 0,
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    },
  ],
  cpu: { allocatable: 41.21, requested: 19.5 },
  memory: { allocatable: 136902082560, requested: 60129542144 },
  pods: { running: 28, pending: 3, failed: 1, succeeded: 1, unknown: 0 },
  workloads: [
    {
      namespace: 'mlops-system',
      name: 'churn-predictor-inference',
      kind: 'Deployment',
      ready: 3,
      desired: 3,
      autoscaler: churnAutoscaler,
      autoscalers: [churnAutoscaler],
    },
    {
      namespace: 'mlops-system',
      name: 'mlflow',
      kind: 'Deployment',
      ready: 0,
      desired: 1,
      autoscalers: [],
    },
  ],
  workloadErrors: [],
};

const t4 = {
  product: 'Tesla-T4',
  instanceType: 'g4dn.xlarge',
  nodeGroup: 'gpu',
  memoryMiB: 15360,
  capacity: 1,
  allocatable: 1,
  unschedulable: false,
  taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
};

export const exampleGpus: GpuSummary = {
  totals: {
    nodes: 3,
    readyNodes: 2,
    capacity: 3,
    allocatable: 3,
    requested: 1,
    free: 1,
  },
  byProduct: [
    { product: 'Tesla-T4', nodes: 3, allocatable: 3, requested: 1, free: 1 },
  ],
  nodes: [
    {
      ...t4,
      name: 'ip-10-3-0-0.ec2.internal',
      requested: 0,
      free: 1,
      ready: false,
      state: 'not-ready',
    },
    {
      ...t4,
      name: 'ip-10-3-0-1.ec2.internal',
      requested: 1,
      free: 0,
      ready: true,
      state: 'full',
    },
    {
      ...t4,
      name: 'ip-10-3-0-2.ec2.internal',
      requested: 0,
      free: 1,
      ready: true,
      state: 'idle',
    },
  ],
  pendingPods: [
    {
      namespace: 'mlops-system',
      name: 'demand-forecaster-train-8k2lp',
      requested: 2,
      message: '0/10 nodes are available: 7 Insufficient nvidia.com/gpu.',
    },
  ],
  pendingPodsTotal: 1,
};

export function envelope<T>(
  data: T,
  more: Partial<SourceEnvelope<T>> = {},
): SourceEnvelope<T> {
  return {
    environment: 'ml-prod',
    source: 'kubernetes',
    fetchedAt: new Date(Date.now() - 30_000).toISOString(),
    stale: false,
    data,
    ...more,
  };
}
