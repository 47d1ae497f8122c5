import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { mlPlatformPermissions } from '@internal/backstage-plugin-ml-platform-common';
import { readEnvironments } from './config/readEnvironments';
import { setUpCostLedger } from './costWiring';
import { createRouter } from './router';
import { createCostRoutes } from './routes/costRoutes';
import { createEnvironmentRegistry } from './services/EnvironmentRegistry';

/**
 * The ML Platform backend plugin: environments, and per environment its
 * cluster, GPU, model and cost views.
 *
 * @public
 */
export const mlPlatformPlugin = createBackendPlugin({
  pluginId: 'ml-platform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        httpAuth,
        httpRouter,
        auth,
        database,
        scheduler,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(mlPlatformPermissions);
        const environments = createEnvironmentRegistry(
          readEnvironments(config),
        );
        logger.info(
          `ML Platform serving ${
            environments.list().length
          } environment(s): ${environments
            .list()
            .map(e => e.name)
            .join(', ')}`,
        );
        const cost = await setUpCostLedger({
          config,
          logger,
          database,
          scheduler,
          auth,
          catalog,
          environments: environments.list(),
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            environments,
            costRoutes: createCostRoutes({
              httpAuth,
              permissions,
              environments,
              ...cost,
            }),
          }),
        );
      },
    });
  },
});
