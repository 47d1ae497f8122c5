import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ModelRegistrySummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { formatAge } from '../SourceState';
import { ModelsTable } from './ModelsTable';

const ModelsContent = ({
  envelope,
}: {
  envelope: SourceEnvelope<ModelRegistrySummary>;
}) => {
  const summary = envelope.data;
  return (
    <>
      {envelope.error && (
        <WarningPanel
          severity={summary ? 'warning' : 'error'}
          title={
            summary
              ? `MLflow is not answering; showing data from ${formatAge(
                  envelope.fetchedAt,
                )}`
              : 'Could not read the MLflow registry'
          }
          message={envelope.error.message}
        />
      )}
      {summary && !summary.configured && (
        <EmptyState
          missing="info"
          title="MLflow not configured"
          description="This environment has no mlflow block in mlPlatform.environments, so there is no model registry to show."
        />
      )}
      {summary?.configured && summary.deployment.status === 'error' && (
        <WarningPanel
          severity="warning"
          title="Deployed versions unknown"
          message={summary.deployment.message}
        />
      )}
      {summary?.configured && summary.models.length === 0 && (
        <EmptyState
          missing="data"
          title="No registered models"
          description="The MLflow registry of this environment has no registered models yet."
        />
      )}
      {summary?.configured && summary.models.length > 0 && (
        <ModelsTable summary={summary} />
      )}
    </>
  );
};

/** The environment's MLflow models, which version is live, and where that drifts. */
export const ModelsCard = ({ environment }: { environment: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getModels(environment),
    [api, environment],
  );
  const subheader = value?.data?.configured
    ? `MLflow registry (${value.data.registryStyle}-based), fetched ${new Date(
        value.fetchedAt,
      ).toLocaleString()}${value.stale ? ' — stale' : ''}`
    : 'MLflow registry';
  return (
    <InfoCard title="Models" subheader={subheader}>
      <div data-testid="ml-platform-models-card">
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && <ModelsContent envelope={value} />}
        {value?.data?.unregisteredDeployments.length ? (
          <Typography variant="caption" color="error">
            Serving models the registry does not know:{' '}
            {value.data.unregisteredDeployments
              .map(d => `${d.namespace}/${d.deployment} (${d.reference})`)
              .join(', ')}
          </Typography>
        ) : null}
      </div>
    </InfoCard>
  );
};
