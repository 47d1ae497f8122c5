import { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mlPlatformCostReadPermission } from '@internal/backstage-plugin-ml-platform-common';
import { CostLedger } from '../CostLedger';
import { EnvironmentSourceSummariser } from '../EnvironmentSummary';
import { CostReport } from './types';

/**
 * The cost entry of `GET /environments/:name`: how fresh the ledger is for
 * everyone, and month to date against budget only for callers holding
 * `ml-platform.cost.read`. Reads the ledger only, never Cost Explorer.
 */
export function costSourceSummariser(deps: {
  permissions: PermissionsService;
  ledger: CostLedger;
  report: CostReport;
  staleAfterMs: number;
}): EnvironmentSourceSummariser {
  return {
    source: 'cost',
    async summarise(environment, { credentials }) {
      if (!environment.cost) {
        return { status: 'not-configured', stale: false };
      }
      const state = (await deps.ledger.refreshStates()).get(environment.name);
      if (!state?.lastSuccessAt) {
        return {
          status: 'error',
          stale: false,
          message:
            state?.lastError ??
            'Cost data has not been read from Cost Explorer yet',
        };
      }
      const stale =
        Date.now() - Date.parse(state.lastSuccessAt) > deps.staleAfterMs;
      const status = {
        status:
          state.lastError || stale ? ('degraded' as const) : ('ok' as const),
        fetchedAt: state.lastSuccessAt,
        stale,
        ...(state.lastError && { message: state.lastError }),
      };
      const [decision] = await deps.permissions.authorize(
        [{ permission: mlPlatformCostReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        return status;
      }
      const [cost] = await deps.report.report([environment], {
        period: 'mtd',
        top: 1,
      });
      return {
        ...status,
        currency: cost.currency,
        monthToDate: cost.monthToDate,
        monthlyBudget: cost.monthlyBudget,
        budgetUsedRatio: cost.budgetUsedRatio,
      };
    },
  };
}
