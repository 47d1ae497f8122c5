import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createSandboxApp, demoScenario } from '@internal/ml-platform-sandbox';
import express from 'express';
import http from 'http';
import { AddressInfo } from 'net';
import request from 'supertest';
import { mlPlatformPlugin } from '../plugin';
import { listenOnLoopback } from '../__testUtils__/listenOnLoopback';

const TOKEN = 'k8s-sandbox-secret-token';

/** The sandbox behind a counter of first pages of pod and node lists. */
async function startCountingSandbox() {
  const counts = { pods: 0, nodes: 0 };
  const app = express();
  app.use((req, _res, next) => {
    if (!req.query.continue) {
      if (req.path.endsWith('/api/v1/pods')) counts.pods++;
      if (req.path.endsWith('/api/v1/nodes')) counts.nodes++;
    }
    next();
  });
  app.use(createSandboxApp(demoScenario));
  const server = http.createServer(app);
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, counts, close };
}

function kubernetes(url: string) {
  return {
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: TOKEN,
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
  };
}

async function startBackend(
  environments: object[],
  extra: Record<string, unknown> = {},
) {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: { mlPlatform: { environments, ...extra } },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return server;
}

const env = (name: string, more: object = {}) => ({
  name,
  tier: 'prod',
  owner: 'group:default/ml-platform',
  ...more,
});
const auth = mockCredentials.user.header();

describe('cluster and GPU routes', () => {
  let sandbox: Awaited<ReturnType<typeof startCountingSandbox>>;
  beforeEach(async () => {
    sandbox = await startCountingSandbox();
  });
  afterEach(() => sandbox.close());

  it('summarises the prod cluster: nodes, groups, requests, pods, workloads', async () => {
    const server = await startBackend([
      env('ml-prod', { kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`) }),
    ]);
    const res = await request(server)
      .get('/api/ml-platform/environments/ml-prod/cluster')
      .set('Authorization', auth)
      .expect(200);

    expect(res.body).toMatchObject({
      environment: 'ml-prod',
      source: 'kubernetes',
      stale: false,
    });
    expect(res.body.error).toBeUndefined();
    const data = res.body.data;
    expect(data.kubernetesVersion).toBe('v1.29.10-eks-94953ac');
    expect(data.nodes).toEqual({ total: 10, ready: 9, notReady: 1 });
    expect(data.nodeGroups.find((g: any) => g.name === 'gpu')).toEqual({
      name: 'gpu',
      groupedBy: 'nodegroup',
      instanceType: 'g4dn.xlarge',
      count: 3,
      ready: 2,
      notReady: 1,
      zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    });
    // 3×1.93 + 2×7.91 + 2×3.92 + 3×3.92 cores
    expect(data.cpu.allocatable).toBeCloseTo(41.21, 3);
    // 10 nodes × (25m + 100m) DaemonSets; fraud 2 (init wins over 1.5);
    // churn 3×0.5; demand 2×1; mlflow 0.25; prometheus 0.5; pending: 2×3 + 6
    expect(data.cpu.requested).toBeCloseTo(
      1.25 + 2 + 1.5 + 2 + 0.25 + 0.5 + 12,
      3,
    );
    expect(data.pods).toEqual({
      running: 28,
      pending: 3,
      failed: 1,
      succeeded: 1,
      unknown: 0,
    });
    const churn = data.workloads.find(
      (w: any) => w.name === 'churn-predictor-inference',
    );
    const hpa = {
      name: 'churn-predictor-inference',
      minReplicas: 2,
      maxReplicas: 6,
      currentReplicas: 3,
      desiredReplicas: 3,
      targetCpuUtilization: 70,
      currentCpuUtilization: 55,
      metrics: [
        {
          type: 'Resource',
          name: 'cpu',
          target: { type: 'Utilization', value: 70 },
          current: 55,
        },
      ],
    };
    expect(churn).toEqual({
      namespace: 'mlops-system',
      name: 'churn-predictor-inference',
      kind: 'Deployment',
      ready: 3,
      desired: 3,
      autoscaler: hpa,
      autoscalers: [hpa],
    });
    expect(res.text).not.toContain(TOKEN);
    expect(res.text).not.toContain(sandbox.url);
  });

  it('shows GPU nodes idle, full and NotReady, and pods waiting for GPUs', async () => {
    const server = await startBackend([
      env('ml-prod', { kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`) }),
    ]);
    const res = await request(server)
      .get('/api/ml-platform/environments/ml-prod/gpus')
      .set('Authorization', auth)
      .expect(200);
    const data = res.body.data;
    expect(data.totals).toEqual({
      nodes: 3,
      readyNodes: 2,
      capacity: 3,
      allocatable: 3,
      requested: 1,
      free: 1,
    });
    expect(data.nodes.map((n: any) => n.state).sort()).toEqual([
      'full',
      'idle',
      'not-ready',
    ]);
    expect(data.nodes[0]).toMatchObject({
      product: 'Tesla-T4',
      memoryMiB: 15360,
      instanceType: 'g4dn.xlarge',
      taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    });
    expect(data.byProduct).toEqual([
      { product: 'Tesla-T4', nodes: 3, allocatable: 3, requested: 1, free: 1 },
    ]);
    expect(data.pendingPods.map((p: any) => [p.name, p.requested])).toEqual([
      ['demand-forecaster-train-8k2lp', 2],
      ['demand-forecaster-train-q7xzt', 2],
    ]);
  });

  it('reads the cluster once for concurrent /cluster and /gpus requests', async () => {
    const server = await startBackend([
      env('ml-prod', { kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`) }),
    ]);
    const calls = Array.from({ length: 10 }, (_, i) =>
      request(server)
        .get(
          `/api/ml-platform/environments/ml-prod/${i % 2 ? 'gpus' : 'cluster'}`,
        )
        .set('Authorization', auth)
        .expect(200),
    );
    const responses = await Promise.all(calls);
    expect(responses.every(r => r.body.data)).toBe(true);
    await request(server)
      .get('/api/ml-platform/environments/ml-prod/gpus')
      .set('Authorization', auth)
      .expect(200);
    expect(sandbox.counts).toEqual({ pods: 1, nodes: 1 });
  });

  it('lets a client revalidate with the ETag of the view it holds (304)', async () => {
    const server = await startBackend([
      env('ml-prod', { kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`) }),
    ]);
    const url = '/api/ml-platform/environments/ml-prod';
    const cluster = await request(server)
      .get(`${url}/cluster`)
      .set('Authorization', auth)
      .expect(200)
      .expect('Content-Type', /application\/json/);
    const gpus = await request(server)
      .get(`${url}/gpus`)
      .set('Authorization', auth)
      .expect(200);
    expect(cluster.headers.etag).toBeTruthy();
    expect(gpus.headers.etag).not.toBe(cluster.headers.etag);
    expect(cluster.body.data.nodes.total).toBeGreaterThan(0);

    const revalidated = await request(server)
      .get(`${url}/cluster`)
      .set('Authorization', auth)
      .set('If-None-Match', cluster.headers.etag)
      .expect(304);
    expect(revalidated.text ?? '').toBe('');
    await request(server)
      .get(`${url}/gpus`)
      .set('Authorization', auth)
      .set('If-None-Match', cluster.headers.etag)
      .expect(200);
  });

  it('answers an error envelope for an unreachable cluster, then stale data with its age', async () => {
    const server = await startBackend(
      [
        env('ml-prod', {
          kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`),
        }),
        env('ml-gone', { kubernetes: kubernetes('http://127.0.0.1:1') }),
      ],
      { cache: { ttlSeconds: 0.05 } },
    );
    const gone = await request(server)
      .get('/api/ml-platform/environments/ml-gone/cluster')
      .set('Authorization', auth)
      .expect(200);
    expect(gone.body.error.message).toMatch(/ECONNREFUSED/);
    expect(gone.body.data).toBeUndefined();

    const fresh = await request(server)
      .get('/api/ml-platform/environments/ml-prod/gpus')
      .set('Authorization', auth)
      .expect(200);
    await sandbox.close();
    await new Promise(r => setTimeout(r, 100));
    const stale = await request(server)
      .get('/api/ml-platform/environments/ml-prod/gpus')
      .set('Authorization', auth)
      .expect(200);
    expect(stale.body).toMatchObject({
      stale: true,
      fetchedAt: fresh.body.fetchedAt,
      data: { totals: { allocatable: 3 } },
    });
    expect(stale.body.error.message).toMatch(/ECONNREFUSED/);
  });

  it('gives up on a cluster that does not answer within the configured timeout', async () => {
    const hanging = http.createServer(() => {});
    await new Promise<void>(r => hanging.listen(0, '127.0.0.1', r));
    const { port } = hanging.address() as AddressInfo;
    try {
      const server = await startBackend(
        [
          env('ml-slow', {
            kubernetes: kubernetes(`http://127.0.0.1:${port}`),
          }),
        ],
        { upstreamTimeoutSeconds: 0.3 },
      );
      const started = Date.now();
      const res = await request(server)
        .get('/api/ml-platform/environments/ml-slow/cluster')
        .set('Authorization', auth)
        .expect(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.body.error.message).toBe(
        'kubernetes did not answer within 0.3 s',
      );
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });

  it('says so when an environment has no kubernetes block', async () => {
    const server = await startBackend([env('ml-dev')]);
    for (const view of ['cluster', 'gpus']) {
      const res = await request(server)
        .get(`/api/ml-platform/environments/ml-dev/${view}`)
        .set('Authorization', auth)
        .expect(200);
      expect(res.body).toMatchObject({
        environment: 'ml-dev',
        source: 'kubernetes',
        notConfigured: true,
        error: {
          message: "Kubernetes is not configured for environment 'ml-dev'",
        },
      });
    }
  });

  it('needs a signed-in caller and a known, valid environment', async () => {
    const server = await startBackend([env('ml-dev')]);
    for (const view of ['cluster', 'gpus']) {
      const anonymous = await request(server).get(
        `/api/ml-platform/environments/ml-dev/${view}`,
      );
      expect(anonymous.status).toBe(401);
      const unknown = await request(server)
        .get(`/api/ml-platform/environments/ml-nope/${view}`)
        .set('Authorization', auth);
      expect(unknown.status).toBe(404);
      const invalid = await request(server)
        .get(`/api/ml-platform/environments/Bad_Name/${view}`)
        .set('Authorization', auth);
      expect(invalid.status).toBe(400);
    }
  });

  it('summarises each environment with its kubernetes status and headline numbers', async () => {
    const server = await startBackend([
      env('ml-prod', { kubernetes: kubernetes(`${sandbox.url}/k8s/ml-prod`) }),
      env('ml-dev'),
    ]);
    const prod = await request(server)
      .get('/api/ml-platform/environments/ml-prod')
      .set('Authorization', auth)
      .expect(200);
    expect(prod.body).toMatchObject({
      name: 'ml-prod',
      title: 'ml-prod',
      tier: 'prod',
      sources: {
        kubernetes: {
          status: 'degraded',
          stale: false,
          message: '1 node NotReady, 2 pods waiting for GPUs',
          nodes: { ready: 9, total: 10 },
          gpus: { requested: 1, allocatable: 3, nodes: 3 },
          pendingGpuPods: 2,
        },
      },
    });
    const dev = await request(server)
      .get('/api/ml-platform/environments/ml-dev')
      .set('Authorization', auth)
      .expect(200);
    expect(dev.body.sources).toEqual({
      kubernetes: { status: 'not-configured', stale: false },
      mlflow: { status: 'not-configured', stale: false },
      cost: { status: 'not-configured', stale: false },
    });
  });
});
