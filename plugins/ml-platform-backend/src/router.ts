import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_NAME_PATTERN,
  EnvironmentList,
} from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { toEnvironmentInfo } from './config/types';
import { EnvironmentRegistry } from './services/EnvironmentRegistry';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  environments: EnvironmentRegistry;
  /** Cost routes (routes/costRoutes.ts), mounted after authentication. */
  costRoutes?: express.Router;
}

export async function createRouter({
  httpAuth,
  environments,
  costRoutes,
}: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  // Every route needs a signed-in user or a service; the credentials call
  // throws AuthenticationError (401) for anything else.
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.param('name', (_req, _res, next, name: string) => {
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
      throw new InputError(
        `Invalid environment name '${name.slice(0, 64)}': expected a DNS label`,
      );
    }
    next();
  });

  router.get('/environments', async (_req, res) => {
    const body: EnvironmentList = {
      items: environments.list().map(toEnvironmentInfo),
    };
    res.json(body);
  });

  router.get('/environments/:name', async (req, res) => {
    res.json(toEnvironmentInfo(environments.get(req.params.name)));
  });

  if (costRoutes) {
    router.use(costRoutes);
  }

  return router;
}
