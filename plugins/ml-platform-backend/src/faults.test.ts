import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import request from 'supertest';
import vm from 'vm';
import { mlPlatformPlugin } from './plugin';
import { COST_REFRESH_TASK_ID } from './costWiring';
import { LEDGER_STATE_TTL_MS } from './services/CostLedger';

// Every card's route through the real clients against a sandbox upstream
// that misbehaves in one way, for one environment.
jest.setTimeout(120_000);

const TIMEOUT_S = 2;
const TTL_S = 1;
const auth = mockCredentials.user.header();

// Jest gives tests a copy of `process`; the listener goes on the real one,
// where Node emits the event (checked by hand: a stray Promise.reject lands
// here). Each test and the end of the file assert it saw nothing.
const realProcess = vm.runInThisContext('process') as NodeJS.Process;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let sandbox: RunningSandbox;
beforeAll(async () => {
  realProcess.on('unhandledRejection', onUnhandled);
  sandbox = await startSandbox({ scenario: demoScenario });
});
afterAll(async () => {
  await sandbox.close();
  // late ones, from requests abandoned at a timeout
  await new Promise(r => setTimeout(r, 500));
  realProcess.off('unhandledRejection', onUnhandled);
  if (unhandled.length > 0) {
    throw new Error(
      `unhandled rejections: ${unhandled.map(String).join('; ')}`,
    );
  }
});

async function control(method: string, path: string, body?: object) {
  const res = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${await res.text()}`);
  return res.json();
}
const setFault = (fault: object) => control('POST', 'faults', fault);
const k8sCalls = async (env: string) =>
  (await control('GET', 'requests')).k8s.environments[env] ?? 0;

function environment(name: string, tagValue: string) {
  return {
    name,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${sandbox.url}/k8s/${name}`,
      authProvider: 'none',
      skipTLSVerify: true,
    },
    mlflow: { url: `${sandbox.url}/mlflow/${name}` },
    cost: {
      tagKey: 'Environment',
      tagValue,
      endpoint: `${sandbox.url}/aws/cost-explorer`,
    },
  };
}

/** The ml-platform plugin's scheduler, handed out by a module of the plugin. */
function schedulerHandle() {
  const handle: { scheduler?: SchedulerService } = {};
  const module = createBackendModule({
    pluginId: 'ml-platform',
    moduleId: 'test-scheduler-handle',
    register(reg) {
      reg.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          handle.scheduler = scheduler;
        },
      });
    },
  });
  return { handle, module };
}

async function startBackend(
  options: { extra?: ReturnType<typeof createBackendModule> } = {},
) {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            cache: { ttlSeconds: TTL_S },
            upstreamTimeoutSeconds: TIMEOUT_S,
            cost: { maxAttempts: 2, requestTimeoutSeconds: 1 },
            environments: [
              environment('ml-prod', 'prod'),
              environment('ml-dev', 'dev'),
            ],
          },
        },
      }),
      ...(options.extra ? [options.extra] : []),
    ],
  });
  return server;
}

async function get(server: any, path: string) {
  const started = Date.now();
  const res = await request(server)
    .get(`/api/ml-platform${path}`)
    .set('Authorization', auth);
  return { status: res.status, body: res.body, ms: Date.now() - started };
}

/** Waits for the refresh at start-up to fill the cost ledger. */
async function untilCostRead(server: any, env: string) {
  for (let i = 0; i < 300; i++) {
    const { body } = await get(server, `/environments/${env}/cost`);
    if (body.data) return body;
    await new Promise(r => setTimeout(r, 100));
  }
  const { body } = await get(server, `/environments/${env}/cost`);
  throw new Error(`cost of ${env} never read: ${JSON.stringify(body)}`);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

afterEach(async () => {
  await control('DELETE', 'faults');
});

describe.each(['timeout', '500', 'malformed', '429', 'reset', 'slow'])(
  'with k8s and MLflow of ml-prod in fault mode %s',
  mode => {
    it('each card answers 200 with its error and the stale data, in time, the other environment and cost untouched', async () => {
      const server = await startBackend();
      const warmCluster = await get(server, '/environments/ml-prod/cluster');
      const warmModels = await get(server, '/environments/ml-prod/models');
      expect(warmCluster.body.error).toBeUndefined();
      expect(warmModels.body.error).toBeUndefined();
      await untilCostRead(server, 'ml-prod');

      const extra = mode === 'slow' ? { delayMs: TIMEOUT_S * 1000 + 3000 } : {};
      await setFault({
        upstream: 'k8s',
        environment: 'ml-prod',
        mode,
        ...extra,
      });
      await setFault({
        upstream: 'mlflow',
        environment: 'ml-prod',
        mode,
        ...extra,
      });
      await sleep(TTL_S * 1000 + 100);

      // The cards first (a read that comes while another is pending gets
      // the stale data at once, without the error), then the rest.
      const [cluster, models] = await Promise.all([
        get(server, '/environments/ml-prod/cluster'),
        get(server, '/environments/ml-prod/models'),
      ]);
      const [summary, cost, devCluster, devModels] = await Promise.all([
        get(server, '/environments/ml-prod'),
        get(server, '/environments/ml-prod/cost'),
        get(server, '/environments/ml-dev/cluster'),
        get(server, '/environments/ml-dev/models'),
      ]);

      for (const [card, warm] of [
        [cluster, warmCluster],
        [models, warmModels],
      ]) {
        expect(card.status).toBe(200);
        expect(card.body.error.message).toEqual(expect.any(String));
        expect(card.body.stale).toBe(true);
        expect(card.body.fetchedAt).toBe(warm.body.fetchedAt);
        expect(card.body.data).toEqual(warm.body.data);
        // bounded by upstreamTimeoutSeconds, with room for a busy machine
        expect(card.ms).toBeLessThan(TIMEOUT_S * 1000 + 1500);
      }
      expect(summary.status).toBe(200);
      expect(summary.ms).toBeLessThan(TIMEOUT_S * 1000 + 1500);
      expect(summary.body.sources.kubernetes.stale).toBe(true);
      expect(summary.body.sources.mlflow.stale).toBe(true);
      expect(summary.body.sources.cost.status).toBe('ok');
      expect(cost.status).toBe(200);
      expect(cost.body.error).toBeUndefined();
      expect(cost.body.data.monthToDate).toBeGreaterThan(0);
      for (const dev of [devCluster, devModels]) {
        expect(dev.status).toBe(200);
        expect(dev.body.error).toBeUndefined();
        expect(dev.body.stale).toBe(false);
      }
      expect(unhandled).toEqual([]);
    });
  },
);

describe.each(['timeout', '500', 'reset'])(
  'with k8s and MLflow of ml-prod in fault mode %s from the start (nothing cached yet)',
  mode => {
    it('the cards answer 200 with the error and no data, in time, the other environment untouched', async () => {
      await setFault({ upstream: 'k8s', environment: 'ml-prod', mode });
      await setFault({ upstream: 'mlflow', environment: 'ml-prod', mode });
      const server = await startBackend();
      const [cluster, gpus, models, summary, dev] = await Promise.all([
        get(server, '/environments/ml-prod/cluster'),
        get(server, '/environments/ml-prod/gpus'),
        get(server, '/environments/ml-prod/models'),
        get(server, '/environments/ml-prod'),
        get(server, '/environments/ml-dev/cluster'),
      ]);
      for (const card of [cluster, gpus, models]) {
        expect(card.status).toBe(200);
        expect(card.body).toMatchObject({
          environment: 'ml-prod',
          stale: false,
          error: { message: expect.any(String) },
        });
        expect(card.body.data).toBeUndefined();
        // bounded: the timeout, one retry's backoff, and a loaded machine
        expect(card.ms).toBeLessThan(TIMEOUT_S * 1000 + 3000);
      }
      expect(summary.status).toBe(200);
      expect(summary.body.sources.kubernetes.status).toBe('error');
      expect(dev.body.error).toBeUndefined();
      expect(dev.body.data.nodes.total).toBeGreaterThan(0);
      expect(unhandled).toEqual([]);
    });
  },
);

describe('a dead upstream', () => {
  it('is not called again once the breaker opens, and the card answers at once', async () => {
    const server = await startBackend();
    await get(server, '/environments/ml-prod/cluster');
    await setFault({ upstream: 'k8s', environment: 'ml-prod', mode: '500' });
    await sleep(TTL_S * 1000 + 100);

    // each read after the hold of the last failure (the TTL), so each one
    // tries the upstream until the breaker opens
    for (let i = 0; i < 5; i++) {
      await get(server, '/environments/ml-prod/cluster');
      await sleep(TTL_S * 1000 + 50);
    }
    const before = await k8sCalls('ml-prod');
    const reads = [];
    for (let i = 0; i < 20; i++) {
      reads.push(await get(server, '/environments/ml-prod/cluster'));
    }
    expect(await k8sCalls('ml-prod')).toBe(before);
    for (const read of reads) {
      expect(read.status).toBe(200);
      expect(read.body.error.message).toMatch(/failing repeatedly/);
      expect(read.body.data).toBeDefined();
      expect(read.ms).toBeLessThan(500);
    }
    expect(unhandled).toEqual([]);
  });

  it('that answers 429 is not called again before its Retry-After', async () => {
    const server = await startBackend();
    await get(server, '/environments/ml-prod/cluster');
    await setFault({
      upstream: 'k8s',
      environment: 'ml-prod',
      mode: '429',
      retryAfterSeconds: 30,
    });
    await sleep(TTL_S * 1000 + 100);
    const before = await k8sCalls('ml-prod');

    const first = await get(server, '/environments/ml-prod/cluster');
    const afterFirst = await k8sCalls('ml-prod');
    for (let i = 0; i < 10; i++) {
      const read = await get(server, '/environments/ml-prod/cluster');
      expect(read.body.error.message).toMatch(/Retry-After: 30 s/);
      expect(read.body.data).toBeDefined();
      await sleep(100);
    }

    expect(first.body.error.message).toMatch(/429/);
    // one attempt's calls, no retry, nothing more while Retry-After runs
    expect(afterFirst - before).toBeGreaterThan(0);
    expect(await k8sCalls('ml-prod')).toBe(afterFirst);
    expect(unhandled).toEqual([]);
  });
});

describe('Cost Explorer failing', () => {
  it.each(['500', '429', 'malformed', 'reset', 'timeout', 'slow'])(
    'in mode %s: the cost route answers 200 with the error, the other cards unaffected',
    async mode => {
      // slow: longer than the request timeout
      await setFault({
        upstream: 'cost',
        environment: 'ml-prod',
        mode,
        ...(mode === 'slow' && { delayMs: 5000 }),
      });
      const server = await startBackend();
      const dev = await untilCostRead(server, 'ml-dev');
      expect(dev.error).toBeUndefined();

      const cost = await get(server, '/environments/ml-prod/cost');
      expect(cost.status).toBe(200);
      expect(cost.body.error.message).toEqual(expect.any(String));
      expect(cost.body.data).toBeUndefined();
      const costs = await get(server, '/costs');
      expect(costs.status).toBe(200);
      const cluster = await get(server, '/environments/ml-prod/cluster');
      expect(cluster.body.error).toBeUndefined();
      const summary = await get(server, '/environments/ml-prod');
      expect(summary.status).toBe(200);
      expect(summary.ms).toBeLessThan(TIMEOUT_S * 1000 + 1500);
      expect(summary.body.sources.kubernetes.status).not.toBe('error');
      expect(unhandled).toEqual([]);
    },
  );
});

describe('Cost Explorer failing after the ledger was filled', () => {
  it('keeps serving the ledger figures, with the failed refresh and its time', async () => {
    const { handle, module } = schedulerHandle();
    const server = await startBackend({ extra: module });
    const before = await untilCostRead(server, 'ml-prod');
    await untilCostRead(server, 'ml-dev');
    expect(before.error).toBeUndefined();
    await setFault({ upstream: 'cost', environment: 'ml-prod', mode: '500' });
    // The next scheduled refresh (a trigger while the start-up one still
    // runs is a no-op, hence the loop), then the routes' memo of refresh states.
    let after = before;
    for (let i = 0; i < 20 && !after.error; i++) {
      await handle.scheduler!.triggerTask(COST_REFRESH_TASK_ID);
      await sleep(LEDGER_STATE_TTL_MS + 100);
      after = (await get(server, '/environments/ml-prod/cost')).body;
    }
    expect(after.error.message).toMatch(/500|Internal/);
    // the time of the last good refresh, which is recent: not stale yet
    expect(after.fetchedAt).toBe(before.fetchedAt);
    expect(after.stale).toBe(false);
    expect(after.data.monthToDate).toBe(before.data.monthToDate);
    expect(after.data.daily).toEqual(before.data.daily);
    expect(unhandled).toEqual([]);
  });
});
