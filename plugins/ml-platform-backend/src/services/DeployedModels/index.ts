export type { DeployedModel, DeployedModelSource } from './types';
export { MODEL_NAME_LABEL, MODEL_URI_ENV, MODEL_VERSION_LABEL } from './types';
export { createDeployedModelSource } from './createDeployedModelSource';
export { parseDeployedModel, parseModelUri } from './parseDeployedModel';
