import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import request from 'supertest';
import { mlPlatformPlugin } from './plugin';

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe('GET /environments/:name summary across all upstreams', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIASANDBOX';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'sandbox-secret';
    sandbox = await startSandbox({ scenario: demoScenario });
  });
  afterAll(() => sandbox.close());

  async function startBackend(
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    const { server } = await startTestBackend({
      features: [
        mlPlatformPlugin,
        mockServices.permissions.factory({ result }),
        mockServices.rootConfig.factory({
          data: {
            mlPlatform: {
              environments: [
                {
                  name: 'ml-prod',
                  tier: 'prod',
                  owner: 'group:default/ml-platform',
                  kubernetes: {
                    url: `${sandbox.url}/k8s/ml-prod`,
                    authProvider: 'none',
                    skipTLSVerify: true,
                  },
                  mlflow: { url: `${sandbox.url}/mlflow/ml-prod` },
                  cost: {
                    tagKey: 'Environment',
                    tagValue: 'prod',
                    monthlyBudget: 5000,
                    endpoint: `${sandbox.url}/aws/cost-explorer`,
                  },
                },
                { name: 'ml-bare', tier: 'dev', owner: 'group:default/a' },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  async function summaryOnceCostIsRead(server: any) {
    // The ledger fills in a refresh at start; poll until it has.
    for (let i = 0; i < 100; i++) {
      const res = await request(server)
        .get('/api/ml-platform/environments/ml-prod')
        .set('Authorization', mockCredentials.user.header());
      if (res.body.sources.cost.status !== 'error') {
        return res.body;
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('cost never read');
  }

  it('has one entry per upstream with headline numbers, cost figures for cost readers', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const body = await summaryOnceCostIsRead(server);

    expect(body.sources.kubernetes).toMatchObject({
      status: 'degraded',
      nodes: { ready: 9, total: 10 },
    });
    // The same figures the Models card shows.
    const models = await request(server)
      .get('/api/ml-platform/environments/ml-prod/models')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    const drifting = models.body.data.models.filter(
      (m: { drift: unknown[] }) => m.drift.length > 0,
    ).length;
    expect(drifting).toBeGreaterThan(0);
    expect(body.sources.mlflow).toMatchObject({
      status: 'degraded',
      models: 3,
      drifting,
      message: `${drifting} models drifting`.replace(/^1 models/, '1 model'),
    });
    expect(body.sources.cost).toMatchObject({
      status: 'ok',
      stale: false,
      currency: 'USD',
      monthlyBudget: 5000,
    });
    expect(body.sources.cost.monthToDate).toBeGreaterThan(0);
  });

  it('hides spend from callers without ml-platform.cost.read, keeping the rest', async () => {
    const server = await startBackend(AuthorizeResult.DENY);
    const body = await summaryOnceCostIsRead(server);
    expect(body.sources.cost.status).toBe('ok');
    expect(body.sources.cost.monthToDate).toBeUndefined();
    expect(body.sources.cost.currency).toBeUndefined();
    expect(body.sources.mlflow.models).toBe(3);
  });

  it('says not-configured for an environment without upstream blocks', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get('/api/ml-platform/environments/ml-bare')
      .set('Authorization', mockCredentials.user.header())
      .expect(200);
    expect(res.body.sources).toEqual({
      kubernetes: { status: 'not-configured', stale: false },
      mlflow: { status: 'not-configured', stale: false },
      cost: { status: 'not-configured', stale: false },
    });
  });
});
