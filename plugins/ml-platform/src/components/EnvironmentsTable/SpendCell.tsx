import CircularProgress from '@material-ui/core/CircularProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { SummaryState } from './useEnvironmentSummaries';

/**
 * Month-to-date spend of one environment row, from the summary's cost entry.
 * Callers without ml-platform.cost.read get no figures from the backend, so
 * the cell says the data is restricted rather than showing zero.
 */
export const SpendCell = ({ state }: { state?: SummaryState }) => {
  if (!state || state.loading) {
    return <CircularProgress size={16} aria-label="loading" />;
  }
  const cost = 'value' in state ? state.value.sources.cost : undefined;
  if (!cost || cost.status === 'not-configured') {
    return <Typography variant="body2">—</Typography>;
  }
  if (cost.status === 'error') {
    return (
      <Tooltip title={cost.message ?? 'Cost data unavailable'}>
        <Typography variant="body2">unavailable</Typography>
      </Tooltip>
    );
  }
  const monthToDate = cost.monthToDate;
  if (typeof monthToDate !== 'number') {
    return <Typography variant="body2">restricted</Typography>;
  }
  const currency = typeof cost.currency === 'string' ? cost.currency : 'USD';
  const ratio =
    typeof cost.budgetUsedRatio === 'number' ? cost.budgetUsedRatio : undefined;
  const money = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(monthToDate);
  return (
    <>
      <Typography variant="body2" data-testid="spend-mtd">
        {money}
      </Typography>
      {ratio !== undefined && (
        <Typography
          variant="caption"
          display="block"
          color={ratio > 1 ? 'error' : 'textSecondary'}
        >
          {Math.round(ratio * 100)}% of budget{cost.stale && ' (stale)'}
        </Typography>
      )}
    </>
  );
};
