import { JsonObject } from '@backstage/types';
import {
  ModelRegistrySummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';
import { SourceCache } from '../SourceCache';
import { ModelsService } from './types';

/** Reads an environment's models envelope; "not configured" without an mlflow block. */
export type ModelsReader = (
  environment: EnvironmentConfig,
) => Promise<SourceEnvelope<ModelRegistrySummary>>;

/** One reader for the /models route and the environment summary, through one cache entry. */
export function createModelsReader(deps: {
  sourceCache: SourceCache;
  models: ModelsService;
  keyMetrics: string[];
}): ModelsReader {
  return async environment => {
    if (!environment.mlflow) {
      return {
        environment: environment.name,
        source: 'mlflow',
        fetchedAt: new Date().toISOString(),
        stale: false,
        data: {
          configured: false,
          registryStyle: 'none',
          models: [],
          deployment: { status: 'not-configured' },
          unregisteredDeployments: [],
          keyMetrics: deps.keyMetrics,
        },
      };
    }
    return deps.sourceCache.read(
      { source: 'mlflow', environment: environment.name },
      signal =>
        deps.models.summarize(environment, signal) as Promise<
          ModelRegistrySummary & JsonObject
        >,
    );
  };
}
