import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import { CostSource } from '../../config/types';
import { createCostExplorerGateway } from './createCostExplorerGateway';

// Signed requests need some credentials; the sandbox accepts any signature.
const credentials = { accessKeyId: 'AKIASANDBOX', secretAccessKey: 'sandbox' };

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe('createCostExplorerGateway (real AWS SDK against the sandbox)', () => {
  let sandbox: RunningSandbox;
  let prod: CostSource;

  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
    prod = {
      tagKey: 'Environment',
      tagValue: 'prod',
      region: 'us-east-1',
      endpoint: `${sandbox.url}/aws/cost-explorer`,
    };
  });
  afterAll(() => sandbox.close());

  const throttleNext = (count: number) =>
    fetch(`${sandbox.url}/aws/cost-explorer/_sandbox/throttle?count=${count}`, {
      method: 'POST',
    });

  it('follows NextPageToken through every page of daily costs by service', async () => {
    const gateway = createCostExplorerGateway({ credentials });
    // 61 days: the sandbox serves 14 days a page, so 5 pages.
    const costs = await gateway.dailyCostByService(
      prod,
      '2026-08-01',
      '2026-10-01',
    );
    const days = new Set(costs.map(c => c.date));
    expect(days.size).toBe(61);
    expect([...days].sort()[60]).toBe('2026-09-30');
    expect(new Set(costs.map(c => c.key))).toContain(
      'Amazon Elastic Compute Cloud - Compute',
    );
    expect(costs.every(c => c.currency === 'USD' && !c.estimated)).toBe(true);
    expect(gateway.requestCount()).toBe(5);
  });

  it('splits EC2 compute by instance type and forecasts with an interval', async () => {
    const gateway = createCostExplorerGateway({ credentials });
    const byType = await gateway.dailyEc2CostByInstanceType(
      prod,
      '2026-10-01',
      '2026-10-02',
    );
    expect(byType.map(c => c.key).sort()).toEqual([
      'c5.2xlarge',
      'g4dn.xlarge',
      'm5.large',
      'm5.xlarge',
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 5 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const forecast = await gateway.forecast(prod, today, later);
    expect(forecast!.mean).toBeGreaterThan(0);
    expect(forecast!.lower).toBeLessThan(forecast!.mean);
    expect(forecast!.upper).toBeGreaterThan(forecast!.mean);
  });

  it('retries ThrottlingException with backoff and counts every attempt', async () => {
    const gateway = createCostExplorerGateway({ credentials, maxAttempts: 4 });
    await throttleNext(2);
    const costs = await gateway.dailyCostByService(
      prod,
      '2026-10-01',
      '2026-10-03',
    );
    expect(costs.length).toBeGreaterThan(0);
    expect(gateway.requestCount()).toBe(3);
  });

  it('gives up after maxAttempts with the AWS error', async () => {
    const gateway = createCostExplorerGateway({ credentials, maxAttempts: 2 });
    await throttleNext(5);
    await expect(
      gateway.dailyCostByService(prod, '2026-10-01', '2026-10-03'),
    ).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(gateway.requestCount()).toBe(2);
    await throttleNext(0);
  });
});
