import { configApiRef } from '@backstage/core-plugin-api';
import { ConfigReader } from '@backstage/config';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { MlPlatformApi, mlPlatformApiRef } from '../../api';
import { exampleModelsEnvelope } from '../ModelsCard/exampleModels';
import { EnvironmentsPage } from './EnvironmentsPage';

jest.setTimeout(30_000);

const environments = [
  {
    name: 'ml-dev',
    title: 'Development',
    tier: 'dev' as const,
    owner: 'group:default/ml-platform',
  },
  {
    name: 'ml-prod',
    title: 'Production',
    tier: 'prod' as const,
    owner: 'group:default/ml-platform',
  },
];

function renderPage(api: Partial<MlPlatformApi>, demoMode = true) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          mlPlatformApiRef,
          {
            getModels: async name => exampleModelsEnvelope(name),
            getEnvironment: async name => ({
              ...environments.find(e => e.name === name)!,
              sources: {},
            }),
            ...api,
          },
        ],
        [configApiRef, new ConfigReader({ mlPlatform: { demoMode } })],
      ]}
    >
      <EnvironmentsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const prodSummary = {
  ...environments[1],
  sources: {
    kubernetes: {
      status: 'degraded' as const,
      stale: false,
      message: '1 node NotReady, 2 pods waiting for GPUs',
      nodes: { ready: 9, total: 10 },
      gpus: { requested: 1, allocatable: 3, nodes: 3 },
      pendingGpuPods: 2,
    },
  },
};

describe('EnvironmentsPage', () => {
  it('fills health and GPU columns per row without waiting for slow ones', async () => {
    await renderPage({
      listEnvironments: async () => ({ items: environments }),
      // ml-dev's cluster never answers; ml-prod's row must not wait for it.
      getEnvironment: async (name: string) =>
        name === 'ml-prod' ? prodSummary : new Promise(() => {}),
    });
    expect(
      await screen.findByText('1/3 GPUs in use', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Degraded')).toBeInTheDocument();
    expect(screen.getByText('9/10 nodes ready')).toBeInTheDocument();
    expect(screen.getByText('2 pods waiting')).toBeInTheDocument();
    expect(screen.getAllByLabelText('loading').length).toBeGreaterThan(0);
  }, 20_000);

  it('lists every environment with its title and tier, labelled as demo data', async () => {
    await renderPage({
      listEnvironments: async () => ({ items: environments }),
      getEnvironment: async () => {
        throw new Error('summary failed');
      },
    });
    expect(
      await screen.findByText('Production', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Development')).toBeInTheDocument();
    expect(screen.getByText('ml-prod')).toBeInTheDocument();
    expect(screen.getByText('prod')).toBeInTheDocument();
    expect(screen.getByTestId('ml-platform-demo-banner')).toHaveTextContent(
      /Demo data/,
    );
  });

  it('counts the models of each environment and shows the promotion view', async () => {
    await renderPage({
      listEnvironments: async () => ({ items: environments }),
      getModels: async name => exampleModelsEnvelope(name),
      // The summary's MLflow entry carries the same figures as the registry.
      getEnvironment: async name => {
        const models = exampleModelsEnvelope(name).data!.models;
        return {
          ...environments.find(e => e.name === name)!,
          sources: {
            mlflow: {
              status: 'degraded' as const,
              stale: false,
              models: models.length,
              drifting: models.filter(m => m.drift.length > 0).length,
            },
          },
        };
      },
    });
    expect(await screen.findByTestId('model-count-ml-prod')).toHaveTextContent(
      '2 (1 drifting)',
    );
    expect(
      await screen.findByTestId('promotion-demand-forecaster-ml-prod'),
    ).toHaveTextContent('v1');
    expect(screen.getByText('Model promotion')).toBeInTheDocument();
  });

  it('has no demo label outside demo mode', async () => {
    await renderPage(
      {
        listEnvironments: async () => ({ items: environments }),
        getEnvironment: async (name: string) => ({ ...prodSummary, name }),
      },
      false,
    );
    expect(
      await screen.findByText('Production', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('ml-platform-demo-banner')).toBeNull();
  });

  it('explains how to add environments when none are configured', async () => {
    await renderPage({ listEnvironments: async () => ({ items: [] }) });
    expect(
      await screen.findByText('No ML environments configured'),
    ).toBeInTheDocument();
  });

  it('shows the backend error instead of the table', async () => {
    await renderPage({
      listEnvironments: async () => {
        throw new Error('backend unreachable');
      },
    });
    expect(
      (await screen.findAllByText(/backend unreachable/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('ml-prod')).toBeNull();
  });
});
