import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  SourceStatus,
  UpstreamSource,
} from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';

/**
 * Contributes one upstream's entry to `GET /environments/:name`. Each upstream
 * (Kubernetes, MLflow, cost) adds its own; the caller's credentials let an
 * entry hide numbers the caller may not see.
 */
export interface EnvironmentSourceSummariser {
  source: UpstreamSource;
  summarise(
    environment: EnvironmentConfig,
    context: { credentials: BackstageCredentials },
  ): Promise<SourceStatus>;
}
