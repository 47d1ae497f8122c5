export type { EnvironmentSourceSummariser } from './types';
export { summarizeEnvironment } from './summarizeEnvironment';
