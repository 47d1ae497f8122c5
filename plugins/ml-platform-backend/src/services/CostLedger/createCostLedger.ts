import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CostLedger, CostRefreshState } from './types';

const DAILY = 'ml_platform_cost_daily';
const FORECAST = 'ml_platform_cost_forecast';
const REFRESH = 'ml_platform_cost_refresh';
const GPU = 'ml_platform_gpu_samples';
// 100 rows x 8 columns stays under SQLite's bound-parameter limit.
const CHUNK = 100;

const migrationsDir = resolvePackagePath(
  '@internal/backstage-plugin-ml-platform-backend',
  'migrations',
);

/** Opens the plugin's database and brings its schema up to date. */
export async function createCostLedger(
  database: DatabaseService,
): Promise<CostLedger> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({
      directory: migrationsDir,
      tableName: 'ml_platform_knex_migrations',
    });
  }
  return createCostLedgerFromKnex(knex);
}

const inList = (q: Knex.QueryBuilder, environments: string[]) =>
  q.whereIn('environment', environments);

export function createCostLedgerFromKnex(knex: Knex): CostLedger {
  return {
    async upsertDailyCosts(environment, kind, costs) {
      const now = new Date().toISOString();
      const rows = costs.map(c => ({
        environment,
        kind,
        key: c.key,
        date: c.date,
        amount: c.amount,
        currency: c.currency,
        estimated: c.estimated,
        updated_at: now,
      }));
      await knex.transaction(async tx => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx(DAILY)
            .insert(rows.slice(i, i + CHUNK))
            .onConflict(['environment', 'kind', 'date', 'key'])
            .merge(['amount', 'currency', 'estimated', 'updated_at']);
        }
      });
    },

    async coverage(environment, kind) {
      const [estimated] = await knex(DAILY)
        .where({ environment, kind, estimated: true })
        .min({ first: 'date' });
      const [latest] = await knex(DAILY)
        .where({ environment, kind })
        .max({ last: 'date' });
      return {
        firstEstimated: estimated?.first ?? undefined,
        latest: latest?.last ?? undefined,
      };
    },

    async setForecast(environment, f) {
      await knex(FORECAST)
        .insert({
          environment,
          period_start: f.start,
          period_end: f.end,
          mean: f.mean,
          lower: f.lower,
          upper: f.upper,
          currency: f.currency,
          updated_at: new Date().toISOString(),
        })
        .onConflict('environment')
        .merge();
    },

    async forecasts() {
      const rows = await knex(FORECAST).select();
      return new Map(
        rows.map(r => [
          r.environment,
          {
            start: r.period_start,
            end: r.period_end,
            mean: Number(r.mean),
            lower: Number(r.lower),
            upper: Number(r.upper),
            currency: r.currency,
          },
        ]),
      );
    },

    async recordRefresh(environment, { at, requests, error }) {
      await knex.transaction(async tx => {
        const existing = await tx(REFRESH).where({ environment }).first();
        const row = {
          environment,
          last_attempt_at: at,
          last_success_at: error ? existing?.last_success_at ?? null : at,
          last_error: error ?? null,
          last_requests: requests,
          total_requests: Number(existing?.total_requests ?? 0) + requests,
        };
        await tx(REFRESH).insert(row).onConflict('environment').merge();
      });
    },

    async refreshStates() {
      const rows = await knex(REFRESH).select();
      return new Map<string, CostRefreshState>(
        rows.map(r => [
          r.environment,
          {
            environment: r.environment,
            lastAttemptAt: r.last_attempt_at,
            lastSuccessAt: r.last_success_at ?? undefined,
            lastError: r.last_error ?? undefined,
            lastRequests: Number(r.last_requests),
            totalRequests: Number(r.total_requests),
          },
        ]),
      );
    },

    async isEmpty() {
      const row = await knex(DAILY).first('environment');
      return !row;
    },

    async version() {
      const [[refresh], [gpu]] = await Promise.all([
        knex(REFRESH).max({ at: 'last_attempt_at' }),
        knex(GPU).max({ id: 'id' }),
      ]);
      return `${refresh?.at ?? ''}|${gpu?.id ?? ''}`;
    },

    async dailyTotals(environments, from, to) {
      const rows = await inList(knex(DAILY), environments)
        .where('kind', 'service')
        .whereBetween('date', [from, to])
        .groupBy('environment', 'date', 'currency')
        .select('environment', 'date', 'currency')
        .sum({ amount: 'amount' });
      return rows.map(r => ({
        environment: r.environment,
        key: r.date,
        amount: Number(r.amount),
        currency: r.currency,
      }));
    },

    async totalsByKey(environments, kind, from, to) {
      const rows = await inList(knex(DAILY), environments)
        .where('kind', kind)
        .whereBetween('date', [from, to])
        .groupBy('environment', 'key', 'currency')
        .select('environment', 'key', 'currency')
        .sum({ amount: 'amount' });
      return rows.map(r => ({
        environment: r.environment,
        key: r.key,
        amount: Number(r.amount),
        currency: r.currency,
      }));
    },

    async addGpuSamples(samples) {
      if (samples.length === 0) {
        return;
      }
      const rows = samples.map(s => ({
        environment: s.environment,
        sampled_at: s.sampledAt,
        date: s.sampledAt.slice(0, 10),
        instance_type: s.instanceType,
        allocatable: s.allocatable,
        requested: s.requested,
        interval_seconds: s.intervalSeconds,
      }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await knex(GPU).insert(rows.slice(i, i + CHUNK));
      }
    },

    async idleGpuHours(environments, from, to) {
      const rows = await inList(knex(GPU), environments)
        .whereBetween('date', [from, to])
        .groupBy('environment', 'date', 'instance_type')
        .select(
          'environment',
          'date',
          'instance_type',
          knex.raw(
            'SUM(CASE WHEN allocatable > requested THEN (allocatable - requested) * interval_seconds ELSE 0 END) AS idle',
          ),
        );
      return rows.map(r => ({
        environment: r.environment,
        date: r.date,
        instanceType: r.instance_type,
        idleGpuHours: Number(r.idle) / 3600,
      }));
    },
  };
}
