import {
  CostPeriod,
  EnvironmentCost,
} from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';

/** Monthly estimates by environment name, e.g. from catalog annotations. */
export interface CostEstimateSource {
  monthlyEstimates(): Promise<Map<string, number>>;
}

export interface CostReportOptions {
  period: CostPeriod;
  /** Services shown by name; the rest is summed as "Other". */
  top: number;
}

/** Derives what managers and engineers see from the ledger alone. */
export interface CostReport {
  report(
    environments: EnvironmentConfig[],
    options: CostReportOptions,
  ): Promise<EnvironmentCost[]>;
}
