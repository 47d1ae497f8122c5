export { parseQuantity } from './quantity';
export { podRequest, GPU_RESOURCE } from './podRequests';
export { createGpuAccumulator, summarizeGpus } from './gpus';
export { createClusterAccumulator } from './clusterAccumulator';
export { summarizeWorkloads } from './workloads';
export { loadClusterSnapshot } from './loadClusterSnapshot';
