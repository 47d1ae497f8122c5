import { useApi } from '@backstage/core-plugin-api';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';

/** The model count of one environment, loaded on its own so the table never waits. */
export const ModelCountCell = ({ environment }: { environment: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getModels(environment),
    [api, environment],
  );
  const testId = `model-count-${environment}`;
  if (loading) {
    return (
      <Typography variant="caption" data-testid={testId}>
        …
      </Typography>
    );
  }
  const message = error?.message ?? value?.error?.message;
  const summary = value?.data;
  if (!summary) {
    return (
      <Tooltip title={message ?? 'no data'}>
        <Typography variant="caption" color="error" data-testid={testId}>
          unavailable
        </Typography>
      </Tooltip>
    );
  }
  if (!summary.configured) {
    return (
      <Typography variant="caption" data-testid={testId}>
        not configured
      </Typography>
    );
  }
  const drifting = summary.models.filter(m => m.drift.length > 0).length;
  return (
    <Typography variant="body2" data-testid={testId}>
      {summary.models.length}
      {drifting > 0 && (
        <Typography component="span" variant="caption" color="error">
          {' '}
          ({drifting} drifting)
        </Typography>
      )}
    </Typography>
  );
};
