import { ConfigReader } from '@backstage/config';
import { configApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { MlPlatformApi, mlPlatformApiRef } from '../../api';
import { CostDashboardPage } from './CostDashboardPage';
import { costsToCsv } from './csv';
import { topServices } from './CostCharts';
import { devCost, prodCost } from './testData';

const render = (api: Partial<MlPlatformApi>) =>
  renderInTestApp(
    <TestApiProvider
      apis={[
        [mlPlatformApiRef, api],
        [configApiRef, new ConfigReader({})],
      ]}
    >
      <CostDashboardPage />
    </TestApiProvider>,
  );

const fresh = { fetchedAt: '2026-11-23T10:00:00Z', stale: false };

// The first render loads MUI and recharts; slow on a busy CI machine.
jest.setTimeout(20_000);

describe('CostDashboardPage', () => {
  it('shows month to date against budget with an over-budget marker and drift', async () => {
    const listCosts = jest.fn(async () => ({
      items: [
        { ...devCost, ...fresh },
        { ...prodCost, ...fresh },
      ],
      costExplorer: { processRequests: 9, totalRequests: 9 },
    }));
    await render({ listCosts });
    const prod = await screen.findByTestId('mtd-ml-prod');
    expect(prod).toHaveTextContent('$3,900');
    expect(within(prod).getByText('Over budget')).toBeInTheDocument();
    expect(screen.getByTestId('mtd-ml-dev')).not.toHaveTextContent(
      'Over budget',
    );
    expect(screen.getByText('Drift over 20%')).toBeInTheDocument();
    expect(screen.getByText('2026-11-17')).toBeInTheDocument();
    expect(screen.getByText(/\$15.78 \(30 GPU-h\)/)).toBeInTheDocument();
    expect(listCosts).toHaveBeenCalledWith({ period: '30d', top: 8 });
  });

  it('tells a user without ml-platform.cost.read that cost data is not theirs to see', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'nope' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ) as any,
    );
    await render({
      listCosts: async () => {
        throw forbidden;
      },
    });
    expect(
      await screen.findByText(/You are not allowed to see cost data/),
    ).toBeInTheDocument();
  });

  it('exports daily rows as CSV and ranks services across environments', () => {
    const csv = costsToCsv([prodCost, devCost]).split('\n');
    expect(csv[0]).toMatch(/^environment,date,amount,currency,monthToDate/);
    expect(csv).toHaveLength(5);
    expect(csv[1]).toBe(
      'ml-prod,2026-11-21,170,USD,3900,5600,5200,6000,3000,1.3,15.78,3000',
    );
    expect(topServices([prodCost, devCost])[0]).toEqual({
      service: 'Amazon Elastic Compute Cloud - Compute',
      amount: 3000,
    });
  });
});
