/**
 * What `GET /environments/:name/cluster` answers in its envelope's `data`.
 * Quantities are numbers: CPU in cores, memory in bytes.
 * @public
 */
export interface ClusterSummary {
  kubernetesVersion: string;
  nodes: { total: number; ready: number; notReady: number };
  nodeGroups: NodeGroupSummary[];
  cpu: { allocatable: number; requested: number };
  memory: { allocatable: number; requested: number };
  pods: {
    running: number;
    pending: number;
    failed: number;
    succeeded: number;
    unknown: number;
  };
  workloads: WorkloadSummary[];
  /**
   * Workload lists that could not be read (RBAC, an API group the cluster
   * lacks); the rest of the view still holds. Absent in snapshots cached by
   * versions before it.
   */
  workloadErrors?: WorkloadListError[];
}

/** A namespace's Deployment or HPA list that failed. @public */
export interface WorkloadListError {
  namespace: string;
  kind: 'Deployment' | 'HorizontalPodAutoscaler';
  /** e.g. "Kubernetes API answered 403: deployments.apps is forbidden: ..." */
  message: string;
}

/**
 * Nodes grouped by EKS node group, Karpenter node pool or, failing both,
 * instance type. A group is named by `name` and `groupedBy` together: an EKS
 * node group and a Karpenter pool of the same name are two groups.
 * @public
 */
export interface NodeGroupSummary {
  name: string;
  /** Which label named the group. */
  groupedBy: 'nodegroup' | 'nodepool' | 'instance-type' | 'none';
  instanceType: string;
  count: number;
  ready: number;
  notReady: number;
  zones: string[];
}

/** An ML workload (inference API, MLflow, monitoring) in a configured namespace. @public */
export interface WorkloadSummary {
  namespace: string;
  name: string;
  kind: 'Deployment';
  ready: number;
  desired: number;
  /** The first (by name) of `autoscalers`, as before there could be several. */
  autoscaler?: AutoscalerSummary;
  /**
   * Every HorizontalPodAutoscaler that targets this Deployment, by name; more
   * than one is a misconfiguration worth seeing. Absent in snapshots cached
   * by versions before it.
   */
  autoscalers?: AutoscalerSummary[];
}

/** A HorizontalPodAutoscaler (autoscaling/v2). @public */
export interface AutoscalerSummary {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
  /** Target average CPU utilisation in percent, if the HPA sets one. */
  targetCpuUtilization?: number;
  /** Current average CPU utilisation in percent, if reported. */
  currentCpuUtilization?: number;
  /** Every metric the HPA scales on, in its spec's order. */
  metrics?: AutoscalerMetric[];
}

/**
 * One metric an HPA scales on. Values are numbers: percent for Utilization,
 * else the quantity (cores for cpu, bytes for memory, the metric's unit).
 * @public
 */
export interface AutoscalerMetric {
  type: 'Resource' | 'ContainerResource' | 'Pods' | 'Object' | 'External';
  /** cpu or memory for (Container)Resource metrics, else the metric's name. */
  name: string;
  /** ContainerResource: the container whose use counts. */
  container?: string;
  /** Object: the object the metric describes, as Kind/name. */
  object?: string;
  /** Utilization and AverageValue are per pod, Value is the total. */
  target: { type: 'Utilization' | 'AverageValue' | 'Value'; value: number };
  /** The HPA's last reading in the target's terms, if it has one. */
  current?: number;
}

/** What `GET /environments/:name/gpus` answers in its envelope's `data`. @public */
export interface GpuSummary {
  totals: {
    nodes: number;
    readyNodes: number;
    capacity: number;
    allocatable: number;
    requested: number;
    free: number;
  };
  byProduct: GpuProductSummary[];
  nodes: GpuNodeSummary[];
  /** Pods the scheduler could not place for lack of nvidia.com/gpu (at most 100 listed). */
  pendingPods: GpuPendingPod[];
  /** All such pods, also those beyond the listed ones. */
  pendingPodsTotal: number;
}

/** @public */
export interface GpuProductSummary {
  product: string;
  nodes: number;
  allocatable: number;
  requested: number;
  free: number;
}

/** One node with NVIDIA GPUs. @public */
export interface GpuNodeSummary {
  name: string;
  /** nvidia.com/gpu.product, else the instance type. */
  product: string;
  instanceType?: string;
  nodeGroup?: string;
  /** Memory per GPU (nvidia.com/gpu.memory), when GPU feature discovery labels the node. */
  memoryMiB?: number;
  capacity: number;
  allocatable: number;
  /** GPUs requested by running (and bound, not finished) pods on the node. */
  requested: number;
  free: number;
  ready: boolean;
  unschedulable: boolean;
  taints: Array<{ key: string; value?: string; effect: string }>;
  /**
   * not-ready: the node is NotReady; cordoned: Ready but unschedulable;
   * no-allocatable: GPUs in capacity but none allocatable (device plugin not
   * ready); otherwise idle (no GPU in use), partial (some) or full (none free).
   */
  state:
    | 'idle'
    | 'partial'
    | 'full'
    | 'not-ready'
    | 'cordoned'
    | 'no-allocatable';
}

/** @public */
export interface GpuPendingPod {
  namespace: string;
  name: string;
  /** nvidia.com/gpu the pod asks for. */
  requested: number;
  /** The scheduler's reason, from the PodScheduled condition. */
  message?: string;
}

/** Both views of one cluster, fetched together in one pass over nodes and pods. @public */
export interface ClusterSnapshot {
  cluster: ClusterSummary;
  gpus: GpuSummary;
}
