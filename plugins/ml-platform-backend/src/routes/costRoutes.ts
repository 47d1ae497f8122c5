import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  COST_PERIODS,
  CostList,
  EnvironmentCostData,
  SourceEnvelope,
  mlPlatformCostReadPermission,
} from '@internal/backstage-plugin-ml-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CostExplorerGateway } from '../services/CostExplorer';
import { CostLedger, CostRefreshState } from '../services/CostLedger';
import { CostReport } from '../services/CostReport';
import { EnvironmentRegistry } from '../services/EnvironmentRegistry';
import { environmentNameParam } from './environmentNameParam';

export interface CostRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  environments: EnvironmentRegistry;
  ledger: CostLedger;
  report: CostReport;
  gateway: CostExplorerGateway;
  /** Older than this since the last successful refresh counts as stale. */
  staleAfterMs: number;
}

const querySchema = z
  .object({
    period: z.enum(COST_PERIODS).default('30d'),
    top: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();

function parseQuery(query: unknown) {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) {
    throw new InputError(
      `Invalid cost query: ${parsed.error.issues
        .map(i => `${i.path.join('.') || 'query'} ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

/**
 * `GET /environments/:name/cost` and `GET /costs`: read the cost ledger only,
 * behind `ml-platform.cost.read`. Cost Explorer is never called from here.
 */
export function createCostRoutes(options: CostRoutesOptions): express.Router {
  const { httpAuth, permissions, environments, ledger, report, gateway } =
    options;
  const router = Router();
  const serializedCosts = new WeakMap<object, { key: string; text: string }>();

  async function authorize(req: express.Request) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: mlPlatformCostReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You are not allowed to see cost data');
    }
  }

  const freshness = (state: CostRefreshState | undefined) => {
    const fetchedAt = state?.lastSuccessAt ?? null;
    const stale =
      !fetchedAt || Date.now() - Date.parse(fetchedAt) > options.staleAfterMs;
    const error = !state
      ? { message: 'Cost data has not been read from Cost Explorer yet' }
      : state.lastError && { message: state.lastError };
    return { fetchedAt, stale, ...(error && { error }) };
  };

  // Sub-routers do not inherit the parent's router.param.
  router.param('name', environmentNameParam);

  router.get('/environments/:name/cost', async (req, res) => {
    await authorize(req);
    const env = environments.get(req.params.name);
    const query = parseQuery(req.query);
    if (!env.cost) {
      const body: SourceEnvelope<EnvironmentCostData> = {
        environment: env.name,
        source: 'cost',
        fetchedAt: new Date().toISOString(),
        stale: false,
        error: { message: `No cost source is configured for ${env.name}` },
      };
      res.json(body);
      return;
    }
    const [[cost], states] = await Promise.all([
      report.report([env], query),
      ledger.refreshStates(),
    ]);
    const state = states.get(env.name);
    const { fetchedAt, ...rest } = freshness(state);
    const body: SourceEnvelope<EnvironmentCostData> = {
      environment: env.name,
      source: 'cost',
      fetchedAt: fetchedAt ?? state?.lastAttemptAt ?? new Date(0).toISOString(),
      ...rest,
      ...(state?.lastSuccessAt && {
        data: {
          ...cost,
          costExplorer: {
            lastRefreshRequests: state.lastRequests,
            totalRequests: state.totalRequests,
            processRequests: gateway.requestCount(),
          },
        },
      }),
    };
    res.json(body);
  });

  router.get('/costs', async (req, res) => {
    await authorize(req);
    const query = parseQuery(req.query);
    const withCost = environments.list().filter(e => e.cost);
    const [costs, states] = await Promise.all([
      report.report(withCost, query),
      ledger.refreshStates(),
    ]);
    const freshnessByEnv = costs.map(c => freshness(states.get(c.environment)));
    const costExplorer = {
      processRequests: gateway.requestCount(),
      totalRequests: [...states.values()].reduce(
        (total, s) => total + s.totalRequests,
        0,
      ),
    };
    // The cached report is the same object until the ledger changes, so its
    // serialised body can be reused while freshness and counts are unchanged.
    const key = JSON.stringify([freshnessByEnv, costExplorer]);
    let hit = serializedCosts.get(costs);
    if (!hit || hit.key !== key) {
      const body: CostList = {
        items: costs.map((cost, i) => ({ ...cost, ...freshnessByEnv[i] })),
        costExplorer,
      };
      hit = { key, text: JSON.stringify(body) };
      serializedCosts.set(costs, hit);
    }
    res.type('application/json').send(hit.text);
  });

  return router;
}
