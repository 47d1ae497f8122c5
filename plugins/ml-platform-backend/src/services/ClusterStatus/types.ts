import {
  ClusterSnapshot,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';

/**
 * The cluster and GPU views of an environment, read through the source cache:
 * one upstream pass over nodes and pods per environment serves both.
 */
export interface ClusterStatusService {
  snapshot(
    environment: EnvironmentConfig,
  ): Promise<SourceEnvelope<ClusterSnapshot>>;
}
