import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readEnvironments } from './config/readEnvironments';
import { readSourceCacheOptions } from './config/readSourceCacheOptions';
import { createRouter } from './router';
import {
  createClusterStatusService,
  kubernetesSourceSummariser,
} from './services/ClusterStatus';
import { createEnvironmentRegistry } from './services/EnvironmentRegistry';
import { createKubernetesClientFactory } from './services/Kubernetes';
import { createSourceCache } from './services/SourceCache';

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
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, cache, httpAuth, httpRouter }) {
        const environments = createEnvironmentRegistry(
          readEnvironments(config),
        );
        const cacheOptions = readSourceCacheOptions(config);
        const sourceCache = createSourceCache({
          cache,
          logger,
          options: cacheOptions,
        });
        const clusterStatus = createClusterStatusService({
          sourceCache,
          kubernetes: createKubernetesClientFactory(),
          ttlMs: cacheOptions.ttlMs,
        });
        logger.info(
          `ML Platform serving ${
            environments.list().length
          } environment(s): ${environments
            .list()
            .map(e => e.name)
            .join(', ')}`,
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            environments,
            clusterStatus,
            sourceSummarisers: [kubernetesSourceSummariser(clusterStatus)],
          }),
        );
      },
    });
  },
});
