import {
  ClusterSummary,
  GpuSummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { ClusterStatusService } from '../services/ClusterStatus';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { environmentNameParam } from './environmentNameParam';

/** Replaces the envelope's data with one view of it. */
function view<T, U>(
  envelope: SourceEnvelope<T>,
  pick: (data: T) => U,
): SourceEnvelope<U> {
  const { data, ...rest } = envelope;
  return data === undefined ? rest : { ...rest, data: pick(data) };
}

/**
 * `/environments/:name/cluster` and `/gpus`. Both read the same cached
 * snapshot, so one pass over the cluster's nodes and pods serves both.
 * Authentication is checked by the router that mounts these.
 */
export function createClusterRoutes(options: {
  environments: EnvironmentRegistry;
  clusterStatus: ClusterStatusService;
}): express.Router {
  const { environments, clusterStatus } = options;
  const router = Router();
  router.param('name', environmentNameParam);

  router.get('/environments/:name/cluster', async (req, res) => {
    const envelope = await clusterStatus.snapshot(
      environments.get(req.params.name),
    );
    const body: SourceEnvelope<ClusterSummary> = view(envelope, d => d.cluster);
    res.json(body);
  });

  router.get('/environments/:name/gpus', async (req, res) => {
    const envelope = await clusterStatus.snapshot(
      environments.get(req.params.name),
    );
    const body: SourceEnvelope<GpuSummary> = view(envelope, d => d.gpus);
    res.json(body);
  });

  return router;
}
