import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  GpuNodeSummary,
  GpuSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { SourceState } from '../SourceState';

const STATE_LABEL: Record<GpuNodeSummary['state'], string> = {
  idle: 'Idle',
  partial: 'In use',
  full: 'Full',
  'not-ready': 'NotReady',
  cordoned: 'Cordoned',
  'no-allocatable': 'Device plugin not ready',
};

/** States that need someone to look at the node stand out. */
const NEEDS_ATTENTION = new Set<GpuNodeSummary['state']>([
  'not-ready',
  'no-allocatable',
]);

const StateChip = ({ state }: { state: GpuNodeSummary['state'] }) => (
  <Chip
    size="small"
    // A state a newer backend adds still shows, under its own name.
    label={STATE_LABEL[state] ?? state}
    color={NEEDS_ATTENTION.has(state) ? 'secondary' : 'default'}
    variant={state === 'idle' || state === 'cordoned' ? 'outlined' : 'default'}
  />
);

const PendingPods = ({ gpus }: { gpus: GpuSummary }) =>
  gpus.pendingPodsTotal > 0 ? (
    <Box mt={2}>
      <Typography variant="subtitle2">
        {gpus.pendingPodsTotal} pod{gpus.pendingPodsTotal === 1 ? '' : 's'}{' '}
        waiting for GPUs
      </Typography>
      {gpus.pendingPods.map(p => (
        <Typography
          key={`${p.namespace}/${p.name}`}
          variant="body2"
          title={p.message}
        >
          {p.namespace}/{p.name} — asks for {p.requested} GPU
          {p.requested === 1 ? '' : 's'}
        </Typography>
      ))}
    </Box>
  ) : null;

const GpuDetails = ({ gpus }: { gpus: GpuSummary }) => {
  if (gpus.totals.nodes === 0) {
    return (
      <>
        <EmptyState
          missing="data"
          title="No GPU nodes in this environment"
          description="No node offers nvidia.com/gpu."
        />
        <PendingPods gpus={gpus} />
      </>
    );
  }
  const { totals } = gpus;
  return (
    <>
      <Typography variant="h6" data-testid="gpu-totals">
        {totals.requested} of {totals.allocatable} GPUs requested ·{' '}
        {totals.free} free
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {totals.readyNodes}/{totals.nodes} GPU nodes ready ·{' '}
        {gpus.byProduct
          .map(p => `${p.product}: ${p.requested}/${p.allocatable}`)
          .join(' · ')}
      </Typography>
      <Table size="small" aria-label="GPU nodes">
        <TableHead>
          <TableRow>
            <TableCell>Node</TableCell>
            <TableCell>GPU</TableCell>
            <TableCell align="right">Requested</TableCell>
            <TableCell>State</TableCell>
            <TableCell>Taints</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {gpus.nodes.map(node => (
            <TableRow key={node.name}>
              <TableCell>{node.name}</TableCell>
              <TableCell>
                {node.product}
                {node.memoryMiB && (
                  <Typography variant="caption" color="textSecondary">
                    {' '}
                    {Math.round(node.memoryMiB / 1024)} GiB
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right">
                {node.requested}/{node.allocatable}
              </TableCell>
              <TableCell>
                <StateChip state={node.state} />
              </TableCell>
              <TableCell>
                {node.taints
                  .map(
                    t => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`,
                  )
                  .join(', ') || '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PendingPods gpus={gpus} />
    </>
  );
};

/** GPU nodes of an environment: idle, full or NotReady, and pods waiting for GPUs. */
export const GpuCard = ({ name }: { name: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getGpus(name),
    [api, name],
  );
  return (
    <InfoCard title="GPUs" subheader={name}>
      <SourceState
        loading={loading}
        error={error}
        envelope={value}
        notConfiguredTitle="No Kubernetes cluster configured"
      >
        {gpus => <GpuDetails gpus={gpus} />}
      </SourceState>
    </InfoCard>
  );
};
