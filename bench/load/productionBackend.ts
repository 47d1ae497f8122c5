import { demoScenario } from '@internal/ml-platform-sandbox';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  freePortInRange,
  repoRoot,
  startBackendProcess,
} from '../../packages/backend/src/__testUtils__/backendProcess';
import {
  dropBackendState,
  localPostgres,
} from '../../packages/backend/src/__testUtils__/backendState';
import { LoadTarget, TargetOptions, sandboxEnvironments } from './targets';

/**
 * The real backend (packages/backend/src/index.ts, NODE_ENV=production) with
 * app-config.yaml + app-config.production.yaml + an overlay: PostgreSQL and
 * the Redis cache of the machine, request logging, user sign-in and the
 * permission backend as in production. The one liberty: guest sign-in is
 * allowed, so the load runs as signed-in users (user tokens are verified and
 * cost permissions evaluated per request) without a GitHub OAuth round trip.
 */
export async function startProductionBackend(
  options: TargetOptions,
): Promise<LoadTarget> {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const dbPrefix = `mlbench_${run}_`;
  const redisNamespace = `mlbench-${run}`;
  const pg = localPostgres();
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const port = await freePortInRange(7600, 7699);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-portal-bench-'));
  const overlay = path.join(dir, 'overlay.yaml');
  const environments = sandboxEnvironments(options.sandbox);
  fs.writeFileSync(
    overlay,
    JSON.stringify({
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { port, host: '127.0.0.1' },
        database: { prefix: dbPrefix },
        cache: { redis: { client: { namespace: redisNamespace } } },
      },
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      mlPlatform: {
        cache: { ttlSeconds: options.ttlSeconds },
        upstreamTimeoutSeconds: options.timeoutSeconds,
        cost: {
          refreshIntervalHours: options.refreshSeconds / 3600,
          maxAttempts: 2,
          requestTimeoutSeconds: options.timeoutSeconds,
          gpuSampleInitialDelaySeconds: 3600,
        },
        environments,
      },
    }),
  );
  const backend = await startBackendProcess({
    name: 'bench-backend',
    port,
    outputTailChars: 20_000,
    configFiles: [
      path.join(repoRoot, 'app-config.yaml'),
      path.join(repoRoot, 'app-config.production.yaml'),
      overlay,
    ],
    env: {
      POSTGRES_HOST: pg.host,
      POSTGRES_PORT: pg.port,
      POSTGRES_USER: pg.user,
      POSTGRES_PASSWORD: pg.password,
      REDIS_URL: redisUrl,
      BACKEND_MONITORING_TOKEN: `bench-${run}-monitoring`,
      AUTH_GITHUB_CLIENT_ID: 'bench',
      AUTH_GITHUB_CLIENT_SECRET: 'bench',
      AWS_ACCESS_KEY_ID: 'sandbox-demo',
      AWS_SECRET_ACCESS_KEY: 'sandbox-demo',
      AWS_EC2_METADATA_DISABLED: 'true',
      // e.g. BENCH_NODE_OPTIONS=--cpu-prof to profile the backend under load
      ...(process.env.BENCH_NODE_OPTIONS && {
        NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS,
      }),
    },
  });
  const refresh = await fetch(`${backend.url}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!refresh.ok) {
    await backend.stop();
    throw new Error(`guest sign-in failed: ${refresh.status}`);
  }
  const { backstageIdentity } = (await refresh.json()) as {
    backstageIdentity: { token: string };
  };
  return {
    url: `${backend.url}/api/ml-platform`,
    headers: { Authorization: `Bearer ${backstageIdentity.token}` },
    environments: environments.map(e => e.name),
    withCost: demoScenario.environments.filter(e => e.cost).map(e => e.name),
    async stop() {
      await backend.stop();
      await dropBackendState({ pg, dbPrefix, redisUrl, redisNamespace });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
