/** A node group as the scenario describes it; the Kubernetes server expands it to Node objects. */
export interface NodeGroupScenario {
  name: string;
  instanceType: string;
  count: number;
  /** Allocatable CPU cores and memory GiB per node. */
  cpu: number;
  memoryGiB: number;
  /** NVIDIA GPUs per node, with the GPU feature discovery labels. */
  gpus?: {
    count: number;
    product: string;
    memoryMiB: number;
    /** false: no GPU feature discovery labels, only the device plugin's resource. */
    featureDiscovery?: boolean;
  };
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** How many of the nodes report Ready=False. */
  notReady?: number;
  /** Nodes use karpenter labels instead of the EKS node group label. */
  karpenter?: boolean;
  /**
   * GPUs that generated pods request on the group's Ready nodes, node after
   * node (the list is cycled, capped at the node's GPUs); NotReady nodes get
   * none. Without it, generated pods request no GPUs.
   */
  gpusInUse?: number[];
}

/** CPU cores, memory as a Kubernetes quantity, GPUs. */
export interface ResourcesScenario {
  cpu: string;
  memory: string;
  gpu?: number;
}

/**
 * A Deployment in the cluster. Its pods run on the ready nodes of `nodeGroup`;
 * replicas beyond `ready` are Pending with `pendingMessage`.
 */
export interface DeploymentScenario {
  namespace: string;
  name: string;
  /** app.kubernetes.io/component: inference, tracking, monitoring. */
  component: string;
  replicas: number;
  ready: number;
  nodeGroup: string;
  requests: ResourcesScenario;
  /** An init container (e.g. a model downloader) with its own requests. */
  initRequests?: ResourcesScenario;
  /** The MLflow model the Deployment serves: labels and MODEL_URI. */
  model?: { name: string; version: number };
  pendingMessage?: string;
  hpa?: {
    minReplicas: number;
    maxReplicas: number;
    targetCpuUtilization: number;
    currentCpuUtilization: number;
  };
}

/** A pod outside any Deployment: a job's pod, finished or waiting. */
export interface PodScenario {
  namespace: string;
  name: string;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  requests: ResourcesScenario;
  /** For Pending pods: the scheduler's PodScheduled message. */
  pendingMessage?: string;
  /** For pods that ran: where. */
  nodeGroup?: string;
}

export interface ClusterScenario {
  kubernetesVersion: string;
  nodeGroups: NodeGroupScenario[];
  deployments?: DeploymentScenario[];
  pods?: PodScenario[];
  /**
   * Generated pods spread over all nodes, beyond the DaemonSet pods every
   * node runs; for scale tests (100,000 pods are made page by page). GPU
   * nodes get one-GPU pods as their group's `gpusInUse` says.
   */
  fillerPods?: number;
  /** Generated pods that wait for GPUs no Ready node of `nodeGroup` has free. */
  pendingGpuPods?: { count: number; gpus: number; nodeGroup: string };
}

export type ModelStage = 'None' | 'Staging' | 'Production' | 'Archived';

export interface RegisteredModelScenario {
  name: string;
  description?: string;
  /** Versions 1..versions are registered. */
  versions: number;
  aliases?: Record<string, number>;
  /** Stage per version (stage-based registries); the rest are None. */
  stages?: Record<number, ModelStage>;
  /** Versions whose registration FAILED. */
  failedVersions?: number[];
  /** Versions whose source run was deleted: runs/get answers RESOURCE_DOES_NOT_EXIST. */
  deletedRuns?: number[];
  /** Run metrics: the value of version 1 and the change per later version. */
  metrics?: Record<string, { first: number; perVersion: number }>;
  tags?: Record<string, string>;
  /** model-versions/search for this model answers 500 INTERNAL_ERROR. */
  failing?: boolean;
}

/** Credentials the sandbox MLflow demands, like a server behind an auth proxy. */
export interface MlflowAuthScenario {
  token?: string;
  basic?: { username: string; password: string };
}

export interface CostScenario {
  tagKey: string;
  tagValue: string;
  /** Average daily spend by AWS service name. */
  dailyByService: Record<string, number>;
  /**
   * How EC2 compute spend splits by instance type (shares summing to 1), for
   * GroupBy INSTANCE_TYPE. Defaults to all t3.medium.
   */
  ec2InstanceShares?: Record<string, number>;
}

export interface EnvironmentScenario {
  name: string;
  cluster?: ClusterScenario;
  models?: RegisteredModelScenario[];
  mlflowAuth?: MlflowAuthScenario;
  cost?: CostScenario;
}

export interface Scenario {
  environments: EnvironmentScenario[];
}
