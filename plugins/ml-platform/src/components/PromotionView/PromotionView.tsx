import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ENVIRONMENT_TIERS,
  EnvironmentInfo,
  ModelSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';

const useStyles = makeStyles(theme => ({
  drift: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
}));

/** Cell state of one model in one environment. */
type Column = {
  environment: EnvironmentInfo;
  models?: Map<string, ModelSummary>;
  problem?: string;
};

function PromotionCell({ column, name }: { column: Column; name: string }) {
  const classes = useStyles();
  const testId = `promotion-${name}-${column.environment.name}`;
  if (!column.models) {
    return (
      <TableCell data-testid={testId}>
        <Typography variant="caption">{column.problem}</Typography>
      </TableCell>
    );
  }
  const model = column.models.get(name);
  if (!model) {
    return (
      <TableCell data-testid={testId}>
        <Typography variant="caption">not registered</Typography>
      </TableCell>
    );
  }
  const drifting = model.drift.length > 0;
  return (
    <TableCell
      data-testid={testId}
      data-drift={drifting}
      className={drifting ? classes.drift : undefined}
    >
      <Tooltip title={model.drift.map(d => d.message).join('; ') || 'in sync'}>
        <div>
          <Typography variant="body2">
            {model.deployedVersion
              ? `v${model.deployedVersion}`
              : 'not deployed'}
          </Typography>
          {model.targetVersion &&
            model.targetVersion !== model.deployedVersion && (
              <Typography variant="caption">
                should run v{model.targetVersion}
              </Typography>
            )}
        </div>
      </Tooltip>
    </TableCell>
  );
}

/**
 * For each model the version deployed per environment side by side, from
 * local to prod, with drift highlighted: where a promotion is stuck.
 */
export const PromotionView = ({
  environments,
}: {
  environments: EnvironmentInfo[];
}) => {
  const api = useApi(mlPlatformApiRef);
  const ordered = [...environments].sort(
    (a, b) =>
      ENVIRONMENT_TIERS.indexOf(a.tier) - ENVIRONMENT_TIERS.indexOf(b.tier),
  );
  const { value, loading, error } = useAsync(
    () =>
      Promise.all(
        ordered.map(async (environment): Promise<Column> => {
          try {
            const envelope = await api.getModels(environment.name);
            if (!envelope.data) {
              return { environment, problem: envelope.error?.message };
            }
            if (!envelope.data.configured) {
              return { environment, problem: 'MLflow not configured' };
            }
            return {
              environment,
              models: new Map(envelope.data.models.map(m => [m.name, m])),
            };
          } catch (e) {
            return { environment, problem: (e as Error).message };
          }
        }),
      ),
    [api, environments],
  );

  const names = [
    ...new Set((value ?? []).flatMap(c => [...(c.models?.keys() ?? [])])),
  ].sort();

  return (
    <InfoCard
      title="Model promotion"
      subheader="Deployed version per environment, in promotion order; highlighted where it differs from what the registry says should run"
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <Table size="small" aria-label="Model promotion">
          <TableHead>
            <TableRow>
              <TableCell>Model</TableCell>
              {value.map(c => (
                <TableCell key={c.environment.name}>
                  <Tooltip title={c.environment.title}>
                    <span>{`${c.environment.name} · ${c.environment.tier}`}</span>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {names.map(name => (
              <TableRow key={name}>
                <TableCell>
                  <strong>{name}</strong>
                </TableCell>
                {value.map(c => (
                  <PromotionCell
                    key={c.environment.name}
                    column={c}
                    name={name}
                  />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
};
