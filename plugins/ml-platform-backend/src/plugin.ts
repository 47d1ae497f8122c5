import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readEnvironments } from './config/readEnvironments';
import { createRouter } from './router';
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
      },
      async init({ config, logger, httpAuth, httpRouter }) {
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
        httpRouter.use(await createRouter({ httpAuth, environments }));
      },
    });
  },
});
