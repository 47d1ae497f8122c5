import { TestDatabases } from '@backstage/backend-test-utils';
import { EnvironmentConfig } from '../../config/types';
import { createCostLedger } from '../CostLedger';
import { createCostReport } from './createCostReport';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const prod: EnvironmentConfig = {
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  cost: {
    tagKey: 'Environment',
    tagValue: 'prod',
    region: 'us-east-1',
    monthlyBudget: 1000,
  },
};

const day = (date: string, key: string, amount: number) => ({
  date,
  key,
  amount,
  currency: 'EUR',
  estimated: false,
});

async function seededReport() {
  const knex = await databases.init('SQLITE_3');
  const ledger = await createCostLedger({ getClient: async () => knex });
  const costs = [];
  // October: 10 a day. November 1-10: 100 a day, split over three services.
  for (let d = 1; d <= 31; d++) {
    costs.push(day(`2026-10-${String(d).padStart(2, '0')}`, 'EC2', 10));
  }
  for (let d = 1; d <= 10; d++) {
    const date = `2026-11-${String(d).padStart(2, '0')}`;
    costs.push(day(date, 'EC2', 70), day(date, 'RDS', 20), day(date, 'S3', 10));
  }
  await ledger.upsertDailyCosts('ml-prod', 'service', costs);
  await ledger.upsertDailyCosts('ml-prod', 'instance_type', [
    day('2026-11-05', 'g4dn.xlarge', 300),
    day('2026-11-05', 'm5.large', 100),
  ]);
  await ledger.setForecast('ml-prod', {
    start: '2026-11-10',
    end: '2026-12-01',
    mean: 2100,
    lower: 1900,
    upper: 2300,
    currency: 'EUR',
  });
  return createCostReport({
    ledger,
    now: () => new Date('2026-11-10T12:00:00Z'),
    estimates: {
      monthlyEstimates: async () => new Map([['ml-prod', 2000]]),
    },
  });
}

describe('createCostReport', () => {
  it('derives month to date, last month, forecast, budget run-out, services and GPU share', async () => {
    const report = await seededReport();
    const [cost] = await report.report([prod], { period: 'mtd', top: 2 });
    expect(cost).toMatchObject({
      currency: 'EUR',
      monthToDate: 1000,
      lastMonthSamePeriod: 100,
      // Nine days of actuals before the forecast start, plus the forecast.
      forecast: { mean: 3000, lower: 2800, upper: 3200 },
      monthlyBudget: 1000,
      budgetUsedRatio: 1,
      overBudget: false,
      forecastOverBudget: true,
      budgetExhaustedOn: '2026-11-10',
      byService: [
        { service: 'EC2', amount: 700 },
        { service: 'RDS', amount: 200 },
        { service: 'Other', amount: 100 },
      ],
      gpu: { amount: 300, share: 0.3 },
      estimate: { monthly: 2000, drift: 0.5, flagged: true },
      period: { name: 'mtd', start: '2026-11-01', end: '2026-11-10' },
    });
    expect(cost.daily).toHaveLength(10);
  });

  it('projects the budget run-out at the recent daily rate', async () => {
    const report = await seededReport();
    const [cost] = await report.report(
      [{ ...prod, cost: { ...prod.cost!, monthlyBudget: 1500 } }],
      { period: '30d', top: 5 },
    );
    // 1000 spent, 100 a day over the last week: 500 more take 5 days.
    expect(cost.budgetExhaustedOn).toBe('2026-11-15');
    expect(cost.daily[0].date).toBe('2026-10-12');
  });
});
