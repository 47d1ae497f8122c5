export type { GpuAllocation, GpuAllocationSource } from './types';
export { createClusterViewGpuAllocationSource } from './createClusterViewGpuAllocationSource';
export { createGpuSampler } from './createGpuSampler';
