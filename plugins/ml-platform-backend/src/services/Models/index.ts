export type { ModelsOptions, ModelsService } from './types';
export {
  createModelsService,
  DEFAULT_MODELS_OPTIONS,
} from './createModelsService';
export { detectDrift } from './detectDrift';
export { createModelsReader } from './createModelsReader';
export type { ModelsReader } from './createModelsReader';
export { mlflowSourceSummariser } from './mlflowSourceSummariser';
