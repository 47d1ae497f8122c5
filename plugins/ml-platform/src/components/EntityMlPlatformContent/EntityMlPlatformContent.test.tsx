import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { envelope, exampleCluster } from '../../../dev/exampleCluster';
import { mlPlatformApiRef } from '../../api';
import { exampleModelsEnvelope } from '../ModelsCard/exampleModels';
import { EntityMlPlatformContent } from './EntityMlPlatformContent';
import { isMlPlatformEntity } from './isMlPlatformEntity';

const component = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'fraud-api', annotations },
  spec: {
    type: 'service',
    owner: 'group:ml-platform',
    lifecycle: 'production',
  },
});

async function renderFor(entity: Entity) {
  const getEnvironment = jest.fn(async (name: string) => ({
    name,
    title: 'Production',
    tier: 'prod' as const,
    owner: 'group:default/ml-platform',
    sources: {},
  }));
  const getCluster = jest.fn(async () => envelope(exampleCluster));
  const getGpus = jest.fn(async () => {
    throw new Error('GPU view failed');
  });
  const getEnvironmentCost = jest.fn(async (environment: string) => ({
    environment,
    source: 'cost' as const,
    fetchedAt: '2026-11-23T10:00:00Z',
    stale: false,
    error: { message: `No cost source is configured for ${environment}` },
  }));
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          mlPlatformApiRef,
          {
            getEnvironment,
            getCluster,
            getGpus,
            getModels: async (name: string) => exampleModelsEnvelope(name),
            getEnvironmentCost,
          },
        ],
        [configApiRef, new ConfigReader({})],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityMlPlatformContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return getEnvironment;
}

jest.setTimeout(30_000);

describe('EntityMlPlatformContent', () => {
  it('shows the environment a component is annotated with', async () => {
    const getEnvironment = await renderFor(
      component({ 'ml-platform/environment': 'ml-prod' }),
    );
    expect(await screen.findByText('Production')).toBeInTheDocument();
    expect(screen.getByText('Environment ml-prod')).toBeInTheDocument();
    expect(getEnvironment).toHaveBeenCalledWith('ml-prod');
    expect(
      await screen.findByTestId('model-row-fraud-detector'),
    ).toBeInTheDocument();
    // The Cost card asks for the same environment.
    expect(
      await screen.findByText('No cost source is configured for ml-prod'),
    ).toBeInTheDocument();
  });

  it('shows the cluster card even when the GPU card fails', async () => {
    await renderFor(component({ 'ml-platform/environment': 'ml-prod' }));
    // Three cards render here; give a loaded machine time.
    expect(
      await screen.findByText(/9\/10 nodes ready/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(
      (await screen.findAllByText(/GPU view failed/))[0],
    ).toBeInTheDocument();
  }, 20_000);

  it('tells how to link an entity that names no environment', async () => {
    const getEnvironment = await renderFor(component());
    expect(
      screen.getByText('Not linked to an ML environment'),
    ).toBeInTheDocument();
    expect(getEnvironment).not.toHaveBeenCalled();
  });
});

describe('isMlPlatformEntity', () => {
  it('is true for annotated components and ml-environment resources only', () => {
    expect(
      isMlPlatformEntity(component({ 'ml-platform/environment': 'x' })),
    ).toBe(true);
    expect(isMlPlatformEntity(component())).toBe(false);
    expect(
      isMlPlatformEntity({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'ml-dev' },
        spec: { type: 'ml-environment' },
      }),
    ).toBe(true);
  });
});
