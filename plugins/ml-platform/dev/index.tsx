import { createDevApp } from '@backstage/dev-utils';
import { EnvironmentInfo } from '@internal/backstage-plugin-ml-platform-common';
import { mlPlatformApiRef, mlPlatformPlugin, MlPlatformPage } from '../src';

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
      getEnvironment: async (name: string) =>
        environments.find(e => e.name === name) ?? environments[0],
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
