export type { ClusterStatusService } from './types';
export { createClusterStatusService } from './createClusterStatusService';
export { kubernetesSourceSummariser } from './kubernetesSourceSummariser';
