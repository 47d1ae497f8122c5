import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EnvironmentSummary } from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig, toEnvironmentInfo } from '../../config/types';
import { EnvironmentSourceSummariser } from './types';

/** Runs every source's summariser in parallel; one failing never fails the rest. */
export async function summarizeEnvironment(
  environment: EnvironmentConfig,
  summarisers: EnvironmentSourceSummariser[],
  credentials: BackstageCredentials,
): Promise<EnvironmentSummary> {
  const entries = await Promise.all(
    summarisers.map(async summariser => {
      try {
        return [
          summariser.source,
          await summariser.summarise(environment, { credentials }),
        ] as const;
      } catch (error) {
        return [
          summariser.source,
          {
            status: 'error' as const,
            stale: false,
            message: error instanceof Error ? error.message : String(error),
          },
        ] as const;
      }
    }),
  );
  return {
    ...toEnvironmentInfo(environment),
    sources: Object.fromEntries(entries),
  };
}
