import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EnvironmentCost } from '@internal/backstage-plugin-ml-platform-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import useAsync from 'react-use/esm/useAsync';
import { formatAge } from '../SourceState';
import { mlPlatformApiRef } from '../../api';
import {
  formatMoney,
  formatPercent,
  isNotAllowed,
  NOT_ALLOWED_MESSAGE,
} from '../costFormat';

export const CostSummary = ({ cost }: { cost: EnvironmentCost }) => {
  const money = (n: number) => formatMoney(n, cost.currency);
  const metadata: Record<string, unknown> = {
    'Month to date': money(cost.monthToDate),
    'Same period last month': money(cost.lastMonthSamePeriod),
    'Forecast (month end)': cost.forecast
      ? `${money(cost.forecast.mean)} (${money(cost.forecast.lower)} – ${money(
          cost.forecast.upper,
        )})`
      : 'not available',
  };
  if (cost.monthlyBudget !== null) {
    metadata.Budget = (
      <span>
        {money(cost.monthlyBudget)} · {formatPercent(cost.budgetUsedRatio ?? 0)}{' '}
        used{' '}
        {cost.overBudget && (
          <Chip size="small" color="secondary" label="Over budget" />
        )}
        {!cost.overBudget && cost.forecastOverBudget && (
          <Chip size="small" label="Forecast over budget" />
        )}
      </span>
    );
    metadata['Budget runs out'] = cost.budgetExhaustedOn ?? 'not this month';
  }
  if (cost.gpu) {
    metadata['GPU instances (month)'] = `${money(
      cost.gpu.amount,
    )} · ${formatPercent(cost.gpu.share)} of spend`;
  }
  if (cost.idleGpu) {
    metadata['Idle GPUs'] = `${cost.idleGpu.gpuHours} GPU-hours · ${money(
      cost.idleGpu.cost,
    )}`;
  }
  if (cost.estimate) {
    metadata['Estimate vs forecast'] = (
      <span>
        {money(cost.estimate.monthly)} estimated ·{' '}
        {cost.estimate.drift >= 0 ? '+' : ''}
        {formatPercent(cost.estimate.drift)}{' '}
        {cost.estimate.flagged && (
          <Chip size="small" color="secondary" label="Drift over 20%" />
        )}
      </span>
    );
  }
  metadata['Top services'] = (
    <span>
      {cost.byService.map(s => (
        <Typography variant="body2" key={s.service}>
          {s.service}: {money(s.amount)}
        </Typography>
      ))}
    </span>
  );
  return <StructuredMetadataTable metadata={metadata} />;
};

/** What an environment costs, from the backend's cost ledger. */
export const CostCard = ({ name }: { name: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEnvironmentCost(name, { period: 'mtd', top: 5 }),
    [api, name],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (isNotAllowed(error)) {
    body = (
      <EmptyState
        missing="info"
        title="No access"
        description={NOT_ALLOWED_MESSAGE}
      />
    );
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (value) {
    body = (
      <>
        {value.error && (
          <WarningPanel
            severity={value.data ? 'warning' : 'info'}
            title={
              value.data
                ? `Last cost refresh failed; showing data from ${formatAge(
                    value.fetchedAt,
                  )}`
                : 'No cost data'
            }
            message={value.error.message}
          />
        )}
        {value.data && (
          <>
            <CostSummary cost={value.data} />
            <ResponsiveContainer width="100%" height={120}>
              <AreaChart data={value.data.daily}>
                <XAxis dataKey="date" hide />
                <Tooltip
                  formatter={(v: number) =>
                    formatMoney(v, value.data!.currency)
                  }
                />
                <Area dataKey="amount" name="Daily spend" fillOpacity={0.3} />
              </AreaChart>
            </ResponsiveContainer>
            <Typography variant="caption" color="textSecondary">
              From the cost ledger, refreshed {formatAge(value.fetchedAt)}
              {value.stale && ' (stale)'} ·{' '}
              {value.data.costExplorer.lastRefreshRequests} Cost Explorer
              requests in the last refresh
            </Typography>
          </>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Cost" subheader="This month, from AWS Cost Explorer">
      {body}
    </InfoCard>
  );
};
