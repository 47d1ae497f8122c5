import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { SummaryState } from './useEnvironmentSummaries';

const HEALTH_LABEL = {
  ok: 'Healthy',
  degraded: 'Degraded',
  error: 'Unreachable',
  'not-configured': 'No cluster',
};

const Pending = () => <CircularProgress size={16} aria-label="loading" />;

/** The cluster's health for one environment row. */
export const HealthCell = ({ state }: { state?: SummaryState }) => {
  if (!state || state.loading) {
    return <Pending />;
  }
  if ('error' in state) {
    return (
      <Tooltip title={state.error.message}>
        <Chip size="small" label="Error" />
      </Tooltip>
    );
  }
  const kubernetes = state.value.sources.kubernetes;
  if (!kubernetes) {
    return <Typography variant="body2">—</Typography>;
  }
  const label = HEALTH_LABEL[kubernetes.status];
  const chip = (
    <Chip
      size="small"
      label={label}
      color={kubernetes.status === 'ok' ? 'primary' : 'default'}
      variant={kubernetes.status === 'ok' ? 'default' : 'outlined'}
    />
  );
  return (
    <>
      {kubernetes.message ? (
        <Tooltip title={kubernetes.message}>{chip}</Tooltip>
      ) : (
        chip
      )}
      {kubernetes.nodes && (
        <Typography variant="caption" display="block">
          {kubernetes.nodes.ready}/{kubernetes.nodes.total} nodes ready
          {kubernetes.stale && ' (stale)'}
        </Typography>
      )}
    </>
  );
};

/** GPUs requested of allocatable for one environment row. */
export const GpuCell = ({ state }: { state?: SummaryState }) => {
  if (!state || state.loading) {
    return <Pending />;
  }
  const gpus =
    'value' in state ? state.value.sources.kubernetes?.gpus : undefined;
  if (!gpus) {
    return <Typography variant="body2">—</Typography>;
  }
  if (gpus.nodes === 0) {
    return <Typography variant="body2">No GPU nodes</Typography>;
  }
  const waiting =
    'value' in state ? state.value.sources.kubernetes?.pendingGpuPods ?? 0 : 0;
  return (
    <>
      <Typography variant="body2">
        {gpus.requested}/{gpus.allocatable} GPUs in use
      </Typography>
      {waiting > 0 && (
        <Typography variant="caption" color="error" display="block">
          {waiting} pod{waiting === 1 ? '' : 's'} waiting
        </Typography>
      )}
    </>
  );
};
