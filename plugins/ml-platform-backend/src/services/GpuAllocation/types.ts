import { EnvironmentConfig } from '../../config/types';

/** GPUs on an environment's nodes of one instance type at one moment. */
export interface GpuAllocation {
  instanceType: string;
  /** nvidia.com/gpu allocatable on ready nodes. */
  allocatable: number;
  /** nvidia.com/gpu requested by running pods on those nodes. */
  requested: number;
}

/**
 * Where GPU allocation comes from. The default reads nodes and pods from the
 * environment's Kubernetes API; the cluster view may provide its own.
 */
export interface GpuAllocationSource {
  sample(env: EnvironmentConfig): Promise<GpuAllocation[]>;
}
