import { CostForecast, DailyCost } from '../CostExplorer';

/** What a daily row is keyed by. */
export type CostKind = 'service' | 'instance_type';

/** Outcome of the last refresh of one environment. */
export interface CostRefreshState {
  environment: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  lastError?: string;
  /** Cost Explorer requests of the last refresh, retries included. */
  lastRequests: number;
  totalRequests: number;
}

/** Spend summed over a period, per environment and key (or per day). */
export interface CostSum {
  environment: string;
  /** A date (yyyy-MM-dd) or a service / instance type, by the query. */
  key: string;
  amount: number;
  currency: string;
}

/** One sample of an environment's GPUs on nodes of one instance type. */
export interface GpuSample {
  environment: string;
  sampledAt: string;
  instanceType: string;
  allocatable: number;
  requested: number;
  intervalSeconds: number;
}

/** Idle GPU-hours of one environment on one day on one instance type. */
export interface IdleGpuHours {
  environment: string;
  date: string;
  instanceType: string;
  idleGpuHours: number;
}

/**
 * The plugin's own record of spend. The scheduled refresh writes it; routes
 * only read it.
 */
export interface CostLedger {
  /** Idempotent: the same day and key again replaces the amount and the Estimated flag. */
  upsertDailyCosts(
    environment: string,
    kind: CostKind,
    costs: DailyCost[],
  ): Promise<void>;
  /** The oldest day still flagged Estimated, and the newest day held. */
  coverage(
    environment: string,
    kind: CostKind,
  ): Promise<{ firstEstimated?: string; latest?: string }>;
  setForecast(environment: string, forecast: CostForecast): Promise<void>;
  forecasts(): Promise<Map<string, CostForecast>>;
  recordRefresh(
    environment: string,
    outcome: { at: string; requests: number; error?: string },
  ): Promise<void>;
  refreshStates(): Promise<Map<string, CostRefreshState>>;
  isEmpty(): Promise<boolean>;
  /** Changes whenever a refresh or a GPU sample is recorded (cheap to read). */
  version(): Promise<string>;
  /** Sums per environment and day over [from, to] (inclusive dates). */
  dailyTotals(
    environments: string[],
    from: string,
    to: string,
  ): Promise<CostSum[]>;
  /** Sums per environment and key over [from, to]. */
  totalsByKey(
    environments: string[],
    kind: CostKind,
    from: string,
    to: string,
  ): Promise<CostSum[]>;
  addGpuSamples(samples: GpuSample[]): Promise<void>;
  idleGpuHours(
    environments: string[],
    from: string,
    to: string,
  ): Promise<IdleGpuHours[]>;
}
