import request from 'supertest';
import { demoScenario } from '../scenarios/demo';
import { createSandboxApp, RunningSandbox, startSandbox } from '../server';
import { parseFaultList } from './faultSpec';

const NODES = '/k8s/ml-prod/api/v1/nodes';
const MODELS = '/mlflow/ml-prod/api/2.0/mlflow/registered-models/search';
const COST_BODY = {
  TimePeriod: { Start: '2026-11-01', End: '2026-11-03' },
  Granularity: 'DAILY',
  Metrics: ['UnblendedCost'],
  Filter: { Tags: { Key: 'Environment', Values: ['prod'] } },
};

function costCall(app: any) {
  return request(app)
    .post('/aws/cost-explorer/')
    .set('Content-Type', 'application/x-amz-json-1.1')
    .set('X-Amz-Target', 'AWSInsightsIndexService.GetCostAndUsage')
    .send(JSON.stringify(COST_BODY));
}

async function setFault(app: any, fault: object) {
  return request(app).post('/_sandbox/faults').send(fault).expect(200);
}

describe('sandbox fault modes', () => {
  it('answers each upstream’s own 500 error shape', async () => {
    const app = createSandboxApp(demoScenario);
    await setFault(app, { upstream: 'k8s', mode: '500' });
    await setFault(app, { upstream: 'mlflow', mode: '500' });
    await setFault(app, { upstream: 'cost', mode: '500' });

    const k8s = await request(app).get(NODES).expect(500);
    expect(k8s.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'InternalError',
      code: 500,
    });
    const mlflow = await request(app).get(MODELS).expect(500);
    expect(mlflow.body).toEqual({
      error_code: 'INTERNAL_ERROR',
      message: expect.any(String),
    });
    const cost = await costCall(app).expect(500);
    expect(cost.headers['x-amzn-errortype']).toBe('InternalServerException');
    expect(JSON.parse(cost.text)).toMatchObject({
      __type: 'InternalServerException',
    });
  });

  it('throttles with 429 and Retry-After, AWS ThrottlingException for cost', async () => {
    const app = createSandboxApp(demoScenario);
    await setFault(app, { upstream: 'k8s', mode: '429', retryAfterSeconds: 7 });
    await setFault(app, { upstream: 'cost', mode: '429' });

    const k8s = await request(app).get(NODES).expect(429);
    expect(k8s.headers['retry-after']).toBe('7');
    expect(k8s.body).toMatchObject({ reason: 'TooManyRequests', code: 429 });
    const cost = await costCall(app).expect(429);
    expect(cost.headers['retry-after']).toBe('5');
    expect(JSON.parse(cost.text).__type).toBe('ThrottlingException');
  });

  it('sends a truncated real answer with 200 for malformed', async () => {
    const app = createSandboxApp(demoScenario);
    const whole = await request(app).get(MODELS).expect(200);
    await setFault(app, { upstream: 'mlflow', mode: 'malformed' });
    const res = await request(app)
      .get(MODELS)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => cb(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(() => JSON.parse(res.body)).toThrow();
    expect(JSON.stringify(whole.body).startsWith(res.body)).toBe(true);
  });

  it('applies a fault to one environment only, and counts calls by environment', async () => {
    const app = createSandboxApp(demoScenario);
    await request(app).delete('/_sandbox/requests').expect(200);
    await setFault(app, {
      upstream: 'k8s',
      environment: 'ml-dev',
      mode: '500',
    });

    await request(app).get('/k8s/ml-dev/api/v1/nodes').expect(500);
    await request(app).get(NODES).expect(200);
    await request(app).get(NODES).expect(200);
    await costCall(app).expect(200);

    const counts = await request(app).get('/_sandbox/requests').expect(200);
    expect(counts.body.k8s).toEqual({
      total: 3,
      environments: { 'ml-dev': 1, 'ml-prod': 2 },
    });
    expect(counts.body.cost).toEqual({
      total: 1,
      environments: { 'ml-prod': 1 },
    });
    expect(counts.body.mlflow.total).toBe(0);

    await request(app)
      .delete('/_sandbox/faults')
      .query({ upstream: 'k8s', environment: 'ml-dev' })
      .expect(200, { faults: [] });
    await request(app).get('/k8s/ml-dev/api/v1/nodes').expect(200);
  });

  it('lets one environment opt out of an upstream-wide fault with mode none', async () => {
    const app = createSandboxApp(demoScenario);
    await setFault(app, { upstream: 'k8s', mode: '500' });
    await setFault(app, {
      upstream: 'k8s',
      environment: 'ml-prod',
      mode: 'none',
    });
    await request(app).get(NODES).expect(200);
    await request(app).get('/k8s/ml-dev/api/v1/nodes').expect(500);
    await request(app).delete('/_sandbox/faults').expect(200, { faults: [] });
    await request(app).get('/k8s/ml-dev/api/v1/nodes').expect(200);
  });

  it('rejects bad control input with 400 and a message', async () => {
    const app = createSandboxApp(demoScenario);
    const cases = [
      { upstream: 'redis', mode: '500' },
      { upstream: 'k8s', mode: 'explode' },
      { upstream: 'k8s', mode: 'slow', delayMs: -1 },
      { upstream: 'k8s', mode: '500', extra: true },
      { upstream: 'k8s', environment: 'Not A Name', mode: '500' },
    ];
    for (const body of cases) {
      const res = await request(app).post('/_sandbox/faults').send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(expect.any(String));
    }
    const notJson = await request(app)
      .post('/_sandbox/faults')
      .set('Content-Type', 'application/json')
      .send('{oops');
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toEqual(expect.any(String));
    await request(app)
      .delete('/_sandbox/faults')
      .query({ environment: 'ml-dev' })
      .expect(400);
    await request(app).get('/_sandbox/faults').expect(200, { faults: [] });
  });
});

describe('sandbox faults on a listening server', () => {
  let sandbox: RunningSandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({
      scenario: demoScenario,
      faults: parseFaultList(
        'k8s:ml-dev=timeout,mlflow:ml-dev=reset,k8s:ml-local=slow:300',
      ),
    });
  });
  afterEach(() => sandbox.close());

  it('never answers for timeout, until the client gives up', async () => {
    const started = Date.now();
    await expect(
      fetch(`${sandbox.url}/k8s/ml-dev/api/v1/nodes`, {
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('destroys the socket for reset', async () => {
    await expect(
      fetch(
        `${sandbox.url}/mlflow/ml-dev/api/2.0/mlflow/registered-models/search`,
      ),
    ).rejects.toThrow(/fetch failed/);
  });

  it('answers validly after the delay for slow', async () => {
    const started = Date.now();
    const res = await fetch(`${sandbox.url}/k8s/ml-local/api/v1/nodes`);
    expect(res.status).toBe(200);
    expect((await res.json()).kind).toBe('NodeList');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('lists the start-up faults and takes them off at runtime', async () => {
    const listed = await fetch(`${sandbox.url}/_sandbox/faults`).then(r =>
      r.json(),
    );
    expect(listed.faults).toContainEqual({
      upstream: 'k8s',
      environment: 'ml-local',
      mode: 'slow',
      delayMs: 300,
    });
    await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
    const res = await fetch(`${sandbox.url}/k8s/ml-dev/api/v1/nodes`, {
      signal: AbortSignal.timeout(2000),
    });
    expect(res.status).toBe(200);
  });
});

describe('parseFaultList', () => {
  it('reads the start-up form and rejects nonsense', () => {
    expect(parseFaultList('cost=429:30, mlflow=malformed')).toEqual([
      { upstream: 'cost', mode: '429', retryAfterSeconds: 30 },
      { upstream: 'mlflow', mode: 'malformed' },
    ]);
    expect(() => parseFaultList('k8s=melt')).toThrow(/bad fault "k8s=melt"/);
    expect(() => parseFaultList('k8s')).toThrow(/expected/);
  });
});
