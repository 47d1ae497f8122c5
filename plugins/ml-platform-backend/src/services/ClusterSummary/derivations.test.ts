import { createClusterAccumulator } from './clusterAccumulator';
import { node, pod } from './fixtures';
import { podRequest } from './podRequests';
import { parseQuantity } from './quantity';

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

describe('node groups', () => {
  it('keeps an EKS node group and a Karpenter pool of the same name apart', () => {
    const accumulator = createClusterAccumulator();
    accumulator.addNodes([
      node('managed-1', {
        labels: {
          'eks.amazonaws.com/nodegroup': 'gpu',
          'node.kubernetes.io/instance-type': 'g4dn.xlarge',
        },
      }),
      node('managed-2', {
        labels: {
          'eks.amazonaws.com/nodegroup': 'gpu',
          'node.kubernetes.io/instance-type': 'g4dn.xlarge',
        },
        ready: false,
      }),
      node('karpenter-1', {
        labels: {
          'karpenter.sh/nodepool': 'gpu',
          'node.kubernetes.io/instance-type': 'g5.xlarge',
        },
      }),
    ]);
    const { nodeGroups } = accumulator.snapshot('v1.30.4', []).cluster;
    expect(
      nodeGroups.map(g => [g.name, g.groupedBy, g.instanceType, g.count]),
    ).toEqual([
      ['gpu', 'nodegroup', 'g4dn.xlarge', 2],
      ['gpu', 'nodepool', 'g5.xlarge', 1],
    ]);
  });
});
