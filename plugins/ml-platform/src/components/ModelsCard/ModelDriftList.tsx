import { ModelDrift } from '@internal/backstage-plugin-ml-platform-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';

const labels: Record<ModelDrift['kind'], string> = {
  'champion-not-deployed': 'not deployed',
  'deployed-version-archived': 'archived in use',
  'deployed-version-missing': 'unknown version',
  'registration-failed': 'registration failed',
};

/** Drift flags with what to do about them; "in sync" when there are none. */
export const ModelDriftList = ({
  drift,
  clusterRead,
}: {
  drift: ModelDrift[];
  clusterRead: boolean;
}) => {
  if (drift.length === 0) {
    return clusterRead ? (
      <Chip
        size="small"
        icon={<CheckCircleIcon />}
        label="in sync"
        variant="outlined"
      />
    ) : (
      <Typography variant="caption">deployments unknown</Typography>
    );
  }
  return (
    <>
      {drift.map(d => (
        <div key={`${d.kind}-${d.message}`} data-testid="model-drift">
          <Chip
            size="small"
            color={d.severity === 'error' ? 'secondary' : 'default'}
            icon={d.severity === 'error' ? <ErrorIcon /> : <WarningIcon />}
            label={labels[d.kind]}
          />
          <Typography variant="caption" display="block">
            {d.message}
          </Typography>
        </div>
      ))}
    </>
  );
};
