export type { GpuAllocation, GpuAllocationSource } from './types';
export { createKubernetesGpuAllocationSource } from './createKubernetesGpuAllocationSource';
export { createGpuSampler } from './createGpuSampler';
