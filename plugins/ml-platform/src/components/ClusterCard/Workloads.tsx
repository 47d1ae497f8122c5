import {
  ClusterSummary,
  WorkloadSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { describeAutoscaler } from './describeAutoscaler';

const LIST_NAME = {
  Deployment: 'Deployments',
  HorizontalPodAutoscaler: 'HPAs',
} as const;

/** Every HPA of a workload, named when there are several (they fight). */
const Autoscalers = ({ workload }: { workload: WorkloadSummary }) => {
  const hpas =
    workload.autoscalers ?? (workload.autoscaler ? [workload.autoscaler] : []);
  if (hpas.length === 0) {
    return <>—</>;
  }
  if (hpas.length === 1) {
    return <>{describeAutoscaler(hpas[0])}</>;
  }
  return (
    <>
      <Typography variant="caption" color="error" component="div">
        {hpas.length} HPAs target this Deployment
      </Typography>
      {hpas.map(hpa => (
        <div key={hpa.name}>
          {hpa.name}: {describeAutoscaler(hpa)}
        </div>
      ))}
    </>
  );
};

/** Lists that failed, so a short or autoscaler-less table is not taken at face value. */
const WorkloadErrors = ({ cluster }: { cluster: ClusterSummary }) => {
  const errors = cluster.workloadErrors ?? [];
  if (errors.length === 0) {
    return null;
  }
  return (
    <Box mt={2} mb={1}>
      <Alert severity="warning">
        <AlertTitle>Some ML workloads could not be read</AlertTitle>
        {errors.map(e => (
          <div key={`${e.namespace}/${e.kind}`}>
            {LIST_NAME[e.kind]} in {e.namespace}: {e.message}
          </div>
        ))}
      </Alert>
    </Box>
  );
};

/** The ML workloads of the configured namespaces, with their autoscalers. */
export const Workloads = ({ cluster }: { cluster: ClusterSummary }) => (
  <>
    <WorkloadErrors cluster={cluster} />
    {cluster.workloads.length > 0 && (
      <Table size="small" aria-label="ML workloads">
        <TableHead>
          <TableRow>
            <TableCell>Workload</TableCell>
            <TableCell align="right">Ready</TableCell>
            <TableCell>Autoscaler</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {cluster.workloads.map(w => (
            <TableRow key={`${w.namespace}/${w.name}`}>
              <TableCell>
                {w.name}
                <Typography variant="caption" color="textSecondary">
                  {' '}
                  {w.namespace}
                </Typography>
              </TableCell>
              <TableCell align="right">
                <Typography
                  variant="body2"
                  color={w.ready < w.desired ? 'error' : 'inherit'}
                >
                  {w.ready}/{w.desired}
                </Typography>
              </TableCell>
              <TableCell>
                <Autoscalers workload={w} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </>
);
