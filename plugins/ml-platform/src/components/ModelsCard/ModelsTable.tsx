import {
  ModelRegistrySummary,
  ModelSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ModelDriftList } from './ModelDriftList';

/** What marks versions in this registry: aliases, else the live stages. */
function markers(model: ModelSummary): Array<[string, string]> {
  const aliases = Object.entries(model.aliases);
  if (aliases.length > 0) {
    return aliases.sort(([a], [b]) => a.localeCompare(b));
  }
  const staged: Array<[string, string]> = [];
  for (const stage of ['Production', 'Staging']) {
    const version = model.versions.find(v => v.stage === stage);
    if (version) {
      staged.push([stage, version.version]);
    }
  }
  return staged;
}

function formatMetric(value: number) {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

const KeyMetrics = ({ model }: { model: ModelSummary }) => {
  const shown =
    model.versions.find(
      v => v.version === (model.targetVersion ?? model.latestVersion),
    ) ?? model.versions[0];
  const entries = Object.entries(shown?.metrics ?? {});
  if (!shown || entries.length === 0) {
    return <Typography variant="caption">—</Typography>;
  }
  return (
    <Typography variant="body2">
      {entries.map(([k, v]) => `${k} ${formatMetric(v)}`).join(' · ')}
      <Typography variant="caption" display="block">
        of v{shown.version}
      </Typography>
    </Typography>
  );
};

/** One row per registered model: versions, aliases or stages, what runs, drift. */
export const ModelsTable = ({ summary }: { summary: ModelRegistrySummary }) => {
  const clusterRead = summary.deployment.status === 'ok';
  return (
    <Table size="small" aria-label="Registered models">
      <TableHead>
        <TableRow>
          <TableCell>Model</TableCell>
          <TableCell>Latest</TableCell>
          <TableCell>
            {summary.registryStyle === 'stage' ? 'Stages' : 'Aliases'}
          </TableCell>
          <TableCell>Deployed</TableCell>
          <TableCell>Key metrics</TableCell>
          <TableCell>Drift</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.models.map(model => (
          <TableRow key={model.name} data-testid={`model-row-${model.name}`}>
            <TableCell>
              <Typography variant="body2">
                <strong>{model.name}</strong>
              </Typography>
              {model.description && (
                <Typography variant="caption">{model.description}</Typography>
              )}
            </TableCell>
            <TableCell>
              {model.latestVersion ? `v${model.latestVersion}` : '—'}
              <Typography variant="caption" display="block">
                {model.versions.length} version
                {model.versions.length === 1 ? '' : 's'}
              </Typography>
            </TableCell>
            <TableCell>
              {markers(model).map(([marker, version]) => (
                <Chip
                  key={marker}
                  size="small"
                  label={`${marker}: v${version}`}
                />
              ))}
            </TableCell>
            <TableCell data-testid="model-deployed">
              {model.deployedVersion && `v${model.deployedVersion}`}
              {!model.deployedVersion && (clusterRead ? 'none' : 'unknown')}
            </TableCell>
            <TableCell>
              <KeyMetrics model={model} />
            </TableCell>
            <TableCell>
              <ModelDriftList drift={model.drift} clusterRead={clusterRead} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
