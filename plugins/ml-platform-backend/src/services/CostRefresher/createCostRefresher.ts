import { LoggerService } from '@backstage/backend-plugin-api';
import { EnvironmentConfig } from '../../config/types';
import { CostExplorerGateway } from '../CostExplorer';
import { CostKind, CostLedger } from '../CostLedger';
import { addDays, isoDate, monthStart } from './dates';

export interface CostRefresher {
  /** Refreshes every environment with a cost source; never throws. */
  refreshAll(): Promise<void>;
}

export interface CostRefresherOptions {
  gateway: CostExplorerGateway;
  ledger: CostLedger;
  environments: EnvironmentConfig[];
  logger: LoggerService;
  /** Months of history fetched when an environment has none yet. */
  historyMonths: number;
  now?: () => Date;
  /** Applied to error messages before they are stored in the ledger. */
  redact?: (text: string) => string;
}

/**
 * Reads Cost Explorer into the ledger: on first run the configured history,
 * afterwards from the oldest day still flagged Estimated (or the newest day
 * held) to today, plus the forecast to month end.
 */
export function createCostRefresher(
  options: CostRefresherOptions,
): CostRefresher {
  const { gateway, ledger, logger } = options;
  const now = options.now ?? (() => new Date());

  async function startOf(env: string, kind: CostKind, today: string) {
    const { firstEstimated, latest } = await ledger.coverage(env, kind);
    if (!latest) {
      return monthStart(today, -(options.historyMonths - 1));
    }
    const from =
      firstEstimated && firstEstimated < latest ? firstEstimated : latest;
    return from > today ? today : from;
  }

  async function refreshOne(env: EnvironmentConfig) {
    const source = env.cost!;
    const at = now();
    const today = isoDate(at);
    const tomorrow = addDays(today, 1);
    const before = gateway.requestCount();
    try {
      const serviceFrom = await startOf(env.name, 'service', today);
      const byService = await gateway.dailyCostByService(
        source,
        serviceFrom,
        tomorrow,
      );
      await ledger.upsertDailyCosts(env.name, 'service', byService);

      const typeFrom = await startOf(env.name, 'instance_type', today);
      const byType = await gateway.dailyEc2CostByInstanceType(
        source,
        typeFrom,
        tomorrow,
      );
      await ledger.upsertDailyCosts(env.name, 'instance_type', byType);

      const forecast = await gateway.forecast(
        source,
        today,
        monthStart(today, 1),
      );
      if (forecast) {
        await ledger.setForecast(env.name, forecast);
      }
      const requests = gateway.requestCount() - before;
      await ledger.recordRefresh(env.name, { at: at.toISOString(), requests });
      logger.info(
        `Cost ledger refreshed for ${env.name}: ${
          byService.length
        } service rows since ${serviceFrom}, ${
          byType.length
        } instance-type rows; ${requests} Cost Explorer request(s), ${gateway.requestCount()} by this process since start`,
      );
    } catch (error) {
      const requests = gateway.requestCount() - before;
      const message = (options.redact ?? (t => t))(
        `${(error as Error).name}: ${(error as Error).message}`,
      );
      await ledger.recordRefresh(env.name, {
        at: at.toISOString(),
        requests,
        error: message,
      });
      logger.warn(
        `Cost ledger refresh failed for ${env.name} after ${requests} Cost Explorer request(s): ${message}`,
      );
    }
  }

  return {
    async refreshAll() {
      // One environment at a time keeps under Cost Explorer's rate limit
      // and makes the per-environment request count exact.
      for (const env of options.environments) {
        if (env.cost) {
          await refreshOne(env);
        }
      }
    },
  };
}
