export type { ModelsOptions, ModelsService } from './types';
export {
  createModelsService,
  DEFAULT_MODELS_OPTIONS,
} from './createModelsService';
export { detectDrift } from './detectDrift';
