import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import request from 'supertest';
import { mlPlatformPlugin } from '../plugin';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenario });
  // The default AWS credential chain reads these; the sandbox accepts any signature.
  process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOX';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox-secret';
});
afterAll(() => sandbox.close());

const environment = (name: string, tier: string, cost?: object) => ({
  name,
  tier,
  owner: 'group:default/ml-platform',
  ...(cost && {
    cost: {
      tagKey: 'Environment',
      region: 'us-east-1',
      endpoint: `${sandbox.url}/aws/cost-explorer`,
      ...cost,
    },
  }),
});

const prodResource = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'ml-prod',
    annotations: {
      'ml-platform/environment': 'ml-prod',
      'ml-platform/monthly-estimate': '3000',
    },
  },
  spec: { type: 'ml-environment', owner: 'group:default/ml-platform' },
};

async function start(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            // sample GPU allocation at start, so one sample is in the ledger
            cost: { maxAttempts: 2, gpuSampleInitialDelaySeconds: 0 },
            environments: [
              environment('ml-local', 'local'),
              environment('ml-dev', 'dev', {
                tagValue: 'dev',
                monthlyBudget: 400,
              }),
              {
                ...environment('ml-prod', 'prod', {
                  tagValue: 'prod',
                  monthlyBudget: 3000,
                }),
                kubernetes: {
                  url: `${sandbox.url}/k8s/ml-prod`,
                  authProvider: 'none',
                  skipTLSVerify: true,
                },
              },
            ],
          },
        },
      }),
      mockServices.permissions.factory({ result }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities: [prodResource] }),
    ],
  });
  if (result === AuthorizeResult.ALLOW) {
    await waitForRefresh(server);
  }
  return server;
}

/** The refresh starts with the backend; wait until every environment has one. */
async function waitForRefresh(server: Parameters<typeof request>[0]) {
  for (let i = 0; i < 100; i++) {
    const res = await request(server)
      .get('/api/ml-platform/costs')
      .set('Authorization', mockCredentials.user.header());
    if (res.body.items?.every((item: any) => item.fetchedAt)) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('cost refresh did not finish');
}

const sandboxRequests = async () =>
  (
    await (
      await fetch(`${sandbox.url}/aws/cost-explorer/_sandbox/stats`)
    ).json()
  ).requests as number;

const auth = mockCredentials.user.header();

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe('cost routes', () => {
  it('serves an environment from the ledger, refreshed at start, with zero Cost Explorer calls per view', async () => {
    const server = await start();
    const before = await sandboxRequests();

    const res = await request(server)
      .get('/api/ml-platform/environments/ml-prod/cost?period=mtd&top=3')
      .set('Authorization', auth)
      .expect(200);
    for (let i = 0; i < 5; i++) {
      await request(server)
        .get('/api/ml-platform/costs')
        .set('Authorization', auth)
        .expect(200);
    }
    expect(await sandboxRequests()).toBe(before);

    const { data, ...envelope } = res.body;
    expect(envelope).toMatchObject({
      environment: 'ml-prod',
      source: 'cost',
      stale: false,
    });
    expect(envelope.error).toBeUndefined();
    expect(Date.now() - Date.parse(envelope.fetchedAt)).toBeLessThan(60_000);
    expect(data.currency).toBe('USD');
    expect(data.monthToDate).toBeGreaterThan(0);
    expect(data.forecast.mean).toBeGreaterThan(data.monthToDate);
    expect(data.forecast.lower).toBeLessThan(data.forecast.mean);
    expect(data.monthlyBudget).toBe(3000);
    expect(data.budgetUsedRatio).toBeCloseTo(data.monthToDate / 3000, 2);
    // Prod's forecast is far above the 3000 estimate in the catalog.
    expect(data.forecastOverBudget).toBe(true);
    expect(data.estimate).toMatchObject({ monthly: 3000, flagged: true });
    expect(data.byService).toHaveLength(4);
    expect(data.byService[0].service).toBe(
      'Amazon Elastic Compute Cloud - Compute',
    );
    expect(data.byService[3].service).toBe('Other');
    expect(data.gpu.share).toBeGreaterThan(0.4);
    // One sample at start: one idle T4 for the 5-minute interval, at g4dn.xlarge prices.
    expect(data.idleGpu.gpuHours).toBeCloseTo(5 / 60, 2);
    expect(data.idleGpu.cost).toBeCloseTo(0.04, 2);
    expect(data.daily.length).toBe(new Date().getUTCDate());
    expect(data.costExplorer.lastRefreshRequests).toBeGreaterThan(0);
    expect(data.costExplorer.processRequests).toBeGreaterThan(0);
  });

  it('lists all environments with a cost source for managers', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ml-platform/costs')
      .set('Authorization', auth)
      .expect(200);
    expect(res.body.items.map((i: any) => i.environment)).toEqual([
      'ml-dev',
      'ml-prod',
    ]);
    const [dev, prod] = res.body.items;
    expect(prod.monthToDate).toBeGreaterThan(dev.monthToDate * 10);
    expect(dev).toMatchObject({ monthlyBudget: 400, stale: false });
    expect(dev.estimate).toBeNull();
  });

  it('answers an environment without a cost source with an error envelope', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/ml-platform/environments/ml-local/cost')
      .set('Authorization', auth)
      .expect(200);
    expect(res.body).toMatchObject({
      environment: 'ml-local',
      source: 'cost',
      error: { message: 'No cost source is configured for ml-local' },
    });
    expect(res.body.data).toBeUndefined();
  });

  it('rejects bad queries with 400 and unknown environments with 404', async () => {
    const server = await start();
    const bad = await request(server)
      .get('/api/ml-platform/costs?period=forever')
      .set('Authorization', auth)
      .expect(400);
    expect(bad.body.error.message).toMatch(/Invalid cost query: period/);
    await request(server)
      .get('/api/ml-platform/environments/ml-prod/cost?top=0')
      .set('Authorization', auth)
      .expect(400);
    await request(server)
      .get('/api/ml-platform/environments/ml-nope/cost')
      .set('Authorization', auth)
      .expect(404);
    const badName = await request(server)
      .get('/api/ml-platform/environments/..%2Fetc/cost')
      .set('Authorization', auth)
      .expect(400);
    expect(badName.body.error.message).toBe(
      "Invalid environment name '../etc': expected a DNS label",
    );
  });

  it('gives 403 on both cost routes without ml-platform.cost.read, while environments still list', async () => {
    const server = await start(AuthorizeResult.DENY);
    const one = await request(server)
      .get('/api/ml-platform/environments/ml-prod/cost')
      .set('Authorization', auth)
      .expect(403);
    expect(one.body.error.message).toBe('You are not allowed to see cost data');
    await request(server)
      .get('/api/ml-platform/costs')
      .set('Authorization', auth)
      .expect(403);
    await request(server)
      .get('/api/ml-platform/environments')
      .set('Authorization', auth)
      .expect(200);
    await request(server).get('/api/ml-platform/costs').expect(401);
  });
});
