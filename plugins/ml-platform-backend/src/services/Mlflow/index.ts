export type {
  MlflowClient,
  MlflowClientOptions,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
  MlflowTag,
} from './types';
export { MlflowError } from './types';
export {
  createMlflowClient,
  DEFAULT_MLFLOW_CLIENT_OPTIONS,
} from './createMlflowClient';
