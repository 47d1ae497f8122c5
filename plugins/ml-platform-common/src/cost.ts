/** Periods the cost views can show. @public */
export const COST_PERIODS = ['mtd', '30d', '90d', '6m', '12m'] as const;

/** @public */
export type CostPeriod = (typeof COST_PERIODS)[number];

/** @public */
export interface CostForecastRange {
  /** Expected spend for the whole current month. */
  mean: number;
  /** 80% prediction interval. */
  lower: number;
  upper: number;
}

/** Idle GPUs of one environment: allocatable but not requested by any pod. @public */
export interface IdleGpuCost {
  gpuHours: number;
  /** Priced from the instance type's on-demand price per GPU. */
  cost: number;
  daily: Array<{ date: string; gpuHours: number; cost: number }>;
}

/**
 * What an environment costs, from the cost ledger (never a live Cost Explorer
 * call). Money is in `currency` units; dates are yyyy-MM-dd (UTC).
 * @public
 */
export interface EnvironmentCost {
  environment: string;
  title: string;
  currency: string;
  period: { name: CostPeriod; start: string; end: string };
  monthToDate: number;
  /** The same days of the previous month. */
  lastMonthSamePeriod: number;
  forecast: CostForecastRange | null;
  monthlyBudget: number | null;
  budgetUsedRatio: number | null;
  overBudget: boolean;
  forecastOverBudget: boolean;
  /** When month to date crosses the budget at the recent daily rate, if it does this month. */
  budgetExhaustedOn: string | null;
  /** Top services over the period, the rest summed as "Other". */
  byService: Array<{ service: string; amount: number }>;
  /** EC2 spend on GPU instance types this month, and its share of month to date. */
  gpu: { amount: number; share: number } | null;
  idleGpu: IdleGpuCost | null;
  /** The catalog's `ml-platform/monthly-estimate` beside the forecast. */
  estimate: { monthly: number; drift: number; flagged: boolean } | null;
  daily: Array<{ date: string; amount: number }>;
}

/** Where cost data came from and what it cost to get. @public */
export interface CostExplorerUsage {
  /** Cost Explorer requests of the last refresh. */
  lastRefreshRequests: number;
  /** Cost Explorer requests recorded in the ledger, all refreshes. */
  totalRequests: number;
  /** Requests made by the answering backend process since it started. */
  processRequests: number;
}

/** `data` of `GET /environments/:name/cost`. @public */
export interface EnvironmentCostData extends EnvironmentCost {
  costExplorer: CostExplorerUsage;
}

/** Response of `GET /costs`. @public */
export interface CostList {
  items: Array<
    EnvironmentCost & {
      fetchedAt: string | null;
      stale: boolean;
      error?: { message: string };
    }
  >;
  costExplorer: { processRequests: number; totalRequests: number };
}
