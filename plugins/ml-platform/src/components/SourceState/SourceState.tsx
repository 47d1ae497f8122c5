import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { SourceEnvelope } from '@internal/backstage-plugin-ml-platform-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { formatAge } from './formatAge';

/**
 * Renders what a card knows about its upstream: loading, a failed request,
 * a source that is not configured, an upstream error (with stale data and its
 * age when there is some) — and otherwise the card's own content.
 */
export function SourceState<T>(props: {
  loading: boolean;
  error?: Error;
  envelope?: SourceEnvelope<T>;
  notConfiguredTitle: string;
  children: (data: T) => ReactNode;
}) {
  const { loading, error, envelope } = props;
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!envelope) {
    return null;
  }
  if (envelope.notConfigured) {
    return (
      <EmptyState
        missing="info"
        title={props.notConfiguredTitle}
        description={envelope.error?.message}
      />
    );
  }
  if (envelope.data === undefined) {
    return (
      <Alert severity="error">
        <AlertTitle>Could not read {envelope.source}</AlertTitle>
        {envelope.error?.message}
      </Alert>
    );
  }
  return (
    <>
      {envelope.stale && (
        <Box mb={2}>
          <Alert severity="warning">
            <AlertTitle>
              Showing data from {formatAge(envelope.fetchedAt)}
            </AlertTitle>
            {envelope.error?.message}
          </Alert>
        </Box>
      )}
      {props.children(envelope.data)}
      <Typography variant="caption" color="textSecondary">
        Fetched {formatAge(envelope.fetchedAt)}
      </Typography>
    </>
  );
}
