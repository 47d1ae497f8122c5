import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import { EnvironmentConfig } from '../../config/types';
import { createCostExplorerGateway } from '../CostExplorer';
import { createCostLedger } from '../CostLedger';
import { createCostRefresher } from './createCostRefresher';
import { addDays, isoDate, monthStart } from './dates';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const credentials = { accessKeyId: 'AKIASANDBOX', secretAccessKey: 'sandbox' };

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe('createCostRefresher', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
  });
  afterAll(() => sandbox.close());

  async function setUp(redact?: (text: string) => string) {
    const knex = await databases.init('SQLITE_3');
    const ledger = await createCostLedger({ getClient: async () => knex });
    const gateway = createCostExplorerGateway({ credentials, maxAttempts: 2 });
    const prod: EnvironmentConfig = {
      name: 'ml-prod',
      title: 'Production',
      tier: 'prod',
      owner: 'group:default/ml-platform',
      cost: {
        tagKey: 'Environment',
        tagValue: 'prod',
        region: 'us-east-1',
        endpoint: `${sandbox.url}/aws/cost-explorer`,
      },
    };
    const refresher = createCostRefresher({
      gateway,
      ledger,
      environments: [prod],
      logger: mockServices.logger.mock(),
      historyMonths: 2,
      redact,
    });
    return { ledger, gateway, refresher, knex };
  }

  it('reads the history first, then only from the oldest Estimated day', async () => {
    const { ledger, gateway, refresher } = await setUp();
    const today = isoDate(new Date());

    await refresher.refreshAll();
    const first = gateway.requestCount();
    const coverage = await ledger.coverage('ml-prod', 'service');
    expect(coverage).toEqual({
      firstEstimated: addDays(today, -2),
      latest: today,
    });
    const history = await ledger.dailyTotals(
      ['ml-prod'],
      monthStart(today, -1),
      today,
    );
    expect(history[0].key).toBe(monthStart(today, -1));
    expect((await ledger.forecasts()).get('ml-prod')?.end).toBe(
      monthStart(today, 1),
    );

    // The second refresh asks for three days only: one page each, plus the forecast.
    await refresher.refreshAll();
    expect(gateway.requestCount() - first).toBe(3);
    const state = (await ledger.refreshStates()).get('ml-prod');
    expect(state).toMatchObject({ lastRequests: 3, totalRequests: first + 3 });
    expect(state?.lastError).toBeUndefined();
  });

  it('records a failed refresh without throwing and keeps the last success', async () => {
    const { ledger, refresher } = await setUp();
    await refresher.refreshAll();
    const success = (await ledger.refreshStates()).get('ml-prod')!;

    await fetch(`${sandbox.url}/aws/cost-explorer/_sandbox/throttle?count=2`, {
      method: 'POST',
    });
    await expect(refresher.refreshAll()).resolves.toBeUndefined();
    const failed = (await ledger.refreshStates()).get('ml-prod')!;
    expect(failed.lastError).toBe('ThrottlingException: Rate exceeded');
    expect(failed.lastSuccessAt).toBe(success.lastSuccessAt);
    expect(failed.lastRequests).toBe(2);
  });

  it('stores the failure message redacted', async () => {
    const { ledger, refresher } = await setUp(text =>
      text.split('Rate exceeded').join('[REDACTED]'),
    );
    await fetch(`${sandbox.url}/aws/cost-explorer/_sandbox/throttle?count=2`, {
      method: 'POST',
    });
    await refresher.refreshAll();
    expect((await ledger.refreshStates()).get('ml-prod')!.lastError).toBe(
      'ThrottlingException: [REDACTED]',
    );
  });
});
