import { createClusterAccumulator } from './clusterAccumulator';
import { node, pod } from './fixtures';
import { summarizeGpus } from './gpus';
import { podRequest } from './podRequests';
import { parseQuantity } from './quantity';
import { summarizeWorkloads } from './workloads';

describe('parseQuantity', () => {
  it.each([
    ['1500m', 1.5],
    ['2', 2],
    ['16Gi', 17179869184],
    ['16106127360', 16106127360],
    ['15137200Ki', 15500492800],
    ['1.5Gi', 1610612736],
    ['500M', 5e8],
    ['1e3', 1000],
    ['', 0],
    [undefined, 0],
    ['garbage!', 0],
  ])('reads %j as %d', (quantity, expected) => {
    expect(parseQuantity(quantity)).toBe(expected);
  });
});

describe('podRequest', () => {
  it('sums app containers', () => {
    const p = pod('api', {
      containers: [
        { requests: { cpu: '500m', memory: '1Gi' } },
        { requests: { cpu: '250m', memory: '268435456' } },
      ],
    });
    expect(podRequest(p, 'cpu')).toBe(0.75);
    expect(podRequest(p, 'memory')).toBe(1342177280);
  });

  it('takes the largest init container when it exceeds the apps', () => {
    const p = pod('inference', {
      containers: [{ requests: { cpu: '1500m', memory: '6Gi' } }],
      initContainers: [
        { requests: { cpu: '2', memory: '1Gi' } },
        { requests: { cpu: '100m' } },
      ],
    });
    expect(podRequest(p, 'cpu')).toBe(2);
    expect(podRequest(p, 'memory')).toBe(6 * 2 ** 30);
  });

  it('adds sidecars to both the apps and later init containers, plus overhead', () => {
    const p = pod('with-sidecar', {
      containers: [{ requests: { cpu: '1' } }],
      initContainers: [
        { requests: { cpu: '500m' }, restartPolicy: 'Always' },
        { requests: { cpu: '1200m' } },
      ],
      overhead: { cpu: '250m' },
    });
    // max(1.2 + 0.5, 1 + 0.5) + 0.25
    expect(podRequest(p, 'cpu')).toBe(1.95);
  });

  it('defaults a GPU request to the GPU limit', () => {
    const p = pod('gpu', {
      containers: [{ limits: { 'nvidia.com/gpu': '2' } }],
    });
    expect(podRequest(p, 'nvidia.com/gpu')).toBe(2);
  });
});

const gpuTaint = [
  { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' },
];
const t4 = {
  'eks.amazonaws.com/nodegroup': 'gpu',
  'node.kubernetes.io/instance-type': 'g4dn.xlarge',
  'nvidia.com/gpu.product': 'Tesla-T4',
  'nvidia.com/gpu.memory': '15360',
};
const gpuWait =
  '0/10 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 2 Insufficient nvidia.com/gpu, 7 node(s) had untolerated taint {nvidia.com/gpu: true}.';

describe('summarizeGpus', () => {
  const nodes = [
    node('gpu-a', { labels: t4, gpus: '1', taints: gpuTaint }),
    node('gpu-b', { labels: t4, gpus: '1', taints: gpuTaint }),
    node('gpu-c', { labels: t4, gpus: '1', taints: gpuTaint, ready: false }),
    // No GPU feature discovery labels: product falls back to the instance type.
    node('gpu-d', {
      labels: { 'node.kubernetes.io/instance-type': 'g5.12xlarge' },
      gpus: '4',
    }),
    node('cpu-a', { labels: { 'eks.amazonaws.com/nodegroup': 'system' } }),
  ];
  const pods = [
    pod('fraud', {
      nodeName: 'gpu-a',
      containers: [{ limits: { 'nvidia.com/gpu': '1' } }],
    }),
    pod('llm', {
      nodeName: 'gpu-d',
      containers: [{ requests: { 'nvidia.com/gpu': '3' } }],
    }),
    pod('done', {
      phase: 'Succeeded',
      nodeName: 'gpu-b',
      containers: [{ requests: { 'nvidia.com/gpu': '1' } }],
    }),
    pod('train', {
      phase: 'Pending',
      containers: [{ requests: { 'nvidia.com/gpu': '2' } }],
      unschedulable: gpuWait,
    }),
    pod('cpu-wait', {
      phase: 'Pending',
      containers: [{ requests: { cpu: '6' } }],
      unschedulable: '0/10 nodes are available: 5 Insufficient cpu.',
    }),
  ];
  const summary = summarizeGpus(nodes, pods);

  it('describes each GPU node with product, memory, use and state', () => {
    expect(summary.nodes.map(n => [n.name, n.product, n.state])).toEqual([
      ['gpu-d', 'g5.12xlarge', 'partial'],
      ['gpu-a', 'Tesla-T4', 'full'],
      ['gpu-b', 'Tesla-T4', 'idle'],
      ['gpu-c', 'Tesla-T4', 'not-ready'],
    ]);
    expect(summary.nodes[1]).toMatchObject({
      memoryMiB: 15360,
      instanceType: 'g4dn.xlarge',
      nodeGroup: 'gpu',
      allocatable: 1,
      requested: 1,
      free: 0,
      ready: true,
      taints: gpuTaint,
    });
    expect(summary.nodes[0].memoryMiB).toBeUndefined();
  });

  it('totals GPUs, counting free ones only on Ready nodes', () => {
    expect(summary.totals).toEqual({
      nodes: 4,
      readyNodes: 3,
      capacity: 7,
      allocatable: 7,
      requested: 4,
      free: 2,
    });
    expect(summary.byProduct).toEqual([
      {
        product: 'g5.12xlarge',
        nodes: 1,
        allocatable: 4,
        requested: 3,
        free: 1,
      },
      { product: 'Tesla-T4', nodes: 3, allocatable: 3, requested: 1, free: 1 },
    ]);
  });

  it('lists pods waiting for GPUs, not those waiting for CPU', () => {
    expect(summary.pendingPods).toEqual([
      {
        namespace: 'mlops-system',
        name: 'train',
        requested: 2,
        message: gpuWait,
      },
    ]);
    expect(summary.pendingPodsTotal).toBe(1);
  });

  it('is empty for a cluster without GPUs', () => {
    const none = summarizeGpus([node('cpu-a')], [pod('api')]);
    expect(none.totals).toEqual({
      nodes: 0,
      readyNodes: 0,
      capacity: 0,
      allocatable: 0,
      requested: 0,
      free: 0,
    });
    expect(none.nodes).toEqual([]);
  });
});

describe('createClusterAccumulator', () => {
  it('groups nodes, sums allocatable and requests, and counts pod phases', () => {
    const accumulator = createClusterAccumulator();
    accumulator.addPods([
      pod('api', {
        nodeName: 'a',
        containers: [{ requests: { cpu: '1500m', memory: '16Gi' } }],
      }),
    ]);
    accumulator.addNodes([
      node('a', {
        labels: {
          'eks.amazonaws.com/nodegroup': 'system',
          'node.kubernetes.io/instance-type': 'm5.large',
          'topology.kubernetes.io/zone': 'us-east-1a',
        },
        cpu: '1930m',
        memory: '16106127360',
      }),
      node('b', {
        labels: {
          'karpenter.sh/nodepool': 'ml',
          'node.kubernetes.io/instance-type': 'm5.xlarge',
          'topology.kubernetes.io/zone': 'us-east-1b',
        },
        ready: false,
        cpu: '2',
      }),
      node('c', {
        labels: {
          'karpenter.sh/nodepool': 'ml',
          'node.kubernetes.io/instance-type': 'm5.2xlarge',
          'topology.kubernetes.io/zone': 'us-east-1a',
        },
      }),
      node('d', {
        labels: { 'node.kubernetes.io/instance-type': 't3.medium' },
      }),
      node('e'),
    ]);
    accumulator.addPods([
      pod('init-heavy', {
        phase: 'Pending',
        containers: [{ requests: { cpu: '500m' } }],
        initContainers: [{ requests: { cpu: '2' } }],
      }),
      pod('finished', {
        phase: 'Succeeded',
        containers: [{ requests: { cpu: '8', memory: '64Gi' } }],
      }),
      pod('broken', { phase: 'Failed' }),
      pod('lost', { phase: 'Unknown' }),
    ]);
    const { cluster } = accumulator.snapshot('v1.29.10-eks-94953ac', []);

    expect(cluster.nodes).toEqual({ total: 5, ready: 4, notReady: 1 });
    expect(cluster.nodeGroups).toEqual([
      {
        name: 'ml',
        groupedBy: 'nodepool',
        instanceType: 'mixed',
        count: 2,
        ready: 1,
        notReady: 1,
        zones: ['us-east-1a', 'us-east-1b'],
      },
      expect.objectContaining({
        name: 'system',
        groupedBy: 'nodegroup',
        count: 1,
      }),
      expect.objectContaining({
        name: 't3.medium',
        groupedBy: 'instance-type',
      }),
      expect.objectContaining({
        name: 'ungrouped',
        groupedBy: 'none',
        zones: [],
      }),
    ]);
    expect(cluster.cpu).toEqual({ allocatable: 15.69, requested: 3.5 });
    expect(cluster.memory).toEqual({
      allocatable: 16106127360 + 4 * 15137200 * 1024,
      requested: 17179869184,
    });
    expect(cluster.pods).toEqual({
      running: 1,
      pending: 1,
      failed: 1,
      succeeded: 1,
      unknown: 1,
    });
  });
});

describe('summarizeWorkloads', () => {
  it('pairs Deployments with the HPA that scales them', () => {
    const workloads = summarizeWorkloads(
      'mlops-system',
      [
        {
          metadata: { name: 'churn-predictor-inference' },
          spec: { replicas: 3 } as any,
          status: { readyReplicas: 2 },
        },
        {
          metadata: { name: 'mlflow' },
          spec: { replicas: 1 } as any,
          status: {},
        },
      ],
      [
        {
          metadata: { name: 'churn' },
          spec: {
            scaleTargetRef: {
              kind: 'Deployment',
              name: 'churn-predictor-inference',
            },
            minReplicas: 2,
            maxReplicas: 6,
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: 70 },
                },
              },
            ],
          },
          status: {
            currentReplicas: 3,
            desiredReplicas: 4,
            currentMetrics: [
              {
                type: 'Resource',
                resource: { name: 'cpu', current: { averageUtilization: 91 } },
              },
            ],
          },
        } as any,
      ],
    );
    expect(workloads).toEqual([
      {
        namespace: 'mlops-system',
        name: 'churn-predictor-inference',
        kind: 'Deployment',
        ready: 2,
        desired: 3,
        autoscaler: {
          name: 'churn',
          minReplicas: 2,
          maxReplicas: 6,
          currentReplicas: 3,
          desiredReplicas: 4,
          targetCpuUtilization: 70,
          currentCpuUtilization: 91,
        },
      },
      {
        namespace: 'mlops-system',
        name: 'mlflow',
        kind: 'Deployment',
        ready: 0,
        desired: 1,
      },
    ]);
  });
});
