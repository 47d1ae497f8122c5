import { node, pod } from './fixtures';
import { summarizeGpus } from './gpus';

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

describe('GPU node states an operator acts on', () => {
  const summary = summarizeGpus(
    [
      node('cordoned', { labels: t4, gpus: '1', unschedulable: true }),
      node('cordoned-busy', { labels: t4, gpus: '1', unschedulable: true }),
      node('plugin-down', { labels: t4, gpus: '1', allocatableGpus: '0' }),
      node('healthy', { labels: t4, gpus: '1' }),
      node('gone', {
        labels: t4,
        gpus: '1',
        unschedulable: true,
        ready: false,
      }),
    ],
    [
      pod('still-running', {
        nodeName: 'cordoned-busy',
        containers: [{ limits: { 'nvidia.com/gpu': '1' } }],
      }),
    ],
  );
  const state = (name: string) =>
    summary.nodes.find(n => n.name === name)?.state;

  it('calls a cordoned Ready node cordoned, not idle or full', () => {
    expect(state('cordoned')).toBe('cordoned');
    expect(state('cordoned-busy')).toBe('cordoned');
    expect(summary.nodes.find(n => n.name === 'cordoned-busy')).toMatchObject({
      requested: 1,
      unschedulable: true,
    });
  });

  it('flags a node whose GPUs are not allocatable (device plugin down)', () => {
    expect(state('plugin-down')).toBe('no-allocatable');
    expect(summary.nodes.find(n => n.name === 'plugin-down')).toMatchObject({
      capacity: 1,
      allocatable: 0,
      free: 0,
    });
  });

  it('keeps NotReady first and idle for a healthy unused node', () => {
    expect(state('gone')).toBe('not-ready');
    expect(state('healthy')).toBe('idle');
  });

  it('counts free GPUs only on healthy schedulable nodes', () => {
    expect(summary.totals).toMatchObject({
      nodes: 5,
      capacity: 5,
      allocatable: 4,
      requested: 1,
      free: 1,
    });
  });
});
