import request from 'supertest';
import { demoScenario } from '../scenarios/demo';
import { createSandboxApp } from '../server';

const call = (
  app: ReturnType<typeof createSandboxApp>,
  target: string,
  body: object,
) =>
  request(app)
    .post('/aws/cost-explorer')
    .set('Content-Type', 'application/x-amz-json-1.1')
    .set('X-Amz-Target', `AWSInsightsIndexService.${target}`)
    .send(JSON.stringify(body));

const prod = { Tags: { Key: 'Environment', Values: ['prod'] } };
const week = { Start: '2026-10-01', End: '2026-10-08' };

describe('sandbox Cost Explorer, extended', () => {
  it('splits prod EC2 compute by instance type, GPU instances dominating', async () => {
    const app = createSandboxApp(demoScenario);
    const res = await call(app, 'GetCostAndUsage', {
      TimePeriod: week,
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'INSTANCE_TYPE' }],
      Filter: {
        And: [
          prod,
          {
            Dimensions: {
              Key: 'SERVICE',
              Values: ['Amazon Elastic Compute Cloud - Compute'],
            },
          },
        ],
      },
    }).expect(200);
    const day = res.body.ResultsByTime[0].Groups;
    const amount = (type: string) =>
      Number(
        day.find((g: any) => g.Keys[0] === type).Metrics.UnblendedCost.Amount,
      );
    expect(day.map((g: any) => g.Keys[0])).not.toContain('NoInstanceType');
    expect(amount('g4dn.xlarge')).toBeGreaterThan(amount('m5.xlarge') * 4);
  });

  it('forecasts the rest of a period with a prediction interval', async () => {
    const app = createSandboxApp(demoScenario);
    const today = new Date().toISOString().slice(0, 10);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const res = await call(app, 'GetCostForecast', {
      TimePeriod: { Start: today, End: inTenDays },
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
      PredictionIntervalLevel: 80,
      Filter: prod,
    }).expect(200);
    const mean = Number(res.body.Total.Amount);
    const [period] = res.body.ForecastResultsByTime;
    // Prod spends roughly 180 USD a day in the demo.
    expect(mean).toBeGreaterThan(10 * 150);
    expect(mean).toBeLessThan(10 * 220);
    expect(Number(period.PredictionIntervalLowerBound)).toBeLessThan(mean);
    expect(Number(period.PredictionIntervalUpperBound)).toBeGreaterThan(mean);

    const past = await call(app, 'GetCostForecast', {
      TimePeriod: week,
      Metric: 'UNBLENDED_COST',
      Granularity: 'MONTHLY',
    }).expect(400);
    expect(past.body.__type).toBe('ValidationException');
  });

  it('throttles the next N calls on request, then answers again', async () => {
    const app = createSandboxApp(demoScenario);
    await request(app)
      .post('/aws/cost-explorer/_sandbox/throttle?count=2')
      .expect(200);
    const body = {
      TimePeriod: week,
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      Filter: prod,
    };
    for (let i = 0; i < 2; i++) {
      const res = await call(app, 'GetCostAndUsage', body).expect(400);
      expect(res.body.__type).toBe('ThrottlingException');
    }
    await call(app, 'GetCostAndUsage', body).expect(200);
    const stats = await request(app)
      .get('/aws/cost-explorer/_sandbox/stats')
      .expect(200);
    expect(stats.body).toEqual({ requests: 3, throttled: 2 });
  });
});
