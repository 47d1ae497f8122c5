import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { readCostSettings } from './config/readCostSettings';
import { EnvironmentConfig } from './config/types';
import { createCatalogEstimateSource } from './services/CostEstimates';
import {
  CostExplorerGateway,
  createCostExplorerGateway,
} from './services/CostExplorer';
import {
  CostLedger,
  createCostLedger,
  withLedgerStateMemo,
} from './services/CostLedger';
import { createCostRefresher } from './services/CostRefresher';
import {
  CostReport,
  createCachedCostReport,
  createCostReport,
} from './services/CostReport';
import {
  GpuAllocationSource,
  createGpuSampler,
} from './services/GpuAllocation';

export const COST_REFRESH_TASK_ID = 'ml-platform-cost-refresh';
export const GPU_SAMPLE_TASK_ID = 'ml-platform-gpu-sample';

/**
 * Sets up the cost ledger and its scheduled refresh. The task is global, so
 * with several backend replicas only one of them calls Cost Explorer.
 */
export async function setUpCostLedger(deps: {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  auth: AuthService;
  catalog: CatalogService;
  environments: EnvironmentConfig[];
  /** GPU allocation per environment, sampled for the idle-GPU cost. */
  gpuAllocationSource: GpuAllocationSource;
  /** Applied to refresh errors before the ledger stores them. */
  redact?: (text: string) => string;
}): Promise<{
  ledger: CostLedger;
  report: CostReport;
  gateway: CostExplorerGateway;
  staleAfterMs: number;
}> {
  const settings = readCostSettings(deps.config);
  const ledger = withLedgerStateMemo(await createCostLedger(deps.database));
  const gateway = createCostExplorerGateway({
    maxAttempts: settings.maxAttempts,
    requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
  });
  const refresher = createCostRefresher({
    gateway,
    ledger,
    environments: deps.environments,
    logger: deps.logger,
    historyMonths: settings.historyMonths,
    redact: deps.redact,
  });

  if (deps.environments.some(e => e.cost)) {
    await deps.scheduler.scheduleTask({
      id: COST_REFRESH_TASK_ID,
      scope: 'global',
      frequency: { hours: settings.refreshIntervalHours },
      timeout: { minutes: 15 },
      fn: () => refresher.refreshAll(),
    });
    if (await ledger.isEmpty()) {
      // A persisted schedule may not be due yet; an empty ledger cannot wait.
      deps.scheduler
        .triggerTask(COST_REFRESH_TASK_ID)
        .catch(error =>
          deps.logger.info(`Cost refresh not triggered at start: ${error}`),
        );
    }
  }

  if (deps.environments.some(e => e.kubernetes)) {
    const intervalMinutes = settings.gpuSampleIntervalMinutes;
    await deps.scheduler.scheduleTask({
      id: GPU_SAMPLE_TASK_ID,
      scope: 'global',
      frequency: { minutes: intervalMinutes },
      timeout: { minutes: Math.max(1, intervalMinutes - 1) },
      ...(settings.gpuSampleInitialDelaySeconds > 0 && {
        initialDelay: { seconds: settings.gpuSampleInitialDelaySeconds },
      }),
      fn: createGpuSampler({
        source: deps.gpuAllocationSource,
        ledger,
        environments: deps.environments,
        logger: deps.logger,
        intervalSeconds: intervalMinutes * 60,
      }),
    });
  }

  const derived = createCostReport({
    ledger,
    gpuHourPrices: settings.gpuHourPrices,
    estimates: createCatalogEstimateSource({
      catalog: deps.catalog,
      auth: deps.auth,
      logger: deps.logger,
    }),
  });
  const report = createCachedCostReport(derived, ledger);
  return {
    ledger,
    report,
    gateway,
    staleAfterMs: 2 * settings.refreshIntervalHours * 3_600_000,
  };
}
