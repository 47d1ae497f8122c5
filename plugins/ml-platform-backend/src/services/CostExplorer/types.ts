import { CostSource } from '../../config/types';

/** Spend of one environment on one day for one key (an AWS service or an instance type). */
export interface DailyCost {
  /** yyyy-MM-dd, UTC. */
  date: string;
  key: string;
  amount: number;
  currency: string;
  /** Cost Explorer still revises this day. */
  estimated: boolean;
}

/** Cost Explorer's forecast of the spend over [start, end). */
export interface CostForecast {
  start: string;
  end: string;
  mean: number;
  lower: number;
  upper: number;
  currency: string;
}

/**
 * The slice of AWS Cost Explorer the cost ledger needs. Every call costs money,
 * so only the scheduled refresh uses it, never a page view.
 */
export interface CostExplorerGateway {
  /** Daily spend by AWS service over [start, end), all pages. */
  dailyCostByService(
    source: CostSource,
    start: string,
    end: string,
  ): Promise<DailyCost[]>;
  /** Daily EC2 compute spend by instance type over [start, end), all pages. */
  dailyEc2CostByInstanceType(
    source: CostSource,
    start: string,
    end: string,
  ): Promise<DailyCost[]>;
  /** Forecast spend over [start, end), start being today or later. */
  forecast(
    source: CostSource,
    start: string,
    end: string,
  ): Promise<CostForecast | undefined>;
  /** HTTP requests sent to Cost Explorer by this process, retries included. */
  requestCount(): number;
}
