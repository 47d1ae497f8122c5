import express from 'express';
import Router from 'express-promise-router';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { ModelsReader } from '../services/Models';
import { environmentNameParam } from './environmentNameParam';

export interface ModelRoutesOptions {
  environments: EnvironmentRegistry;
  readModels: ModelsReader;
}

/** `GET /environments/:name/models`: the registry and what the cluster runs. */
export function createModelRoutes(options: ModelRoutesOptions): express.Router {
  const { environments, readModels } = options;
  const router = Router();

  // Sub-routers do not inherit the parent's router.param.
  router.param('name', environmentNameParam);

  router.get('/environments/:name/models', async (req, res) => {
    res.json(await readModels(environments.get(req.params.name)));
  });

  return router;
}
