import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import ScatterPlotIcon from '@material-ui/icons/ScatterPlot';
import { MlPlatformClient, mlPlatformApiRef } from './api';
import { isMlPlatformEntity } from './components/EntityMlPlatformContent/isMlPlatformEntity';
import { costsRouteRef, rootRouteRef } from './routes';

// The same components as the legacy plugin, offered to apps on the new
// frontend system; compatWrapper lets them keep using core-plugin-api hooks.

const mlPlatformApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlPlatformApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MlPlatformClient({ discoveryApi, fetchApi }),
    }),
});

const environmentsPage = PageBlueprint.make({
  params: {
    path: '/ml-platform',
    title: 'ML Platform',
    icon: <ScatterPlotIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/EnvironmentsPage').then(m =>
        compatWrapper(<m.EnvironmentsPage />),
      ),
  },
});

const costsPage = PageBlueprint.make({
  name: 'costs',
  params: {
    path: '/ml-platform/costs',
    title: 'ML Costs',
    icon: <MoneyIcon />,
    routeRef: convertLegacyRouteRef(costsRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/CostDashboardPage').then(m =>
        compatWrapper(<m.CostDashboardPage />),
      ),
  },
});

const entityContent = EntityContentBlueprint.make({
  params: {
    path: 'ml-platform',
    title: 'ML Platform',
    filter: isMlPlatformEntity,
    loader: () =>
      import('./components/EntityMlPlatformContent').then(m =>
        compatWrapper(<m.EntityMlPlatformContent />),
      ),
  },
});

/** The ML Platform plugin for apps on the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'ml-platform',
  info: { packageJson: () => import('../package.json') },
  extensions: [mlPlatformApi, environmentsPage, costsPage, entityContent],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
    costs: convertLegacyRouteRef(costsRouteRef),
  },
});
