import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  ENVIRONMENT_NAME_PATTERN,
  ModelRegistrySummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { ModelsService } from '../services/Models';
import { SourceCache } from '../services/SourceCache';

export interface ModelRoutesOptions {
  environments: EnvironmentRegistry;
  sourceCache: SourceCache;
  models: ModelsService;
  keyMetrics: string[];
}

/** `GET /environments/:name/models`: the registry and what the cluster runs. */
export function createModelRoutes(options: ModelRoutesOptions): express.Router {
  const { environments, sourceCache, models, keyMetrics } = options;
  const router = Router();

  router.get('/environments/:name/models', async (req, res) => {
    const name = req.params.name;
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
      throw new InputError(
        `Invalid environment name '${name.slice(0, 64)}': expected a DNS label`,
      );
    }
    const environment = environments.get(name);
    if (!environment.mlflow) {
      const notConfigured: SourceEnvelope<ModelRegistrySummary> = {
        environment: name,
        source: 'mlflow',
        fetchedAt: new Date().toISOString(),
        stale: false,
        data: {
          configured: false,
          registryStyle: 'none',
          models: [],
          deployment: { status: 'not-configured' },
          unregisteredDeployments: [],
          keyMetrics,
        },
      };
      res.json(notConfigured);
      return;
    }
    const envelope = await sourceCache.read(
      { source: 'mlflow', environment: name },
      signal =>
        models.summarize(environment, signal) as Promise<
          ModelRegistrySummary & JsonObject
        >,
    );
    res.json(envelope);
  });

  return router;
}
