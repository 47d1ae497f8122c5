import { NodeObject, PodObject } from '../Kubernetes';

/** Realistic objects for the derivation tests, in the API's JSON shape. */
export function node(
  name: string,
  options: {
    labels?: Record<string, string>;
    ready?: boolean;
    cpu?: string;
    memory?: string;
    gpus?: string;
    /** Allocatable GPUs when they differ from capacity (device plugin down). */
    allocatableGpus?: string;
    taints?: NodeObject['spec'] extends infer S
      ? S extends { taints?: infer T }
        ? T
        : never
      : never;
    unschedulable?: boolean;
  } = {},
): NodeObject {
  const allocatable: Record<string, string> = {
    cpu: options.cpu ?? '3920m',
    memory: options.memory ?? '15137200Ki',
    pods: '29',
  };
  const capacity: Record<string, string> = { ...allocatable, cpu: '4' };
  if (options.gpus) {
    capacity['nvidia.com/gpu'] = options.gpus;
    allocatable['nvidia.com/gpu'] = options.allocatableGpus ?? options.gpus;
  }
  return {
    metadata: { name, labels: options.labels },
    spec: { taints: options.taints, unschedulable: options.unschedulable },
    status: {
      capacity,
      allocatable,
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        {
          type: 'Ready',
          status: options.ready === false ? 'False' : 'True',
          reason: options.ready === false ? 'KubeletNotReady' : 'KubeletReady',
        },
      ],
    },
  };
}

type Requests = Record<string, string>;

export function pod(
  name: string,
  options: {
    phase?: string;
    nodeName?: string;
    containers?: Array<{ requests?: Requests; limits?: Requests }>;
    initContainers?: Array<{
      requests?: Requests;
      restartPolicy?: string;
    }>;
    overhead?: Requests;
    unschedulable?: string;
    namespace?: string;
  } = {},
): PodObject {
  return {
    metadata: { name, namespace: options.namespace ?? 'mlops-system' },
    spec: {
      nodeName: options.nodeName,
      containers: (options.containers ?? [{}]).map((c, i) => ({
        name: `c${i}`,
        resources: { requests: c.requests, limits: c.limits },
      })),
      initContainers: options.initContainers?.map((c, i) => ({
        name: `init${i}`,
        restartPolicy: c.restartPolicy,
        resources: { requests: c.requests },
      })),
      overhead: options.overhead,
    },
    status: {
      phase: options.phase ?? 'Running',
      conditions: options.unschedulable
        ? [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: options.unschedulable,
            },
          ]
        : [{ type: 'PodScheduled', status: 'True' }],
    },
  };
}
