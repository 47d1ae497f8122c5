import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentConfig } from '../../config/types';
import { CostLedger } from '../CostLedger';
import { GpuAllocationSource } from './types';

/**
 * Records each environment's GPU allocation into the ledger; every sample
 * stands for one interval, so idle GPU-hours are a sum.
 */
export function createGpuSampler(options: {
  source: GpuAllocationSource;
  ledger: CostLedger;
  environments: EnvironmentConfig[];
  logger: LoggerService;
  intervalSeconds: number;
}) {
  return async function sampleAll() {
    const sampledAt = new Date().toISOString();
    for (const env of options.environments.filter(e => e.kubernetes)) {
      try {
        const allocations = await options.source.sample(env);
        await options.ledger.addGpuSamples(
          allocations.map(a => ({
            environment: env.name,
            sampledAt,
            intervalSeconds: options.intervalSeconds,
            ...a,
          })),
        );
      } catch (error) {
        options.logger.warn(
          `GPU allocation sample failed for ${env.name}: ${error}`,
        );
      }
    }
  };
}
