import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { MlPlatformApi, mlPlatformApiRef } from '../../api';
import { exampleModelsEnvelope, exampleModelSummary } from './exampleModels';
import { ModelsCard } from './ModelsCard';

function renderCard(getModels: MlPlatformApi['getModels']) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlPlatformApiRef, { getModels }]]}>
      <ModelsCard environment="ml-prod" />
    </TestApiProvider>,
  );
}

// Rendering the first card in a cold test app is slow on a busy CI machine.
jest.setTimeout(30_000);

describe('ModelsCard', () => {
  it('shows each model with its aliases, deployed version, metrics and drift', async () => {
    const getModels = jest.fn(async (name: string) =>
      exampleModelsEnvelope(name),
    );
    await renderCard(getModels);
    const fraud = await screen.findByTestId('model-row-fraud-detector');
    expect(getModels).toHaveBeenCalledWith('ml-prod');
    expect(within(fraud).getByText('champion: v4')).toBeInTheDocument();
    expect(within(fraud).getByTestId('model-deployed')).toHaveTextContent('v4');
    expect(
      within(fraud).getByText(/accuracy 0.922 · f1 0.795/),
    ).toBeInTheDocument();
    expect(within(fraud).getByText('in sync')).toBeInTheDocument();

    const forecaster = screen.getByTestId('model-row-demand-forecaster');
    expect(within(forecaster).getByTestId('model-deployed')).toHaveTextContent(
      'v1',
    );
    expect(within(forecaster).getByText('not deployed')).toBeInTheDocument();
    expect(
      within(forecaster).getByText(
        "Alias 'champion' is version 2 but mlops-system/demand-forecaster-inference serves 1",
      ),
    ).toBeInTheDocument();
  });

  it('labels stages in a stage-based registry', async () => {
    const [forecaster] = exampleModelSummary.models;
    await renderCard(async name =>
      exampleModelsEnvelope(name, {
        ...exampleModelSummary,
        registryStyle: 'stage',
        models: [
          {
            ...forecaster,
            aliases: {},
            versions: forecaster.versions.map(v => ({
              ...v,
              aliases: [],
              stage: v.version === '2' ? 'Production' : 'Archived',
            })),
          },
        ],
      }),
    );
    expect(await screen.findByText('Stages')).toBeInTheDocument();
    expect(screen.getByText('Production: v2')).toBeInTheDocument();
  });

  it('says "not configured" for an environment without MLflow', async () => {
    await renderCard(async name =>
      exampleModelsEnvelope(name, {
        ...exampleModelSummary,
        configured: false,
        models: [],
      }),
    );
    expect(
      await screen.findByText('MLflow not configured'),
    ).toBeInTheDocument();
  });

  it('shows the MLflow error when there is no data', async () => {
    await renderCard(async name =>
      exampleModelsEnvelope(name, null, {
        error: {
          message:
            'MLflow registered-models/search failed with 401 UNAUTHENTICATED',
        },
      }),
    );
    expect(
      (await screen.findAllByText(/Could not read the MLflow registry/))[0],
    ).toBeInTheDocument();
    expect(screen.getAllByText(/401 UNAUTHENTICATED/)[0]).toBeInTheDocument();
  });

  it('keeps the last good models visible when MLflow fails', async () => {
    await renderCard(async name =>
      exampleModelsEnvelope(name, exampleModelSummary, {
        stale: true,
        fetchedAt: new Date(Date.now() - 3 * 60_000 - 5_000).toISOString(),
        error: { message: 'connect ECONNREFUSED' },
      }),
    );
    expect(
      await screen.findByTestId('model-row-fraud-detector'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /MLflow is not answering; showing data from 3 minutes ago/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('connect ECONNREFUSED')).toBeInTheDocument();
  });

  it('shows the backend error when the request fails', async () => {
    await renderCard(async () => {
      throw new Error('backend unreachable');
    });
    expect(
      (await screen.findAllByText(/backend unreachable/))[0],
    ).toBeInTheDocument();
  });
});
