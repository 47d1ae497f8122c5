import { InputError } from '@backstage/errors';
import { ENVIRONMENT_NAME_PATTERN } from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { ModelsReader } from '../services/Models';

export interface ModelRoutesOptions {
  environments: EnvironmentRegistry;
  readModels: ModelsReader;
}

/** `GET /environments/:name/models`: the registry and what the cluster runs. */
export function createModelRoutes(options: ModelRoutesOptions): express.Router {
  const { environments, readModels } = options;
  const router = Router();

  router.get('/environments/:name/models', async (req, res) => {
    const name = req.params.name;
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
      throw new InputError(
        `Invalid environment name '${name.slice(0, 64)}': expected a DNS label`,
      );
    }
    res.json(await readModels(environments.get(name)));
  });

  return router;
}
