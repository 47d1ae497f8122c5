import {
  GpuNodeSummary,
  GpuPendingPod,
  GpuSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { NodeObject, PodObject } from '../Kubernetes';
import { INSTANCE_TYPE_LABEL, isNodeReady, nodeGroupOf } from './nodeFacts';
import { GPU_RESOURCE, podRequest, unschedulableMessage } from './podRequests';
import { parseQuantity } from './quantity';

const PRODUCT_LABEL = 'nvidia.com/gpu.product';
const MEMORY_LABEL = 'nvidia.com/gpu.memory';
const INSUFFICIENT_GPU = /Insufficient nvidia\.com\/gpu/;
/** Listed pending pods; the total is counted beyond this. */
export const MAX_LISTED_PENDING_PODS = 100;

/**
 * Builds the GPU view of a cluster from node and pod pages in any order,
 * keeping only GPU nodes and per-node GPU sums, never the pods themselves.
 */
export function createGpuAccumulator() {
  const nodes: Omit<GpuNodeSummary, 'requested' | 'free' | 'state'>[] = [];
  const requestedByNode = new Map<string, number>();
  const pendingPods: GpuPendingPod[] = [];
  let pendingPodsTotal = 0;

  return {
    addNode(node: NodeObject) {
      const capacity = parseQuantity(node.status?.capacity?.[GPU_RESOURCE]);
      const allocatable = parseQuantity(
        node.status?.allocatable?.[GPU_RESOURCE],
      );
      if (capacity <= 0 && allocatable <= 0) {
        return;
      }
      const labels = node.metadata?.labels ?? {};
      const instanceType = labels[INSTANCE_TYPE_LABEL];
      const memory = Number(labels[MEMORY_LABEL]);
      nodes.push({
        name: node.metadata?.name ?? 'unnamed',
        product: labels[PRODUCT_LABEL] ?? instanceType ?? 'unknown',
        ...(instanceType && { instanceType }),
        nodeGroup: nodeGroupOf(node).name,
        ...(memory > 0 && { memoryMiB: memory }),
        capacity,
        allocatable,
        ready: isNodeReady(node),
        unschedulable: node.spec?.unschedulable === true,
        taints: (node.spec?.taints ?? []).map(t => ({
          key: t.key,
          ...(t.value !== undefined && { value: t.value }),
          effect: t.effect,
        })),
      });
    },

    addPod(pod: PodObject) {
      const phase = pod.status?.phase;
      if (phase !== 'Running' && phase !== 'Pending') {
        return;
      }
      const gpus = podRequest(pod, GPU_RESOURCE);
      if (gpus <= 0) {
        return;
      }
      const nodeName = pod.spec?.nodeName;
      if (nodeName) {
        // Bound pods hold their GPUs even before they are Running.
        requestedByNode.set(
          nodeName,
          (requestedByNode.get(nodeName) ?? 0) + gpus,
        );
        return;
      }
      const message = unschedulableMessage(pod);
      if (message && INSUFFICIENT_GPU.test(message)) {
        pendingPodsTotal++;
        if (pendingPods.length < MAX_LISTED_PENDING_PODS) {
          pendingPods.push({
            namespace: pod.metadata?.namespace ?? 'default',
            name: pod.metadata?.name ?? 'unnamed',
            requested: gpus,
            message,
          });
        }
      }
    },

    summary(): GpuSummary {
      const summaries: GpuNodeSummary[] = nodes.map(node => {
        const requested = requestedByNode.get(node.name) ?? 0;
        const free = Math.max(0, node.allocatable - requested);
        let state: GpuNodeSummary['state'] = 'partial';
        if (!node.ready) {
          state = 'not-ready';
        } else if (node.unschedulable) {
          // Drained or being drained: no new pod lands here, however idle.
          state = 'cordoned';
        } else if (node.capacity > 0 && node.allocatable === 0) {
          // The kubelet sees GPUs but the device plugin offers none.
          state = 'no-allocatable';
        } else if (requested === 0) {
          state = 'idle';
        } else if (free === 0) {
          state = 'full';
        }
        return { ...node, requested, free, state };
      });
      summaries.sort(
        (a, b) =>
          a.product.localeCompare(b.product) || a.name.localeCompare(b.name),
      );
      const usable = (n: GpuNodeSummary) => n.ready && !n.unschedulable;
      const byProduct = new Map<string, GpuSummary['byProduct'][number]>();
      for (const n of summaries) {
        const entry = byProduct.get(n.product) ?? {
          product: n.product,
          nodes: 0,
          allocatable: 0,
          requested: 0,
          free: 0,
        };
        entry.nodes++;
        entry.allocatable += n.allocatable;
        entry.requested += n.requested;
        entry.free += usable(n) ? n.free : 0;
        byProduct.set(n.product, entry);
      }
      const sum = (pick: (n: GpuNodeSummary) => number) =>
        summaries.reduce((total, n) => total + pick(n), 0);
      return {
        totals: {
          nodes: summaries.length,
          readyNodes: summaries.filter(n => n.ready).length,
          capacity: sum(n => n.capacity),
          allocatable: sum(n => n.allocatable),
          requested: sum(n => n.requested),
          // Only GPUs a pod could be scheduled onto now.
          free: sum(n => (usable(n) ? n.free : 0)),
        },
        byProduct: [...byProduct.values()],
        nodes: summaries,
        pendingPods,
        pendingPodsTotal,
      };
    },
  };
}

/**
 * The GPU view of a set of nodes and pods: per GPU node its product, memory,
 * capacity, allocatable, requested, free, taints and readiness; totals per
 * cluster and per product; pods pending for lack of nvidia.com/gpu.
 */
export function summarizeGpus(
  nodes: Iterable<NodeObject>,
  pods: Iterable<PodObject>,
): GpuSummary {
  const accumulator = createGpuAccumulator();
  for (const node of nodes) {
    accumulator.addNode(node);
  }
  for (const pod of pods) {
    accumulator.addPod(pod);
  }
  return accumulator.summary();
}
