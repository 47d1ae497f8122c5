import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ML_ENVIRONMENT_RESOURCE_TYPE,
  ML_PLATFORM_ENVIRONMENT_ANNOTATION,
} from '@internal/backstage-plugin-ml-platform-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CostEstimateSource } from '../CostReport';

export const MONTHLY_ESTIMATE_ANNOTATION = 'ml-platform/monthly-estimate';
const CACHE_MS = 60_000;

/**
 * Monthly estimates from the `ml-platform/monthly-estimate` annotation of the
 * environments' catalog entities, read with the backend's own credentials and
 * kept for a minute so page views stay cheap.
 */
export function createCatalogEstimateSource(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): CostEstimateSource {
  let cached: { at: number; estimates: Map<string, number> } | undefined;

  async function load(): Promise<Map<string, number>> {
    const { items } = await options.catalog.getEntities(
      {
        filter: { kind: 'Resource', 'spec.type': ML_ENVIRONMENT_RESOURCE_TYPE },
        fields: ['kind', 'metadata.name', 'metadata.annotations', 'spec.type'],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    const estimates = new Map<string, number>();
    for (const entity of items) {
      const annotations = entity.metadata.annotations ?? {};
      const value = Number(annotations[MONTHLY_ESTIMATE_ANNOTATION]);
      const name =
        annotations[ML_PLATFORM_ENVIRONMENT_ANNOTATION] ?? entity.metadata.name;
      if (Number.isFinite(value) && value > 0) {
        estimates.set(name, value);
      }
    }
    return estimates;
  }

  return {
    async monthlyEstimates() {
      if (cached && Date.now() - cached.at < CACHE_MS) {
        return cached.estimates;
      }
      try {
        cached = { at: Date.now(), estimates: await load() };
      } catch (error) {
        // Cost views still work without estimates; try again next minute.
        options.logger.warn(
          `Could not read monthly estimates from the catalog: ${error}`,
        );
        cached = { at: Date.now(), estimates: cached?.estimates ?? new Map() };
      }
      return cached.estimates;
    },
  };
}
