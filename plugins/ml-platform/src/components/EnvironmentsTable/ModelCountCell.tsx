import CircularProgress from '@material-ui/core/CircularProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { SummaryState } from './useEnvironmentSummaries';

/**
 * The model count of one environment row, from the summary's MLflow entry
 * (the row's one summary request), so the table never downloads whole
 * registries just to count them.
 */
export const ModelCountCell = ({
  environment,
  state,
}: {
  environment: string;
  state?: SummaryState;
}) => {
  const testId = `model-count-${environment}`;
  if (!state || state.loading) {
    return <CircularProgress size={16} aria-label="loading" />;
  }
  const mlflow = 'value' in state ? state.value.sources.mlflow : undefined;
  if (mlflow?.status === 'not-configured') {
    return (
      <Typography variant="caption" data-testid={testId}>
        not configured
      </Typography>
    );
  }
  const models = mlflow?.models;
  if (typeof models !== 'number') {
    const message =
      'error' in state ? state.error.message : mlflow?.message ?? 'no data';
    return (
      <Tooltip title={message}>
        <Typography variant="caption" color="error" data-testid={testId}>
          unavailable
        </Typography>
      </Tooltip>
    );
  }
  const drifting = typeof mlflow?.drifting === 'number' ? mlflow.drifting : 0;
  return (
    <Typography variant="body2" data-testid={testId}>
      {models}
      {drifting > 0 && (
        <Typography component="span" variant="caption" color="error">
          {' '}
          ({drifting} drifting)
        </Typography>
      )}
    </Typography>
  );
};
