import request from 'supertest';
import { demoScenario } from './scenarios/demo';
import { createSandboxApp, startSandbox } from './server';

const app = createSandboxApp(demoScenario);

describe('sandbox Kubernetes API', () => {
  it('serves the version of each demo cluster', async () => {
    const res = await request(app).get('/k8s/ml-prod/version').expect(200);
    expect(res.body).toMatchObject({
      major: '1',
      minor: '29',
      gitVersion: 'v1.29.10-eks-94953ac',
    });
  });

  it('pages through nodes with limit and continue, as the real API does', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await request(app)
        .get('/k8s/ml-prod/api/v1/nodes')
        .query({ limit: 4, ...(token && { continue: token }) })
        .expect(200);
      expect(res.body.kind).toBe('NodeList');
      names.push(...res.body.items.map((n: any) => n.metadata.name));
      token = res.body.metadata.continue;
      pages++;
    } while (token);
    // prod: 3 system + 2 data + 2 ml + 3 gpu
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
    expect(pages).toBe(3);
  });

  it('labels GPU nodes like GPU feature discovery and marks one NotReady', async () => {
    const res = await request(app).get('/k8s/ml-prod/api/v1/nodes').expect(200);
    const gpuNodes = res.body.items.filter(
      (n: any) => n.metadata.labels['eks.amazonaws.com/nodegroup'] === 'gpu',
    );
    expect(gpuNodes).toHaveLength(3);
    expect(gpuNodes[0].metadata.labels['nvidia.com/gpu.product']).toBe(
      'Tesla-T4',
    );
    expect(gpuNodes[0].status.allocatable['nvidia.com/gpu']).toBe('1');
    expect(gpuNodes[0].spec.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' },
    ]);
    const ready = gpuNodes.map(
      (n: any) =>
        n.status.conditions.find((c: any) => c.type === 'Ready').status,
    );
    expect(ready.filter((s: string) => s === 'False')).toHaveLength(1);
  });

  it('answers a Status object for unknown clusters and bad tokens', async () => {
    const missing = await request(app)
      .get('/k8s/nope/api/v1/nodes')
      .expect(404);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      code: 404,
      reason: 'NotFound',
    });
    await request(app)
      .get('/k8s/ml-dev/api/v1/nodes?continue=garbage')
      .expect(400);
  });
});

describe('sandbox MLflow', () => {
  it('pages registered models with max_results and page_token', async () => {
    const first = await request(app)
      .get('/mlflow/ml-prod/api/2.0/mlflow/registered-models/search')
      .query({ max_results: 2 })
      .expect(200);
    expect(first.body.registered_models.map((m: any) => m.name)).toEqual([
      'churn-predictor',
      'demand-forecaster',
    ]);
    const second = await request(app)
      .get('/mlflow/ml-prod/api/2.0/mlflow/registered-models/search')
      .query({ max_results: 2, page_token: first.body.next_page_token })
      .expect(200);
    expect(second.body.registered_models.map((m: any) => m.name)).toEqual([
      'fraud-detector',
    ]);
    expect(second.body.next_page_token).toBeUndefined();
    expect(second.body.registered_models[0].aliases).toEqual([
      { alias: 'champion', version: '4' },
    ]);
  });

  it('answers MLflow error JSON for bad parameters', async () => {
    const res = await request(app)
      .get('/mlflow/ml-dev/api/2.0/mlflow/registered-models/search')
      .query({ max_results: 5000 })
      .expect(400);
    expect(res.body).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
  });
});

describe('sandbox Cost Explorer', () => {
  const getCost = (
    body: object,
    target = 'AWSInsightsIndexService.GetCostAndUsage',
  ) =>
    request(app)
      .post('/aws/cost-explorer/')
      .set('Content-Type', 'application/x-amz-json-1.1')
      .set('X-Amz-Target', target)
      .send(JSON.stringify(body));

  const query = {
    TimePeriod: { Start: '2026-10-01', End: '2026-11-01' },
    Granularity: 'DAILY',
    Metrics: ['UnblendedCost'],
    GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    Filter: { Tags: { Key: 'Environment', Values: ['prod'] } },
  };

  it('pages daily costs by service for the tagged environment', async () => {
    const days: string[] = [];
    let token: string | undefined;
    do {
      const res = await getCost({
        ...query,
        ...(token && { NextPageToken: token }),
      }).expect(200);
      for (const result of res.body.ResultsByTime) {
        days.push(result.TimePeriod.Start);
        const services = result.Groups.map((g: any) => g.Keys[0]);
        expect(services).toContain('Amazon Elastic Compute Cloud - Compute');
        expect(result.Groups[0].Metrics.UnblendedCost.Unit).toBe('USD');
      }
      token = res.body.NextPageToken;
    } while (token);
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2026-10-01');
    expect(days[30]).toBe('2026-10-31');
  });

  it('spends more in prod than in dev', async () => {
    const total = async (tag: string) => {
      const res = await getCost({
        ...query,
        TimePeriod: { Start: '2026-10-01', End: '2026-10-08' },
        Filter: { Tags: { Key: 'Environment', Values: [tag] } },
      });
      return res.body.ResultsByTime.flatMap((r: any) => r.Groups).reduce(
        (sum: number, g: any) => sum + Number(g.Metrics.UnblendedCost.Amount),
        0,
      );
    };
    const [dev, prod] = [await total('dev'), await total('prod')];
    expect(dev).toBeGreaterThan(0);
    expect(prod).toBeGreaterThan(dev * 10);
  });

  it('rejects unknown operations and bad periods like AWS does', async () => {
    const unknown = await getCost(query, 'AWSInsightsIndexService.Nope').expect(
      400,
    );
    expect(unknown.body.__type).toBe('UnknownOperationException');
    const bad = await getCost({
      ...query,
      TimePeriod: { Start: '2026-11-01', End: '2026-10-01' },
    }).expect(400);
    expect(bad.body.__type).toBe('ValidationException');
  });
});

describe('startSandbox', () => {
  it('listens on loopback and closes cleanly', async () => {
    const sandbox = await startSandbox({ scenario: demoScenario });
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${sandbox.url}/healthz`);
    expect(await res.json()).toEqual({
      status: 'ok',
      environments: ['ml-local', 'ml-dev', 'ml-staging', 'ml-prod'],
    });
    await sandbox.close();
  });
});
