import { EnvironmentConfig } from '../../config/types';

/** Labels an inference Deployment (or its pod template) carries to say what it serves. */
export const MODEL_NAME_LABEL = 'ml-platform/model-name';
export const MODEL_VERSION_LABEL = 'ml-platform/model-version';
/** Fallback: a container env var models:/<name>/<version|alias|stage> or models:/<name>@<alias>. */
export const MODEL_URI_ENV = 'MODEL_URI';

/** A Deployment that serves a model, as written in the cluster. */
export interface DeployedModel {
  namespace: string;
  deployment: string;
  modelName: string;
  /** Set when the reference is a version number. */
  version?: string;
  /** Set when the reference is an alias or a stage name. */
  alias?: string;
}

/** Reads which models the environment's cluster serves. */
export interface DeployedModelSource {
  /** Throws when the cluster cannot be read; [] without namespaces. */
  listDeployedModels(
    environment: EnvironmentConfig,
    signal?: AbortSignal,
  ): Promise<DeployedModel[]>;
}
