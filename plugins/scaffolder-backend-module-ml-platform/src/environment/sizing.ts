import { EksTier, EnvironmentShape, ShapeSize } from './request';

/** One managed node group (or the single host of the k3s shape). */
export interface NodeGroupSizing {
  name: string;
  instanceTypes: string[];
  min: number;
  desired: number;
  max: number;
  /** Kubernetes taint that keeps general workloads off the group. */
  taint?: { key: string; value: string; effect: 'NO_SCHEDULE' };
  gpu?: boolean;
}

/**
 * The resources an environment of a shape and tier consists of. The templates
 * render their Terraform from this, and the cost estimate prices it, so the
 * two cannot drift apart.
 */
export interface EnvironmentSizing {
  shape: EnvironmentShape;
  tier: string;
  /** small / medium / large of the k3s and ECS shapes. */
  size?: ShapeSize;
  availabilityZones: number;
  natGateways: number;
  nodeGroups: NodeGroupSizing[];
  eksControlPlane: boolean;
  /** The EKS Kubernetes version the cluster runs, and when its standard support ends. */
  kubernetes?: EksKubernetesVersion;
  database?: {
    instanceClass: string;
    multiAz: boolean;
    backupRetentionDays: number;
    deletionProtection: boolean;
  };
  cache?: { nodeType: string; nodes: number };
  loadBalancer: boolean;
  /** ECS: inference API tasks and MLflow tasks, all of the same task size. */
  fargate?: FargateSizing;
}

export interface EksKubernetesVersion {
  version: string;
  /** ISO date; past it the control plane is billed at the extended-support rate. */
  standardSupportEnds: string;
}

/**
 * The version new EKS clusters get: the newest in EKS standard support, from the
 * Amazon EKS Kubernetes release calendar
 * (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html,
 * mirrored at https://endoflife.date/amazon-eks): 1.35 released 2026-01-28,
 * standard support until 2027-03-27 (1.34 ends 2026-12-02, 1.33 ended 2026-07-29).
 */
export const EKS_KUBERNETES_VERSION: EksKubernetesVersion = {
  version: '1.35',
  standardSupportEnds: '2027-03-27',
};

const DATA_TAINT = {
  key: 'workload',
  value: 'data',
  effect: 'NO_SCHEDULE',
} as const;
const GPU_TAINT = {
  key: 'nvidia.com/gpu',
  value: 'true',
  effect: 'NO_SCHEDULE',
} as const;

export interface GpuRequest {
  min: number;
  desired: number;
  max: number;
}

const DEFAULT_GPU: GpuRequest = { min: 0, desired: 0, max: 5 };

/** Sizing of the EKS tiers (the platform matrix in shared/DESIGN.md). */
export function eksSizing(
  tier: EksTier,
  gpu: GpuRequest = DEFAULT_GPU,
): EnvironmentSizing {
  const gpuGroup: NodeGroupSizing = {
    name: 'gpu',
    instanceTypes: ['g4dn.xlarge'],
    ...gpu,
    taint: GPU_TAINT,
    gpu: true,
  };
  if (tier === 'dev') {
    return {
      shape: 'eks',
      tier,
      availabilityZones: 2,
      natGateways: 1,
      eksControlPlane: true,
      kubernetes: EKS_KUBERNETES_VERSION,
      nodeGroups: [
        {
          name: 'system',
          instanceTypes: ['t3.medium'],
          min: 1,
          desired: 2,
          max: 3,
        },
        gpuGroup,
      ],
      database: {
        instanceClass: 'db.t3.micro',
        multiAz: false,
        backupRetentionDays: 7,
        deletionProtection: false,
      },
      loadBalancer: false,
    };
  }
  if (tier === 'staging') {
    return {
      shape: 'eks',
      tier,
      availabilityZones: 3,
      natGateways: 3,
      eksControlPlane: true,
      kubernetes: EKS_KUBERNETES_VERSION,
      nodeGroups: [
        {
          name: 'system',
          instanceTypes: ['m5.large'],
          min: 2,
          desired: 2,
          max: 6,
        },
        {
          name: 'data',
          instanceTypes: ['c5.xlarge'],
          min: 0,
          desired: 1,
          max: 8,
          taint: DATA_TAINT,
        },
        gpuGroup,
      ],
      database: {
        instanceClass: 'db.t3.small',
        multiAz: false,
        backupRetentionDays: 14,
        deletionProtection: false,
      },
      cache: { nodeType: 'cache.t3.small', nodes: 1 },
      loadBalancer: false,
    };
  }
  return {
    shape: 'eks',
    tier,
    availabilityZones: 3,
    natGateways: 3,
    eksControlPlane: true,
    kubernetes: EKS_KUBERNETES_VERSION,
    nodeGroups: [
      {
        name: 'system',
        instanceTypes: ['m5.large'],
        min: 1,
        desired: 3,
        max: 10,
      },
      {
        name: 'data',
        instanceTypes: ['c5.2xlarge'],
        min: 0,
        desired: 2,
        max: 20,
        taint: DATA_TAINT,
      },
      {
        name: 'ml',
        instanceTypes: ['m5.xlarge', 'm5.2xlarge'],
        min: 0,
        desired: 2,
        max: 15,
      },
      gpuGroup,
    ],
    database: {
      instanceClass: 'db.r6g.large',
      multiAz: true,
      backupRetentionDays: 30,
      deletionProtection: true,
    },
    cache: { nodeType: 'cache.r6g.large', nodes: 2 },
    loadBalancer: true,
  };
}

/** The k3s host per size: one EC2 instance type from the price table. */
export const K3S_INSTANCE_TYPES: Record<ShapeSize, string> = {
  small: 't3.medium',
  medium: 'm5.xlarge',
  large: 'm5.2xlarge',
};

export interface FargateSizing {
  /** Inference API tasks (the autoscaling minimum). */
  tasks: number;
  /** MLflow tracking server tasks. */
  mlflowTasks: number;
  vcpu: number;
  memoryGiB: number;
}

/** ECS Fargate per size: task counts and a valid Fargate cpu/memory pair. */
export const ECS_TASKS: Record<ShapeSize, FargateSizing> = {
  small: { tasks: 2, mlflowTasks: 1, vcpu: 0.5, memoryGiB: 1 },
  medium: { tasks: 2, mlflowTasks: 1, vcpu: 1, memoryGiB: 2 },
  large: { tasks: 4, mlflowTasks: 1, vcpu: 2, memoryGiB: 4 },
};

/**
 * Sizing for any shape; `tier` and `gpu` only matter for EKS, `size` only for
 * k3s and ECS.
 */
export function environmentSizing(
  shape: EnvironmentShape,
  tier: EksTier = 'dev',
  gpu?: GpuRequest,
  size: ShapeSize = 'small',
): EnvironmentSizing {
  switch (shape) {
    case 'eks':
      return eksSizing(tier, gpu);
    case 'kind':
      return {
        shape,
        tier: 'local',
        availabilityZones: 0,
        natGateways: 0,
        eksControlPlane: false,
        nodeGroups: [],
        loadBalancer: false,
      };
    case 'k3s':
      // The cheapest shape: one public host, no NAT, MLflow on the same host.
      return {
        shape,
        tier: 'dev',
        size,
        availabilityZones: 1,
        natGateways: 0,
        eksControlPlane: false,
        nodeGroups: [
          {
            name: 'k3s',
            instanceTypes: [K3S_INSTANCE_TYPES[size]],
            min: 1,
            desired: 1,
            max: 1,
          },
        ],
        loadBalancer: false,
      };
    case 'ecs':
      return {
        shape,
        tier: 'dev',
        size,
        availabilityZones: 2,
        natGateways: 1,
        eksControlPlane: false,
        nodeGroups: [],
        database: {
          instanceClass: 'db.t3.micro',
          multiAz: false,
          backupRetentionDays: 7,
          deletionProtection: false,
        },
        loadBalancer: true,
        fargate: ECS_TASKS[size],
      };
    default:
      throw new Error(`Unknown shape ${shape satisfies never}`);
  }
}
