import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  EnvironmentList,
  EnvironmentSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { toEnvironmentInfo } from './config/types';
import { createClusterRoutes } from './routes/clusterRoutes';
import { environmentNameParam } from './routes/environmentNameParam';
import { ClusterStatusService } from './services/ClusterStatus';
import { EnvironmentRegistry } from './services/EnvironmentRegistry';
import {
  EnvironmentSourceSummariser,
  summarizeEnvironment,
} from './services/EnvironmentSummary';
import { createModelRoutes } from './routes/modelRoutes';
import { ModelsReader } from './services/Models';
import { SecretRedactor, redactResponses } from './services/SecretRedaction';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  /** Applied to every body sent, errors included. */
  redact?: SecretRedactor;
  environments: EnvironmentRegistry;
  clusterStatus: ClusterStatusService;
  /** One per upstream; each adds its entry to `GET /environments/:name`. */
  sourceSummarisers: EnvironmentSourceSummariser[];
  readModels: ModelsReader;
  /** Cost routes (routes/costRoutes.ts), mounted after authentication. */
  costRoutes?: express.Router;
}

export async function createRouter({
  httpAuth,
  redact,
  environments,
  clusterStatus,
  sourceSummarisers,
  readModels,
  costRoutes,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  if (redact) {
    router.use(redactResponses(redact));
  }
  router.use(express.json());

  // Every route needs a signed-in user or a service; the credentials call
  // throws AuthenticationError (401) for anything else.
  router.use(async (req, res, next) => {
    res.locals.credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    next();
  });

  router.param('name', environmentNameParam);

  router.get('/environments', async (_req, res) => {
    const body: EnvironmentList = {
      items: environments.list().map(toEnvironmentInfo),
    };
    res.json(body);
  });

  router.get('/environments/:name', async (req, res) => {
    const body: EnvironmentSummary = await summarizeEnvironment(
      environments.get(req.params.name),
      sourceSummarisers,
      res.locals.credentials,
    );
    res.json(body);
  });

  router.use(createClusterRoutes({ environments, clusterStatus }));
  router.use(createModelRoutes({ environments, readModels }));
  if (costRoutes) {
    router.use(costRoutes);
  }

  return router;
}
