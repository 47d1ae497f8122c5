import { createApiRef } from '@backstage/core-plugin-api';
import {
  ClusterSummary,
  EnvironmentList,
  EnvironmentSummary,
  GpuSummary,
  ModelRegistrySummary,
  CostList,
  CostPeriod,
  EnvironmentCostData,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';

/** The only thing in the frontend that talks to the ml-platform backend. @public */
export interface MlPlatformApi {
  listEnvironments(): Promise<EnvironmentList>;
  /** The environment with a short status and headline numbers per upstream. */
  getEnvironment(name: string): Promise<EnvironmentSummary>;
  getCluster(name: string): Promise<SourceEnvelope<ClusterSummary>>;
  getGpus(name: string): Promise<SourceEnvelope<GpuSummary>>;
  /** The MLflow registry of an environment and which versions its cluster runs. */
  getModels(name: string): Promise<SourceEnvelope<ModelRegistrySummary>>;
  /** Needs ml-platform.cost.read; a 403 ResponseError otherwise. */
  getEnvironmentCost(
    name: string,
    options?: { period?: CostPeriod; top?: number },
  ): Promise<SourceEnvelope<EnvironmentCostData>>;
  /** Every environment with a cost source; needs ml-platform.cost.read. */
  listCosts(options?: { period?: CostPeriod; top?: number }): Promise<CostList>;
}

/** @public */
export const mlPlatformApiRef = createApiRef<MlPlatformApi>({
  id: 'plugin.ml-platform.api',
});
