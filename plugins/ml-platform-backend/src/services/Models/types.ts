import { ModelRegistrySummary } from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';

export interface ModelsOptions {
  /** Metric names read from each version's source run. */
  keyMetrics: string[];
  /** The alias that marks what should run; stage registries use Production instead. */
  championAlias: string;
  /** Run metrics are read for this many newest versions, plus every aliased, staged or deployed one. */
  metricsForNewestVersions: number;
}

/** Builds an environment's model summary from its MLflow registry and its cluster. */
export interface ModelsService {
  /** Throws when MLflow cannot be read; a cluster failure only marks `deployment`. */
  summarize(
    environment: EnvironmentConfig,
    signal?: AbortSignal,
  ): Promise<ModelRegistrySummary>;
}
