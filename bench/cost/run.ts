/* eslint-disable no-console */
/**
 * bench:cost — GET /api/ml-platform/costs with 20 environments x 13 months of
 * daily data by 15 services, served by the real backend plugin from a seeded
 * ledger (SQLite in memory, or PostgreSQL with BENCH_COST_PG=postgresql://...).
 * Prints requests per second, p95 latency and Cost Explorer requests per 1000
 * page views. Loopback only, bounded by BENCH_COST_SECONDS (default 10).
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import autocannon from 'autocannon';
import knexFactory from 'knex';
import { AddressInfo } from 'net';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform-backend';
import { createCostLedgerFromKnex } from '../../plugins/ml-platform-backend/src/services/CostLedger';
import {
  addDays,
  isoDate,
  monthStart,
} from '../../plugins/ml-platform-backend/src/services/CostRefresher';

const ENVIRONMENTS = 20;
const SERVICES = 15;
const MONTHS = 13;
const SECONDS = Number(process.env.BENCH_COST_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_COST_CONNECTIONS ?? 10);
const PERIOD = process.env.BENCH_COST_PERIOD ?? '12m';

async function seed(knex: ReturnType<typeof knexFactory>) {
  await knex.migrate.latest({
    directory: `${__dirname}/../../plugins/ml-platform-backend/migrations`,
    tableName: 'ml_platform_knex_migrations',
  });
  const ledger = createCostLedgerFromKnex(knex);
  const today = isoDate(new Date());
  const from = monthStart(today, -(MONTHS - 1));
  const services = Array.from({ length: SERVICES }, (_, i) => `Service ${i}`);
  let rows = 0;
  for (let e = 0; e < ENVIRONMENTS; e++) {
    const env = `env-${e}`;
    const costs = [];
    for (let d = from; d <= today; d = addDays(d, 1)) {
      for (const [i, key] of services.entries()) {
        costs.push({
          date: d,
          key,
          amount: 1 + e + i * 0.5,
          currency: 'USD',
          estimated: d >= addDays(today, -2),
        });
      }
    }
    await ledger.upsertDailyCosts(env, 'service', costs);
    rows += costs.length;
    await ledger.setForecast(env, {
      start: today,
      end: monthStart(today, 1),
      mean: 500,
      lower: 450,
      upper: 550,
      currency: 'USD',
    });
    await ledger.recordRefresh(env, {
      at: new Date().toISOString(),
      requests: 3,
    });
  }
  return rows;
}

async function main() {
  const knex = process.env.BENCH_COST_PG
    ? knexFactory({ client: 'pg', connection: process.env.BENCH_COST_PG })
    : knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
  const seedStart = Date.now();
  const rows = await seed(knex);
  console.log(
    `seeded ${rows} daily rows (${ENVIRONMENTS} environments x ${MONTHS} months x ${SERVICES} services) in ${
      Date.now() - seedStart
    } ms`,
  );

  const environments = Array.from({ length: ENVIRONMENTS }, (_, e) => ({
    name: `env-${e}`,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    cost: {
      tagKey: 'Environment',
      tagValue: `env-${e}`,
      monthlyBudget: 400,
      // Nothing listens here: a Cost Explorer call from a page view would fail and be counted.
      endpoint: 'http://127.0.0.1:9/aws/cost-explorer',
    },
  }));
  const backend = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: { mlPlatform: { environments } },
      }),
      mockServices.database.factory({ knex }),
      // The seeded ledger stands in for the scheduled refresh.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/ml-platform/costs?period=${PERIOD}`;

  const usage = async () =>
    (await (await fetch(url)).json()).costExplorer.processRequests as number;
  // Warm up: prepared statements, JIT.
  for (let i = 0; i < 20; i++) {
    await fetch(url);
  }
  const before = await usage();

  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const after = await usage();
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? NaN;
  const views = result.requests.total;

  console.log(
    JSON.stringify(
      {
        route: `GET /api/ml-platform/costs?period=${PERIOD}`,
        database: process.env.BENCH_COST_PG ? 'postgresql' : 'sqlite (memory)',
        connections: CONNECTIONS,
        seconds: SECONDS,
        requests: views,
        non2xx: result.non2xx,
        errors: result.errors,
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: {
          p50: latencies[Math.floor(latencies.length * 0.5)],
          p95: Math.round(p95 * 10) / 10,
          p99: latencies[Math.floor(latencies.length * 0.99)],
        },
        costExplorerRequestsPer1000Views: ((after - before) / views) * 1000,
        target: 'p95 <= 50 ms warm, 0 Cost Explorer requests per 1000 views',
      },
      null,
      2,
    ),
  );
  await backend.stop();
  await knex.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
