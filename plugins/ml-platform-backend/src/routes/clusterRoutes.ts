import {
  ClusterSnapshot,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import etag from 'etag';
import express from 'express';
import Router from 'express-promise-router';
import { ClusterStatusService } from '../services/ClusterStatus';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { environmentNameParam } from './environmentNameParam';

type View = 'cluster' | 'gpus';

interface SerialisedView {
  body: Buffer;
  etag: string;
}

/** The envelope with its data replaced by one view of it, as JSON bytes. */
function serialiseView(
  envelope: SourceEnvelope<ClusterSnapshot>,
  view: View,
): SerialisedView {
  const { data, ...rest } = envelope;
  const body = Buffer.from(
    JSON.stringify(data === undefined ? rest : { ...rest, data: data[view] }),
  );
  return { body, etag: etag(body) };
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

  // While a snapshot is fresh the status service hands out the same envelope
  // object, so each view is serialised (and its ETag hashed) once per snapshot
  // rather than once per request: under many clients the JSON work, the
  // hashing and the garbage they leave are what stretch the latency tail.
  // A client that sends the ETag back gets a 304 (express checks freshness).
  const views = new WeakMap<object, Partial<Record<View, SerialisedView>>>();
  const serialised = (
    envelope: SourceEnvelope<ClusterSnapshot>,
    view: View,
  ) => {
    let byView = views.get(envelope);
    if (!byView) {
      byView = {};
      views.set(envelope, byView);
    }
    return (byView[view] ??= serialiseView(envelope, view));
  };

  for (const view of ['cluster', 'gpus'] as const) {
    router.get(`/environments/:name/${view}`, async (req, res) => {
      const envelope = await clusterStatus.snapshot(
        environments.get(req.params.name),
      );
      const { body, etag: tag } = serialised(envelope, view);
      res.type('application/json').set('ETag', tag).send(body);
    });
  }

  return router;
}
