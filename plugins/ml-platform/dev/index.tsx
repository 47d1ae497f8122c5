import { createDevApp } from '@backstage/dev-utils';
import { EnvironmentInfo } from '@internal/backstage-plugin-ml-platform-common';
import { mlPlatformApiRef, mlPlatformPlugin, MlPlatformPage } from '../src';
import { envelope, exampleCluster, exampleGpus } from './exampleCluster';
import { exampleModelsEnvelope } from '../src/components/ModelsCard/exampleModels';

const environments: EnvironmentInfo[] = [
  {
    name: 'ml-dev',
    title: 'Development',
    tier: 'dev',
    owner: 'group:default/ml-platform',
  },
  {
    name: 'ml-prod',
    title: 'Production',
    tier: 'prod',
    owner: 'group:default/ml-platform',
  },
];

// Renders the plugin alone against an in-memory API: `yarn start` here.
createDevApp()
  .registerPlugin(mlPlatformPlugin)
  .registerApi({
    api: mlPlatformApiRef,
    deps: {},
    factory: () => ({
      listEnvironments: async () => ({ items: environments }),
      getEnvironment: async (name: string) => ({
        ...(environments.find(e => e.name === name) ?? environments[0]),
        sources: {
          kubernetes: {
            status: 'degraded' as const,
            stale: false,
            message: '1 node NotReady',
            nodes: { ready: 9, total: 10 },
            gpus: { requested: 1, allocatable: 3, nodes: 3 },
          },
        },
      }),
      getCluster: async () => envelope(exampleCluster),
      getGpus: async () => envelope(exampleGpus),
      getModels: async (name: string) => exampleModelsEnvelope(name),
      listCosts: async () => ({
        items: [],
        costExplorer: { processRequests: 0, totalRequests: 0 },
      }),
      getEnvironmentCost: async (name: string) => ({
        environment: name,
        source: 'cost' as const,
        fetchedAt: new Date().toISOString(),
        stale: false,
        error: { message: 'The dev app has no cost ledger' },
      }),
    }),
  })
  .addPage({
    element: <MlPlatformPage />,
    title: 'ML Platform',
    path: '/ml-platform',
  })
  .render();
