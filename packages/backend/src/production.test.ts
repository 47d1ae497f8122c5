/*
 * Production mode: two real backend processes (packages/backend/src/index.ts,
 * NODE_ENV=production) with app-config.yaml + app-config.production.yaml + an
 * overlay, on the machine's PostgreSQL and Redis, against an in-process
 * sandbox that counts upstream calls. Each run uses its own database prefix
 * and Redis namespace and removes them afterwards.
 *
 * Needs PostgreSQL (POSTGRES_HOST/PORT/USER, default 127.0.0.1:5432 postgres)
 * and Redis (REDIS_URL, default redis://127.0.0.1:6379).
 */
import { createSandboxApp, demoScenario } from '@internal/ml-platform-sandbox';
import express from 'express';
import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import {
  BackendProcess,
  freePortInRange,
  repoRoot,
  startBackendProcess,
  stopAllBackendProcesses,
} from './__testUtils__/backendProcess';
import { dropBackendState, localPostgres } from './__testUtils__/backendState';

jest.setTimeout(600_000);

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const dbPrefix = `mlprodtest_${run}_`;
const redisNamespace = `mlprodtest-${run}`;
const monitoringToken = `monitoring-${run}-token`;
const pg = localPostgres();
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * What the replicas get: the same server with a password in the URL (Redis'
 * default user has `nopass` and accepts any), so the test can look for it in
 * their logs as for any other secret.
 */
const replicaRedisUrl = process.env.REDIS_URL
  ? redisUrl
  : `redis://default:redis-pw-${run}@127.0.0.1:6379`;

/** A user token in the right shape, signed by no key the backend knows. */
function forgedJwt() {
  const part = (o: object) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  return [
    part({ alg: 'ES256', kid: 'forged', typ: 'vnd.backstage.user' }),
    part({ sub: 'user:default/admin', exp: 4102444800 }),
    Buffer.from('not-a-signature').toString('base64url'),
  ].join('.');
}

/** The sandbox behind counters of first pages of ml-prod pod and node lists. */
async function startCountingSandbox() {
  const counts = { pods: 0, nodes: 0 };
  const app = express();
  app.use((req, _res, next) => {
    if (!req.query.continue && req.path.startsWith('/k8s/ml-prod/')) {
      if (req.path.endsWith('/api/v1/pods')) counts.pods++;
      if (req.path.endsWith('/api/v1/nodes')) counts.nodes++;
    }
    next();
  });
  app.use(createSandboxApp(demoScenario));
  const server = http.createServer(app);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const costExplorerCalls = async () =>
    (
      (await (
        await fetch(`${url}/aws/cost-explorer/_sandbox/stats`)
      ).json()) as { requests: number }
    ).requests;
  const close = () =>
    new Promise<void>(r => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return { url, counts, costExplorerCalls, close };
}

function overlay(
  port: number,
  sandboxUrl: string,
  options: { refreshIntervalHours?: number; withoutCost?: boolean } = {},
) {
  const environments = [
    {
      name: 'ml-prod',
      tier: 'prod',
      owner: 'group:default/ml-platform',
      kubernetes: {
        url: `${sandboxUrl}/k8s/ml-prod`,
        authProvider: 'serviceAccount',
        serviceAccountToken: '${ML_PROD_K8S_TOKEN}',
        skipTLSVerify: true,
        namespaces: ['mlops-system'],
      },
      cost: {
        tagKey: 'Environment',
        tagValue: 'prod',
        monthlyBudget: 5000,
        endpoint: `${sandboxUrl}/aws/cost-explorer`,
      },
    },
    {
      name: 'ml-dev',
      tier: 'dev',
      owner: 'group:default/ml-platform',
      cost: {
        tagKey: 'Environment',
        tagValue: 'dev',
        endpoint: `${sandboxUrl}/aws/cost-explorer`,
      },
    },
  ];
  // JSON is YAML; ${...} is substituted by the config loader from the env.
  return JSON.stringify({
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { port, host: '127.0.0.1' },
      database: { prefix: dbPrefix },
      cache: { redis: { client: { namespace: redisNamespace } } },
    },
    mlPlatform: {
      cache: { ttlSeconds: 600 },
      // no GPU sampling during the test: it would read the clusters
      cost: {
        gpuSampleInitialDelaySeconds: 3600,
        maxAttempts: 2,
        refreshIntervalHours: options.refreshIntervalHours ?? 6,
      },
      // Without cost blocks the plugin still schedules its GPU sampler (so
      // the scheduler's tables exist too) but never fills the cost ledger.
      environments: options.withoutCost
        ? environments
            .filter(e => e.kubernetes)
            .map(({ cost: _cost, ...rest }) => rest)
        : environments,
    },
  });
}

const childEnv = {
  POSTGRES_HOST: pg.host,
  POSTGRES_PORT: pg.port,
  POSTGRES_USER: pg.user,
  POSTGRES_PASSWORD: pg.password,
  REDIS_URL: replicaRedisUrl,
  BACKEND_MONITORING_TOKEN: monitoringToken,
  AUTH_GITHUB_CLIENT_ID: 'production-test-client',
  AUTH_GITHUB_CLIENT_SECRET: 'production-test-secret',
  ML_PROD_K8S_TOKEN: 'production-test-k8s-token',
  AWS_ACCESS_KEY_ID: 'sandbox-demo',
  AWS_SECRET_ACCESS_KEY: 'sandbox-demo',
  AWS_EC2_METADATA_DISABLED: 'true',
};

const dropTestState = () =>
  dropBackendState({ pg, dbPrefix, redisUrl, redisNamespace });

describe('two backend replicas in production mode', () => {
  let sandbox: Awaited<ReturnType<typeof startCountingSandbox>>;
  let dir: string;
  let ports: number[] = [];
  let replicas: BackendProcess[] = [];

  const startReplica = (i: number, variant = '') =>
    startBackendProcess({
      name: `replica-${'AB'[i]}${variant}`,
      port: ports[i],
      env: childEnv,
      configFiles: [
        path.join(repoRoot, 'app-config.yaml'),
        path.join(repoRoot, 'app-config.production.yaml'),
        path.join(dir, `overlay-${i}${variant}.yaml`),
      ],
    });
  const writeOverlays = (
    variant: string,
    options: Parameters<typeof overlay>[2] = {},
  ) =>
    ports.forEach((port, i) =>
      fs.writeFileSync(
        path.join(dir, `overlay-${i}${variant}.yaml`),
        overlay(port, sandbox.url, options),
      ),
    );
  const stopReplicas = () => stopAllBackendProcesses();

  const get = async (replica: BackendProcess, route: string) => {
    const res = await fetch(`${replica.url}/api/ml-platform${route}`, {
      headers: { Authorization: `Bearer ${monitoringToken}` },
    });
    expect(res.status).toBe(200);
    return res.json() as Promise<any>;
  };

  beforeAll(async () => {
    sandbox = await startCountingSandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-portal-prod-'));
    const first = await freePortInRange();
    ports = [first, await freePortInRange(7500, 7599, [first])];
    writeOverlays('');
    writeOverlays('-schema', { withoutCost: true });
    // On an empty database the first replica creates the schema; two at
    // once race on Knex's migration tables (core Backstage ones included),
    // so a fresh install starts one replica first: here without cost
    // blocks, so every table is created and the cost ledger stays empty.
    const schema = await startReplica(0, '-schema');
    await schema.stop();
    // Then both at once, each finding the ledger empty at start-up and
    // asking for a refresh: the scheduler's global lock lets one run it.
    replicas = await Promise.all([startReplica(0), startReplica(1)]);
  });

  afterAll(async () => {
    await stopReplicas();
    await sandbox?.close();
    await dropTestState();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers on both replicas, signed in with the static token only', async () => {
    for (const replica of replicas) {
      const body = await get(replica, '/environments');
      expect(body.items.map((e: any) => e.name)).toEqual(['ml-prod', 'ml-dev']);
      const anonymous = await fetch(
        `${replica.url}/api/ml-platform/environments`,
      );
      expect(anonymous.status).toBe(401);
      const forged = await fetch(`${replica.url}/api/ml-platform/costs`, {
        headers: { Authorization: `Bearer ${forgedJwt()}` },
      });
      expect(forged.status).toBe(401);
      // guest sign-in from app-config.yaml is refused in production
      const guest = await fetch(`${replica.url}/api/auth/guest/refresh`);
      expect(guest.status).toBe(403);
    }
  });

  it('refreshes cost once across both replicas, though both started on an empty ledger', async () => {
    const [a, b] = replicas;
    for (let i = 0; ; i++) {
      const costs = await get(a, '/costs');
      if (costs.items.every((item: any) => item.fetchedAt)) break;
      if (i > 240) throw new Error('cost refresh did not finish');
      await new Promise(r => setTimeout(r, 500));
    }
    // give a second, duplicate refresh the time to show up
    await new Promise(r => setTimeout(r, 5000));
    const prod = await get(a, '/environments/ml-prod/cost');
    const dev = await get(b, '/environments/ml-dev/cost');
    const oneRefresh =
      prod.data.costExplorer.lastRefreshRequests +
      dev.data.costExplorer.lastRefreshRequests;
    expect(oneRefresh).toBeGreaterThan(0);
    expect(await sandbox.costExplorerCalls()).toBe(oneRefresh);
    // exactly one of the processes made the calls
    const byProcess = [
      (await get(a, '/costs')).costExplorer.processRequests,
      (await get(b, '/costs')).costExplorer.processRequests,
    ].sort((x, y) => x - y);
    expect(byProcess).toEqual([0, oneRefresh]);
  });

  it('shares the upstream cache: a cluster read on A is served to B from Redis', async () => {
    const [a, b] = replicas;
    sandbox.counts.pods = 0;
    sandbox.counts.nodes = 0;
    const fromA = await get(a, '/environments/ml-prod/cluster');
    const fromB = await get(b, '/environments/ml-prod/cluster');
    expect(fromA.data.nodes).toEqual({ total: 10, ready: 9, notReady: 1 });
    expect(fromB).toEqual(fromA);
    expect(sandbox.counts).toEqual({ pods: 1, nodes: 1 });
  });

  it('keeps the cost ledger across a restart of both replicas, without calling Cost Explorer again', async () => {
    const before = (await get(replicas[0], '/costs')).items;
    const calls = await sandbox.costExplorerCalls();
    await stopReplicas();
    // schema in place: both start at once, as after a node failure
    replicas = await Promise.all([startReplica(0), startReplica(1)]);
    // a refresh started at boot would have shown up by now
    await new Promise(r => setTimeout(r, 5000));
    for (const replica of replicas) {
      const after = await get(replica, '/costs');
      expect(after.items).toEqual(before);
      expect(after.costExplorer.processRequests).toBe(0);
    }
    expect(await sandbox.costExplorerCalls()).toBe(calls);
  });

  it('wrote no secret from the environment to its logs', () => {
    const secrets = [
      monitoringToken,
      childEnv.AUTH_GITHUB_CLIENT_SECRET,
      childEnv.ML_PROD_K8S_TOKEN,
      childEnv.POSTGRES_PASSWORD,
      ...(process.env.REDIS_URL ? [] : [`redis-pw-${run}`]),
    ];
    for (const replica of replicas) {
      expect(replica.output()).toMatch(/ML Platform serving 2 environment/);
      for (const secret of secrets) {
        expect(replica.output()).not.toContain(secret);
      }
    }
  });

  it('runs the scheduled refresh once per interval across both replicas', async () => {
    const intervalSeconds = 12;
    writeOverlays('-often', { refreshIntervalHours: intervalSeconds / 3600 });
    await stopReplicas();
    replicas = await Promise.all([
      startReplica(0, '-often'),
      startReplica(1, '-often'),
    ]);
    const started = Date.now();
    await new Promise(r => setTimeout(r, 4 * intervalSeconds * 1000));
    const elapsedSeconds = (Date.now() - started) / 1000;
    // One log line per environment and run, from whichever replica ran it.
    const runs = replicas
      .map(r => r.output().match(/Cost ledger refreshed for ml-prod:/g) ?? [])
      .flat().length;
    // Two replicas refreshing on their own would make about twice as many.
    expect(runs).toBeLessThanOrEqual(
      Math.floor(elapsedSeconds / intervalSeconds) + 1,
    );
    expect(runs).toBeGreaterThanOrEqual(2);
  });

  it('exits with an error, instead of idling unready, when a plugin cannot start', async () => {
    const broken = path.join(dir, 'overlay-broken.yaml');
    fs.writeFileSync(
      broken,
      JSON.stringify({
        backend: {
          listen: { port: ports[0], host: '127.0.0.1' },
          database: { prefix: dbPrefix },
        },
        mlPlatform: {
          environments: [{ name: 'Not_A_Label', tier: 'prod', owner: 'x' }],
        },
      }),
    );
    await stopReplicas();
    await expect(
      startBackendProcess({
        name: 'broken',
        port: ports[0],
        env: childEnv,
        configFiles: [
          path.join(repoRoot, 'app-config.yaml'),
          path.join(repoRoot, 'app-config.production.yaml'),
          broken,
        ],
      }),
    ).rejects.toThrow(/exited before it was ready \(code 1\)/);
  });
});
