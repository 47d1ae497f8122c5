import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import {
  EnvironmentScenario,
  RegisteredModelScenario,
} from '../scenarios/types';
import { modelVersion, registeredModel, run, runIdOf } from './registry';

/** MLflow's limits: 1000 registered models, 200000 model versions per page. */
const MODELS_PAGE_LIMIT = 1000;
const VERSIONS_PAGE_LIMIT = 200_000;

/** MLflow's error JSON. */
function mlflowError(
  res: express.Response,
  status: number,
  errorCode: string,
  message: string,
) {
  res.status(status).json({ error_code: errorCode, message });
}

interface Registry {
  env: string;
  models: RegisteredModelScenario[];
  /** run id → the version it produced */
  runs: Map<string, { model: RegisteredModelScenario; version: number }>;
}

function authorized(req: express.Request, env: EnvironmentScenario) {
  const auth = env.mlflowAuth;
  if (!auth) {
    return true;
  }
  const header = req.header('authorization') ?? '';
  if (auth.token && header === `Bearer ${auth.token}`) {
    return true;
  }
  if (auth.basic) {
    const { username, password } = auth.basic;
    const expected = Buffer.from(`${username}:${password}`).toString('base64');
    return header === `Basic ${expected}`;
  }
  return false;
}

/** Reads max_results and page_token, answering MLflow's 400 when they are bad. */
function paging(
  req: express.Request,
  res: express.Response,
  def: number,
  limit: number,
) {
  const maxResults = req.query.max_results
    ? Number(req.query.max_results)
    : def;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > limit) {
    mlflowError(
      res,
      400,
      'INVALID_PARAMETER_VALUE',
      `Invalid value ${req.query.max_results} for parameter 'max_results' supplied. It must be at most ${limit}.`,
    );
    return undefined;
  }
  const offset = decodePageToken(req.query.page_token as string | undefined);
  if (offset === undefined) {
    mlflowError(res, 400, 'INVALID_PARAMETER_VALUE', 'Invalid page token');
    return undefined;
  }
  return { maxResults, offset };
}

function page<T>(items: T[], p: { maxResults: number; offset: number }) {
  const { start, end, next } = pageBounds(p.offset, p.maxResults, items.length);
  return {
    items: items.slice(start, end),
    ...(next !== undefined && { next_page_token: encodePageToken(next) }),
  };
}

/** The MLflow REST API 2.0 subset the portal reads, one server per environment under /mlflow/<environment>. */
export function mlflowRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const scenarios = new Map(
    environments.filter(e => e.models).map(e => [e.name, e]),
  );
  const registries = new Map<string, Registry>(
    [...scenarios.values()].map(e => {
      const runs: Registry['runs'] = new Map();
      for (const model of e.models!) {
        for (let v = 1; v <= model.versions; v++) {
          if (!model.deletedRuns?.includes(v)) {
            runs.set(runIdOf(e.name, model.name, v), { model, version: v });
          }
        }
      }
      return [e.name, { env: e.name, models: e.models!, runs }];
    }),
  );

  router.use('/:env', (req, res, next) => {
    const scenario = scenarios.get(req.params.env);
    if (!scenario) {
      mlflowError(
        res,
        404,
        'ENDPOINT_NOT_FOUND',
        `no sandbox MLflow '${req.params.env}'`,
      );
      return;
    }
    if (!authorized(req, scenario)) {
      mlflowError(
        res,
        401,
        'UNAUTHENTICATED',
        'You are not authenticated. Please provide valid credentials.',
      );
      return;
    }
    res.locals.registry = registries.get(req.params.env);
    next();
  });

  router.get('/:env/api/2.0/mlflow/registered-models/search', (req, res) => {
    const registry: Registry = res.locals.registry;
    const p = paging(req, res, 100, MODELS_PAGE_LIMIT);
    if (!p) return;
    const sorted = [...registry.models].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const { items, ...rest } = page(sorted, p);
    res.json({
      registered_models: items.map(m => registeredModel(registry.env, m)),
      ...rest,
    });
  });

  router.get('/:env/api/2.0/mlflow/model-versions/search', (req, res) => {
    const registry: Registry = res.locals.registry;
    const p = paging(req, res, 10_000, VERSIONS_PAGE_LIMIT);
    if (!p) return;
    const filter = String(req.query.filter ?? '');
    const match = /^\s*name\s*=\s*(['"])(.*)\1\s*$/.exec(filter);
    if (filter && !match) {
      mlflowError(
        res,
        400,
        'INVALID_PARAMETER_VALUE',
        `Invalid filter '${filter}': the sandbox supports name='<model>'`,
      );
      return;
    }
    const models = match
      ? registry.models.filter(m => m.name === match[2])
      : registry.models;
    if (models.some(m => m.failing)) {
      mlflowError(
        res,
        500,
        'INTERNAL_ERROR',
        'psycopg2.OperationalError: server closed the connection unexpectedly',
      );
      return;
    }
    const versions = models.flatMap(m =>
      Array.from({ length: m.versions }, (_, i) =>
        modelVersion(registry.env, m, m.versions - i),
      ),
    );
    const { items, ...rest } = page(versions, p);
    res.json({ model_versions: items, ...rest });
  });

  router.get('/:env/api/2.0/mlflow/registered-models/alias', (req, res) => {
    const registry: Registry = res.locals.registry;
    const model = registry.models.find(m => m.name === req.query.name);
    const version = model?.aliases?.[String(req.query.alias)];
    if (!model || version === undefined) {
      mlflowError(
        res,
        404,
        'RESOURCE_DOES_NOT_EXIST',
        `Registered model alias ${req.query.alias} not found.`,
      );
      return;
    }
    res.json({ model_version: modelVersion(registry.env, model, version) });
  });

  router.get('/:env/api/2.0/mlflow/runs/get', (req, res) => {
    const registry: Registry = res.locals.registry;
    const runId = String(req.query.run_id ?? '');
    const found = registry.runs.get(runId);
    if (!found) {
      mlflowError(
        res,
        404,
        'RESOURCE_DOES_NOT_EXIST',
        `Run '${runId}' not found.`,
      );
      return;
    }
    res.json({ run: run(registry.env, found.model, found.version) });
  });

  return router;
}
