import { InfoCard, LinearGauge } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterSummary,
  NodeGroupSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { Workloads } from './Workloads';
import { formatBytes, formatCores, SourceState } from '../SourceState';

/** Which label named a node group: an EKS group and a Karpenter pool may share a name. */
const GROUPED_BY: Record<NodeGroupSummary['groupedBy'], string | undefined> = {
  nodegroup: 'EKS node group',
  nodepool: 'Karpenter pool',
  'instance-type': 'instance type',
  none: undefined,
};

const Usage = (props: {
  label: string;
  used: string;
  total: string;
  ratio: number;
}) => (
  <Box mb={1}>
    <Typography variant="body2">
      {props.label}: {props.used} requested of {props.total}
    </Typography>
    <LinearGauge value={props.ratio} />
  </Box>
);

const ClusterDetails = ({ cluster }: { cluster: ClusterSummary }) => (
  <>
    <Typography variant="body1" gutterBottom>
      Kubernetes {cluster.kubernetesVersion} ·{' '}
      <strong>
        {cluster.nodes.ready}/{cluster.nodes.total} nodes ready
      </strong>
      {cluster.nodes.notReady > 0 && (
        <Typography component="span" color="error">
          {' '}
          · {cluster.nodes.notReady} NotReady
        </Typography>
      )}
    </Typography>
    <Usage
      label="CPU"
      used={formatCores(cluster.cpu.requested)}
      total={formatCores(cluster.cpu.allocatable)}
      ratio={
        cluster.cpu.allocatable
          ? cluster.cpu.requested / cluster.cpu.allocatable
          : 0
      }
    />
    <Usage
      label="Memory"
      used={formatBytes(cluster.memory.requested)}
      total={formatBytes(cluster.memory.allocatable)}
      ratio={
        cluster.memory.allocatable
          ? cluster.memory.requested / cluster.memory.allocatable
          : 0
      }
    />
    <Typography variant="body2" gutterBottom>
      Pods: {cluster.pods.running} running · {cluster.pods.pending} pending ·{' '}
      {cluster.pods.failed} failed · {cluster.pods.succeeded} succeeded
    </Typography>
    <Table size="small" aria-label="Node groups">
      <TableHead>
        <TableRow>
          <TableCell>Node group</TableCell>
          <TableCell>Instance type</TableCell>
          <TableCell align="right">Ready</TableCell>
          <TableCell>Zones</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cluster.nodeGroups.map(group => (
          <TableRow key={`${group.groupedBy}/${group.name}`}>
            <TableCell>
              {group.name}
              {GROUPED_BY[group.groupedBy] && (
                <Typography variant="caption" color="textSecondary">
                  {' '}
                  {GROUPED_BY[group.groupedBy]}
                </Typography>
              )}
            </TableCell>
            <TableCell>{group.instanceType}</TableCell>
            <TableCell align="right">
              {group.ready}/{group.count}
            </TableCell>
            <TableCell>{group.zones.join(', ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    <Workloads cluster={cluster} />
  </>
);

/** Nodes, node groups, CPU and memory use, pods and ML workloads of an environment. */
export const ClusterCard = ({ name }: { name: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCluster(name),
    [api, name],
  );
  return (
    <InfoCard title="Cluster" subheader={name}>
      <div data-testid="ml-platform-cluster-card">
        <SourceState
          loading={loading}
          error={error}
          envelope={value}
          notConfiguredTitle="No Kubernetes cluster configured"
        >
          {cluster => <ClusterDetails cluster={cluster} />}
        </SourceState>
      </div>
    </InfoCard>
  );
};
