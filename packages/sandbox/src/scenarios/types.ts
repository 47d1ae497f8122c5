/** A node group as the scenario describes it; the Kubernetes server expands it to Node objects. */
export interface NodeGroupScenario {
  name: string;
  instanceType: string;
  count: number;
  /** Allocatable CPU cores and memory GiB per node. */
  cpu: number;
  memoryGiB: number;
  /** NVIDIA GPUs per node, with the GPU feature discovery labels. */
  gpus?: { count: number; product: string; memoryMiB: number };
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** How many of the nodes report Ready=False. */
  notReady?: number;
  /** Nodes use karpenter labels instead of the EKS node group label. */
  karpenter?: boolean;
}

export interface ClusterScenario {
  kubernetesVersion: string;
  nodeGroups: NodeGroupScenario[];
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
}

/** An inference Deployment that serves a model, by labels or by MODEL_URI. */
export interface InferenceDeploymentScenario {
  namespace: string;
  name: string;
  model: string;
  /** Label ml-platform/model-version (a version or alias), when modelUri is unset. */
  version: string;
  /** Set to mark the model by the MODEL_URI env var instead of labels. */
  modelUri?: string;
  replicas?: number;
}

export interface EnvironmentScenario {
  name: string;
  cluster?: ClusterScenario;
  models?: RegisteredModelScenario[];
  mlflowAuth?: MlflowAuthScenario;
  inferenceDeployments?: InferenceDeploymentScenario[];
  cost?: CostScenario;
}

export interface Scenario {
  environments: EnvironmentScenario[];
}
