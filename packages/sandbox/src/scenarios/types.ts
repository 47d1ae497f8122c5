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

export interface RegisteredModelScenario {
  name: string;
  description?: string;
  versions: number;
  aliases?: Record<string, number>;
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
  cost?: CostScenario;
}

export interface Scenario {
  environments: EnvironmentScenario[];
}
