import { createApiRef } from '@backstage/core-plugin-api';
import {
  CostList,
  CostPeriod,
  EnvironmentCostData,
  EnvironmentInfo,
  EnvironmentList,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';

/** The only thing in the frontend that talks to the ml-platform backend. @public */
export interface MlPlatformApi {
  listEnvironments(): Promise<EnvironmentList>;
  getEnvironment(name: string): Promise<EnvironmentInfo>;
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
