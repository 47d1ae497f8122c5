export { createCostReport } from './createCostReport';
export type * from './types';
export { gpuHourPrice, isGpuInstanceType } from './gpuPricing';
export { createCachedCostReport } from './createCachedCostReport';
export { costSourceSummariser } from './costSourceSummariser';
