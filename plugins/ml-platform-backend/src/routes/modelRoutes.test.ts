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
import request from 'supertest';
import { mlPlatformPlugin } from '../plugin';

const MLFLOW_TOKEN = 'prod-mlflow-secret';

let sandbox: RunningSandbox;
beforeAll(async () => {
  // prod's MLflow sits behind a bearer-token check
  sandbox = await startSandbox({
    scenario: {
      environments: demoScenario.environments.map(e =>
        e.name === 'ml-prod'
          ? { ...e, mlflowAuth: { token: MLFLOW_TOKEN } }
          : e,
      ),
    },
  });
});
afterAll(() => sandbox.close());

function environment(name: string, tier: string, mlflowExtra = {}) {
  return {
    name,
    tier,
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${sandbox.url}/k8s/${name}`,
      authProvider: 'none',
      skipTLSVerify: true,
      namespaces: ['mlops-system'],
    },
    mlflow: { url: `${sandbox.url}/mlflow/${name}`, ...mlflowExtra },
  };
}

async function startBackend(prodToken = MLFLOW_TOKEN) {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            models: { pageSize: 5, keyMetrics: ['accuracy', 'rmse'] },
            environments: [
              { name: 'ml-local', tier: 'local', owner: 'group:default/a' },
              environment('ml-dev', 'dev'),
              environment('ml-staging', 'staging'),
              environment('ml-prod', 'prod', { token: prodToken }),
            ],
          },
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

const get = (server: any, path: string) =>
  request(server)
    .get(`/api/ml-platform${path}`)
    .set('Authorization', mockCredentials.user.header());

describe('GET /environments/:name/models', () => {
  it('refuses anonymous callers', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/ml-platform/environments/ml-prod/models',
    );
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
  });

  it('answers the registry and the deployed versions in the mlflow envelope', async () => {
    const server = await startBackend();
    const res = await get(server, '/environments/ml-prod/models').expect(200);
    expect(res.body).toMatchObject({
      environment: 'ml-prod',
      source: 'mlflow',
      stale: false,
      data: {
        configured: true,
        registryStyle: 'alias',
        deployment: { status: 'ok' },
        keyMetrics: ['accuracy', 'rmse'],
      },
    });
    expect(res.body.error).toBeUndefined();
    const models = res.body.data.models.map((m: any) => [
      m.name,
      m.latestVersion,
      m.aliases.champion,
      m.deployedVersion,
      m.drift.map((d: any) => d.kind),
    ]);
    expect(models).toEqual([
      ['churn-predictor', '3', '2', '2', []],
      ['demand-forecaster', '2', '2', '1', ['champion-not-deployed']],
      ['fraud-detector', '4', '4', '4', []],
    ]);
    expect(res.body.data.models[2].versions[0].metrics).toEqual({
      accuracy: 0.922,
    });
    expect(res.text).not.toContain(MLFLOW_TOKEN);
    expect(res.text).not.toContain(sandbox.url);
  });

  it('reads every page of a long version history', async () => {
    const server = await startBackend();
    const res = await get(server, '/environments/ml-dev/models').expect(200);
    const fraud = res.body.data.models.find(
      (m: any) => m.name === 'fraud-detector',
    );
    expect(fraud.versions).toHaveLength(24);
    expect(fraud.drift.map((d: any) => d.kind)).toEqual([
      'registration-failed',
    ]);
  });

  it('serves a stage-based registry', async () => {
    const server = await startBackend();
    const res = await get(server, '/environments/ml-staging/models').expect(
      200,
    );
    expect(res.body.data.registryStyle).toBe('stage');
    const fraud = res.body.data.models.find(
      (m: any) => m.name === 'fraud-detector',
    );
    expect(fraud.versions.slice(0, 3).map((v: any) => v.stage)).toEqual([
      'Staging',
      'Production',
      'Archived',
    ]);
  });

  it('reports a refused MLflow token in the envelope, not as a failed request', async () => {
    const server = await startBackend('wrong-token');
    const res = await get(server, '/environments/ml-prod/models').expect(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.error.message).toMatch(
      /^MLflow registered-models\/search failed with 401 UNAUTHENTICATED/,
    );
    expect(res.text).not.toContain('wrong-token');
  });

  it('shows "not configured" for an environment without an mlflow block', async () => {
    const server = await startBackend();
    const res = await get(server, '/environments/ml-local/models').expect(200);
    expect(res.body).toMatchObject({
      environment: 'ml-local',
      source: 'mlflow',
      stale: false,
      data: { configured: false, models: [] },
    });
    expect(res.body.error).toBeUndefined();
  });

  it('answers 404 for unknown and 400 for malformed environment names', async () => {
    const server = await startBackend();
    await get(server, '/environments/ml-nope/models').expect(404);
    const bad = await get(server, '/environments/ML_PROD/models').expect(400);
    expect(bad.body.error.message).toMatch(/expected a DNS label/);
  });
});
