import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { mlPlatformPlugin } from './plugin';

const SECRETS = ['k8s-prod-secret-token', 'mlflow-secret-token'];

const environments = [
  {
    name: 'ml-dev',
    title: 'Development',
    tier: 'dev',
    owner: 'group:default/ml-platform',
  },
  {
    name: 'ml-prod',
    title: 'Production',
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: 'https://k8s.prod.example:6443',
      authProvider: 'serviceAccount',
      serviceAccountToken: SECRETS[0],
    },
    mlflow: { url: 'https://mlflow.prod.example', token: SECRETS[1] },
  },
];

async function startBackend(config: object = { mlPlatform: { environments } }) {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({ data: config }),
      // Requests without an Authorization header are anonymous, as in production.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

describe('ml-platform backend', () => {
  it('lists environments to a signed-in user without connection details', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/ml-platform/environments')
      .set('Authorization', mockCredentials.user.header());

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          name: 'ml-dev',
          title: 'Development',
          tier: 'dev',
          owner: 'group:default/ml-platform',
        },
        {
          name: 'ml-prod',
          title: 'Production',
          tier: 'prod',
          owner: 'group:default/ml-platform',
        },
      ],
    });
    for (const secret of SECRETS) {
      expect(res.text).not.toContain(secret);
    }
    expect(res.text).not.toContain('k8s.prod.example');
  });

  it('answers services too', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/ml-platform/environments')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
  });

  it('rejects unauthenticated callers with 401', async () => {
    const server = await startBackend();
    const anonymous = await request(server).get(
      '/api/ml-platform/environments',
    );
    expect(anonymous.status).toBe(401);

    const badToken = await request(server)
      .get('/api/ml-platform/environments/ml-prod')
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(badToken.status).toBe(401);
  });

  it('returns one environment, 404 for an unknown one and 400 for a bad name', async () => {
    const server = await startBackend();
    const auth = mockCredentials.user.header();

    const one = await request(server)
      .get('/api/ml-platform/environments/ml-prod')
      .set('Authorization', auth);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      name: 'ml-prod',
      title: 'Production',
      tier: 'prod',
      owner: 'group:default/ml-platform',
      sources: { kubernetes: { status: 'error', stale: false } },
    });
    // An unreachable cluster is reported without its address or token.
    expect(one.body.sources.kubernetes.message).toBe(
      'Kubernetes API unreachable (ENOTFOUND)',
    );
    expect(one.text).not.toContain('k8s.prod.example');
    expect(one.text).not.toContain(SECRETS[0]);

    const missing = await request(server)
      .get('/api/ml-platform/environments/ml-nope')
      .set('Authorization', auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      "No ML environment named 'ml-nope'",
    );

    const bad = await request(server)
      .get('/api/ml-platform/environments/Bad_Name')
      .set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /Invalid environment name 'Bad_Name'/,
    );
  });

  it('refuses to start on invalid config, naming the environment and key', async () => {
    await expect(
      startBackend({
        mlPlatform: {
          environments: [{ ...environments[0], tier: 'qa' }],
        },
      }),
    ).rejects.toThrow(/environment 'ml-dev' .*key 'tier'/);
  });
});
