import { ResponseError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MlPlatformApi, mlPlatformApiRef } from '../../api';
import { CostCard } from './CostCard';
import { prodCost } from '../CostDashboardPage/testData';

const render = (api: Partial<MlPlatformApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[mlPlatformApiRef, api]]}>
      <CostCard name="ml-prod" />
    </TestApiProvider>,
  );

// The first render loads MUI and recharts; slow on a busy CI machine.
jest.setTimeout(20_000);

describe('CostCard', () => {
  it('shows month to date, forecast, budget and drift in the data currency', async () => {
    await render({
      getEnvironmentCost: async () => ({
        environment: 'ml-prod',
        source: 'cost',
        fetchedAt: '2026-11-23T10:00:00Z',
        stale: false,
        data: {
          ...prodCost,
          costExplorer: {
            lastRefreshRequests: 3,
            totalRequests: 12,
            processRequests: 12,
          },
        },
      }),
    });
    expect(await screen.findByText('$3,900')).toBeInTheDocument();
    expect(screen.getByText('Over budget')).toBeInTheDocument();
    expect(screen.getByText('Drift over 20%')).toBeInTheDocument();
    expect(
      screen.getByText(/\$5,600 \(\$5,200 – \$6,000\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(/3 Cost Explorer requests/)).toBeInTheDocument();
  });

  it('keeps the ledger figures with the failed refresh and their age', async () => {
    await render({
      getEnvironmentCost: async () => ({
        environment: 'ml-prod',
        source: 'cost',
        fetchedAt: new Date(Date.now() - 7 * 3_600_000 - 60_000).toISOString(),
        stale: true,
        error: { message: 'Rate exceeded' },
        data: {
          ...prodCost,
          costExplorer: {
            lastRefreshRequests: 3,
            totalRequests: 12,
            processRequests: 12,
          },
        },
      }),
    });
    expect(await screen.findByText('$3,900')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Last cost refresh failed; showing data from 7 hours ago/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Rate exceeded')).toBeInTheDocument();
    expect(
      screen.getByText(/From the cost ledger, refreshed 7 hours ago \(stale\)/),
    ).toBeInTheDocument();
  });

  it('says the user may not see cost data on 403 instead of failing', async () => {
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
      getEnvironmentCost: async () => {
        throw forbidden;
      },
    });
    expect(
      await screen.findByText(/You are not allowed to see cost data/),
    ).toBeInTheDocument();
  });

  it('explains a missing cost source', async () => {
    await render({
      getEnvironmentCost: async () => ({
        environment: 'ml-local',
        source: 'cost',
        fetchedAt: '2026-11-23T10:00:00Z',
        stale: false,
        error: { message: 'No cost source is configured for ml-local' },
      }),
    });
    expect(
      await screen.findByText('No cost source is configured for ml-local'),
    ).toBeInTheDocument();
  });
});
