import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { mlPlatformPermissions } from '@internal/backstage-plugin-ml-platform-common';
import { readEnvironments } from './config/readEnvironments';
import { readSourceCacheOptions } from './config/readSourceCacheOptions';
import { createRouter } from './router';
import {
  createClusterStatusService,
  kubernetesSourceSummariser,
} from './services/ClusterStatus';
import { setUpCostLedger } from './costWiring';
import { createCostRoutes } from './routes/costRoutes';
import { createEnvironmentRegistry } from './services/EnvironmentRegistry';
import { createClusterViewGpuAllocationSource } from './services/GpuAllocation';
import { createKubernetesClientFactory } from './services/Kubernetes';
import { readModelsOptions } from './config/readModelsOptions';
import { createDeployedModelSource } from './services/DeployedModels';
import { createMlflowClient } from './services/Mlflow';
import {
  createModelsReader,
  createModelsService,
  mlflowSourceSummariser,
} from './services/Models';
import { costSourceSummariser } from './services/CostReport';
import { createSourceCache } from './services/SourceCache';
import { createCachedPermissions } from './services/PermissionDecisions';
import { readPermissionDecisionCache } from './config/readPermissionDecisionCache';
import {
  collectSecrets,
  createSecretRedactor,
  redactingLogger,
} from './services/SecretRedaction';

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
        auth: coreServices.auth,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger: pluginLogger,
        cache,
        httpAuth,
        httpRouter,
        auth,
        database,
        scheduler,
        permissions: permissionsService,
        permissionsRegistry,
        catalog,
      }) {
        permissionsRegistry.addPermissions(mlPlatformPermissions);
        const permissions = createCachedPermissions(
          permissionsService,
          readPermissionDecisionCache(config),
        );
        const environmentConfigs = readEnvironments(config);
        // Upstream errors may echo credentials; no log line or response
        // of this plugin carries one.
        const redact = createSecretRedactor(collectSecrets(environmentConfigs));
        const logger = redactingLogger(pluginLogger, redact);
        const environments = createEnvironmentRegistry(environmentConfigs);
        const cacheOptions = readSourceCacheOptions(config);
        const sourceCache = createSourceCache({
          cache,
          logger,
          options: cacheOptions,
          redact,
        });
        // One client per cluster: the cluster view and the deployed-model
        // lookup share its token cache and keep-alive pool.
        const kubernetes = createKubernetesClientFactory();
        const clusterStatus = createClusterStatusService({
          sourceCache,
          kubernetes,
        });
        const modelsOptions = readModelsOptions(config);
        logger.info(
          `ML Platform serving ${
            environments.list().length
          } environment(s): ${environments
            .list()
            .map(e => e.name)
            .join(', ')}`,
        );
        const models = createModelsService({
          mlflowClientFor: connection =>
            createMlflowClient(connection, modelsOptions.mlflow),
          deployedModels: createDeployedModelSource({ kubernetes }),
          options: modelsOptions.models,
        });
        const cost = await setUpCostLedger({
          config,
          logger,
          database,
          scheduler,
          auth,
          catalog,
          environments: environments.list(),
          gpuAllocationSource:
            createClusterViewGpuAllocationSource(clusterStatus),
          redact,
        });
        const readModels = createModelsReader({
          sourceCache,
          models,
          keyMetrics: modelsOptions.models.keyMetrics,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            redact,
            environments,
            clusterStatus,
            sourceSummarisers: [
              kubernetesSourceSummariser(clusterStatus),
              mlflowSourceSummariser(readModels),
              costSourceSummariser({ permissions, ...cost }),
            ],
            readModels,
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
