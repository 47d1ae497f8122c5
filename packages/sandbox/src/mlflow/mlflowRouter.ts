import express from 'express';
import { decodePageToken, encodePageToken, pageBounds } from '../pagination';
import {
  EnvironmentScenario,
  RegisteredModelScenario,
} from '../scenarios/types';

const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2026-06-01T00:00:00Z');
const MAX_RESULTS_LIMIT = 1000;

/** MLflow's error JSON. */
function mlflowError(
  res: express.Response,
  status: number,
  errorCode: string,
  message: string,
) {
  res.status(status).json({ error_code: errorCode, message });
}

function registeredModel(model: RegisteredModelScenario) {
  const created = EPOCH + model.name.length * DAY_MS;
  const latest = model.versions;
  return {
    name: model.name,
    creation_timestamp: created,
    last_updated_timestamp: created + latest * 7 * DAY_MS,
    description: model.description ?? `${model.name} model`,
    latest_versions: [
      {
        name: model.name,
        version: String(latest),
        creation_timestamp: created + latest * 7 * DAY_MS,
        current_stage: 'None',
        status: 'READY',
        run_id: `run-${model.name}-${latest}`,
        source: `s3://mlflow-artifacts/${model.name}/${latest}/model`,
      },
    ],
    aliases: Object.entries(model.aliases ?? {}).map(([alias, version]) => ({
      alias,
      version: String(version),
    })),
  };
}

/** The MLflow REST API 2.0 subset the portal reads, one server per environment under /mlflow/<environment>. */
export function mlflowRouter(
  environments: EnvironmentScenario[],
): express.Router {
  const router = express.Router();
  const registries = new Map(
    environments.filter(e => e.models).map(e => [e.name, e.models!]),
  );

  router.use('/:env', (req, res, next) => {
    if (!registries.has(req.params.env)) {
      mlflowError(
        res,
        404,
        'ENDPOINT_NOT_FOUND',
        `no sandbox MLflow '${req.params.env}'`,
      );
      return;
    }
    res.locals.models = registries.get(req.params.env);
    next();
  });

  router.get('/:env/api/2.0/mlflow/registered-models/search', (req, res) => {
    const models: RegisteredModelScenario[] = res.locals.models;
    const maxResults = req.query.max_results
      ? Number(req.query.max_results)
      : 100;
    if (
      !Number.isInteger(maxResults) ||
      maxResults < 1 ||
      maxResults > MAX_RESULTS_LIMIT
    ) {
      mlflowError(
        res,
        400,
        'INVALID_PARAMETER_VALUE',
        `Invalid value ${req.query.max_results} for parameter 'max_results' supplied. It must be at most ${MAX_RESULTS_LIMIT}.`,
      );
      return;
    }
    const offset = decodePageToken(req.query.page_token as string | undefined);
    if (offset === undefined) {
      mlflowError(res, 400, 'INVALID_PARAMETER_VALUE', 'Invalid page token');
      return;
    }
    const sorted = [...models].sort((a, b) => a.name.localeCompare(b.name));
    const { start, end, next } = pageBounds(offset, maxResults, sorted.length);
    res.json({
      registered_models: sorted.slice(start, end).map(registeredModel),
      ...(next !== undefined && { next_page_token: encodePageToken(next) }),
    });
  });

  return router;
}
