import { countNodes, nodeAt } from '../kubernetes/nodes';
import { podSource } from '../kubernetes/pods';
import { scaleScenario } from './scale';

const GPU = 'nvidia.com/gpu';

/**
 * Walks the big cluster the way the GPU view does, one item at a time as the
 * pages are made: GPUs requested by bound pods per node, and the pods that
 * wait for GPUs.
 */
function tallyGpus(nodes: number, pods: number) {
  const cluster = scaleScenario({ nodes, pods }).environments[0].cluster!;
  const gpuNodes = new Map<
    string,
    { allocatable: number; ready: boolean; instanceType: string }
  >();
  for (let i = 0; i < countNodes(cluster); i++) {
    const node = nodeAt(cluster, i, '2026-09-01T08:00:00Z');
    const allocatable = Number(node.status.allocatable[GPU] ?? 0);
    if (allocatable > 0) {
      gpuNodes.set(node.metadata.name, {
        allocatable,
        ready: node.status.conditions[0].status === 'True',
        instanceType: node.metadata.labels['node.kubernetes.io/instance-type'],
      });
    }
  }
  const requested = new Map<string, number>();
  const onOtherNodes: string[] = [];
  const pending: Array<{ gpus: number; message?: string; selector?: object }> =
    [];
  const source = podSource(cluster);
  for (let i = 0; i < source.total; i++) {
    const pod = source.at(i);
    const gpus = Number(pod.spec.containers[0].resources.limits[GPU] ?? 0);
    if (gpus === 0 || !['Running', 'Pending'].includes(pod.status.phase)) {
      continue;
    }
    const nodeName = pod.spec.nodeName;
    if (!nodeName) {
      pending.push({
        gpus,
        message: pod.status.conditions[0].message,
        selector: pod.spec.nodeSelector,
      });
    } else if (gpuNodes.has(nodeName)) {
      requested.set(nodeName, (requested.get(nodeName) ?? 0) + gpus);
    } else {
      onOtherNodes.push(pod.metadata.name);
    }
  }
  return { total: source.total, gpuNodes, requested, onOtherNodes, pending };
}

describe('scale scenario GPUs', () => {
  const { total, gpuNodes, requested, onOtherNodes, pending } = tallyGpus(
    5000,
    100000,
  );
  const use = [...gpuNodes].map(([name, node]) => ({
    ...node,
    requested: requested.get(name) ?? 0,
  }));

  it('still has 100,000 pods and 250 GPU nodes', () => {
    expect(total).toBe(100000);
    expect(gpuNodes.size).toBe(250);
  });

  it('never books more GPUs than a node has, nor any on a NotReady node', () => {
    expect(use.filter(n => n.requested > n.allocatable)).toEqual([]);
    expect(use.filter(n => !n.ready && n.requested > 0)).toEqual([]);
    expect(onOtherNodes).toEqual([]);
  });

  it('leaves some GPU nodes idle, some partly used and some full', () => {
    const ready = use.filter(n => n.ready);
    const idle = ready.filter(n => n.requested === 0).length;
    const full = ready.filter(n => n.requested === n.allocatable).length;
    expect(idle).toBeGreaterThan(10);
    expect(full).toBeGreaterThan(10);
    expect(ready.length - idle - full).toBeGreaterThan(10);
  });

  it('has a few GPU pods pending because no node they may use has room', () => {
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.length).toBeLessThanOrEqual(10);
    for (const pod of pending) {
      expect(pod.message).toMatch(/\d+ Insufficient nvidia\.com\/gpu/);
      const [[label, value]] = Object.entries(pod.selector ?? {});
      expect(label).toBe('node.kubernetes.io/instance-type');
      const fits = use.filter(
        n =>
          n.ready &&
          n.instanceType === value &&
          n.allocatable - n.requested >= pod.gpus,
      );
      expect(fits).toEqual([]);
    }
  });
});
