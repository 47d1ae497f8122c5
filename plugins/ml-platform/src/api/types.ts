import { createApiRef } from '@backstage/core-plugin-api';
import {
  EnvironmentInfo,
  EnvironmentList,
  ModelRegistrySummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';

/** The only thing in the frontend that talks to the ml-platform backend. @public */
export interface MlPlatformApi {
  listEnvironments(): Promise<EnvironmentList>;
  getEnvironment(name: string): Promise<EnvironmentInfo>;
  /** The MLflow registry of an environment and which versions its cluster runs. */
  getModels(name: string): Promise<SourceEnvelope<ModelRegistrySummary>>;
}

/** @public */
export const mlPlatformApiRef = createApiRef<MlPlatformApi>({
  id: 'plugin.ml-platform.api',
});
