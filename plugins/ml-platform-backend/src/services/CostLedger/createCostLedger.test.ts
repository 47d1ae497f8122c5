import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DailyCost } from '../CostExplorer';
import { createCostLedger } from './createCostLedger';

// The machine's PostgreSQL 15 (trust auth); scripts and CI may point elsewhere.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function ledgerOn(id: TestDatabaseId) {
  const knex = await databases.init(id);
  return createCostLedger({ getClient: async () => knex });
}

const cost = (
  date: string,
  key: string,
  amount: number,
  estimated = false,
): DailyCost => ({ date, key, amount, currency: 'USD', estimated });

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())('CostLedger on %p', databaseId => {
  it('upserts idempotently: the same refresh twice counts once', async () => {
    const ledger = await ledgerOn(databaseId);
    expect(await ledger.isEmpty()).toBe(true);
    const costs = [
      cost('2026-11-01', 'Amazon EC2', 10.5),
      cost('2026-11-01', 'Amazon S3', 1.25),
      cost('2026-11-02', 'Amazon EC2', 11),
    ];
    await ledger.upsertDailyCosts('ml-prod', 'service', costs);
    await ledger.upsertDailyCosts('ml-prod', 'service', costs);

    const totals = await ledger.dailyTotals(
      ['ml-prod'],
      '2026-11-01',
      '2026-11-30',
    );
    expect(
      totals.map(t => [t.key, t.amount]).sort((a, b) => (a < b ? -1 : 1)),
    ).toEqual([
      ['2026-11-01', 11.75],
      ['2026-11-02', 11],
    ]);
    expect(await ledger.isEmpty()).toBe(false);
  });

  it('replaces Estimated days with their final amounts and tracks coverage', async () => {
    const ledger = await ledgerOn(databaseId);
    await ledger.upsertDailyCosts('ml-prod', 'service', [
      cost('2026-11-20', 'Amazon EC2', 100),
      cost('2026-11-21', 'Amazon EC2', 40, true),
      cost('2026-11-22', 'Amazon EC2', 12, true),
    ]);
    expect(await ledger.coverage('ml-prod', 'service')).toEqual({
      firstEstimated: '2026-11-21',
      latest: '2026-11-22',
    });

    await ledger.upsertDailyCosts('ml-prod', 'service', [
      cost('2026-11-21', 'Amazon EC2', 98),
      cost('2026-11-22', 'Amazon EC2', 60, true),
    ]);
    expect(await ledger.coverage('ml-prod', 'service')).toEqual({
      firstEstimated: '2026-11-22',
      latest: '2026-11-22',
    });
    const [byService] = await ledger.totalsByKey(
      ['ml-prod'],
      'service',
      '2026-11-01',
      '2026-11-30',
    );
    expect(byService).toEqual({
      environment: 'ml-prod',
      key: 'Amazon EC2',
      amount: 258,
      currency: 'USD',
    });
    // Other environments and kinds are kept apart.
    expect(
      await ledger.totalsByKey(
        ['ml-dev'],
        'service',
        '2026-11-01',
        '2026-11-30',
      ),
    ).toEqual([]);
  });

  it('keeps one forecast per environment and counts refresh requests', async () => {
    const ledger = await ledgerOn(databaseId);
    const forecast = {
      start: '2026-11-23',
      end: '2026-12-01',
      mean: 800,
      lower: 700,
      upper: 900,
      currency: 'USD',
    };
    await ledger.setForecast('ml-prod', forecast);
    await ledger.setForecast('ml-prod', { ...forecast, mean: 810 });
    expect((await ledger.forecasts()).get('ml-prod')).toEqual({
      ...forecast,
      mean: 810,
    });

    await ledger.recordRefresh('ml-prod', {
      at: '2026-11-23T10:00:00Z',
      requests: 4,
    });
    await ledger.recordRefresh('ml-prod', {
      at: '2026-11-23T16:00:00Z',
      requests: 3,
      error: 'ThrottlingException: Rate exceeded',
    });
    expect((await ledger.refreshStates()).get('ml-prod')).toEqual({
      environment: 'ml-prod',
      lastAttemptAt: '2026-11-23T16:00:00Z',
      lastSuccessAt: '2026-11-23T10:00:00Z',
      lastError: 'ThrottlingException: Rate exceeded',
      lastRequests: 3,
      totalRequests: 7,
    });
  });

  it('sums idle GPU-hours from allocation samples', async () => {
    const ledger = await ledgerOn(databaseId);
    const sample = (
      sampledAt: string,
      allocatable: number,
      requested: number,
    ) => ({
      environment: 'ml-prod',
      sampledAt,
      instanceType: 'g4dn.xlarge',
      allocatable,
      requested,
      intervalSeconds: 1800,
    });
    await ledger.addGpuSamples([
      sample('2026-11-22T10:00:00Z', 3, 1),
      sample('2026-11-22T10:30:00Z', 3, 3),
      sample('2026-11-22T11:00:00Z', 2, 4),
      sample('2026-11-23T11:00:00Z', 3, 2),
    ]);
    const idle = await ledger.idleGpuHours(
      ['ml-prod'],
      '2026-11-22',
      '2026-11-22',
    );
    expect(idle).toEqual([
      {
        environment: 'ml-prod',
        date: '2026-11-22',
        instanceType: 'g4dn.xlarge',
        idleGpuHours: 1,
      },
    ]);
  });
});
