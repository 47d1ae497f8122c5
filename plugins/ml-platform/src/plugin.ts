import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlPlatformClient, mlPlatformApiRef } from './api';
import { costsRouteRef, rootRouteRef } from './routes';

/** The ML Platform frontend plugin (legacy plugin API). @public */
export const mlPlatformPlugin = createPlugin({
  id: 'ml-platform',
  apis: [
    createApiFactory({
      api: mlPlatformApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
      },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlPlatformClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    costs: costsRouteRef,
  },
});

/** `/ml-platform`: the environments overview. @public */
export const MlPlatformPage = mlPlatformPlugin.provide(
  createRoutableExtension({
    name: 'MlPlatformPage',
    component: () =>
      import('./components/EnvironmentsPage').then(m => m.EnvironmentsPage),
    mountPoint: rootRouteRef,
  }),
);

/** `/ml-platform/costs`: spend per environment for managers. @public */
export const MlPlatformCostsPage = mlPlatformPlugin.provide(
  createRoutableExtension({
    name: 'MlPlatformCostsPage',
    component: () =>
      import('./components/CostDashboardPage').then(m => m.CostDashboardPage),
    mountPoint: costsRouteRef,
  }),
);

/** The "ML Platform" entity tab content. @public */
export const EntityMlPlatformContent = mlPlatformPlugin.provide(
  createComponentExtension({
    name: 'EntityMlPlatformContent',
    component: {
      lazy: () =>
        import('./components/EntityMlPlatformContent').then(
          m => m.EntityMlPlatformContent,
        ),
    },
  }),
);
