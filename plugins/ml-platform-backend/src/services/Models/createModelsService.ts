import {
  ModelDeployment,
  ModelDeploymentStatus,
  ModelSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { bulkhead } from 'cockatiel';
import { EnvironmentConfig, MlflowConnection } from '../../config/types';
import { DeployedModel, DeployedModelSource } from '../DeployedModels';
import {
  MlflowClient,
  MlflowModelVersion,
  MlflowRegisteredModel,
} from '../Mlflow';
import {
  aliasesOf,
  buildModelSummary,
  byVersionDesc,
  registryStyleOf,
  toVersionSummary,
} from './buildModelSummary';
import { ModelsOptions, ModelsService } from './types';

export const DEFAULT_MODELS_OPTIONS: ModelsOptions = {
  keyMetrics: ['accuracy', 'f1', 'rmse'],
  championAlias: 'champion',
  metricsForNewestVersions: 5,
};

/** Parallel MLflow requests per environment summary. */
const MLFLOW_CONCURRENCY = 8;

/** The versions whose run metrics are worth a request. */
function versionsNeedingMetrics(
  versions: MlflowModelVersion[],
  aliases: Record<string, string>,
  deployed: DeployedModel[],
  newest: number,
): MlflowModelVersion[] {
  const wanted = new Set([
    ...Object.values(aliases),
    ...deployed.flatMap(d => (d.version ? [d.version] : [])),
  ]);
  return versions.filter(
    (v, index) =>
      index < newest ||
      wanted.has(v.version) ||
      (v.current_stage !== undefined &&
        !['None', 'Archived'].includes(v.current_stage)),
  );
}

export function createModelsService(deps: {
  mlflowClientFor: (connection: MlflowConnection) => MlflowClient;
  deployedModels: DeployedModelSource;
  options?: Partial<ModelsOptions>;
}): ModelsService {
  const options = { ...DEFAULT_MODELS_OPTIONS, ...deps.options };

  async function readDeployments(
    environment: EnvironmentConfig,
    signal?: AbortSignal,
  ): Promise<{ deployed: DeployedModel[]; status: ModelDeploymentStatus }> {
    if (!environment.kubernetes) {
      return {
        deployed: [],
        status: {
          status: 'not-configured',
          message: 'No kubernetes block: deployed versions are unknown',
        },
      };
    }
    try {
      return {
        deployed: await deps.deployedModels.listDeployedModels(
          environment,
          signal,
        ),
        status: { status: 'ok' },
      };
    } catch (error) {
      return {
        deployed: [],
        status: {
          status: 'error',
          message: `Deployed versions unknown: ${(error as Error).message}`,
        },
      };
    }
  }

  return {
    async summarize(environment, signal) {
      if (!environment.mlflow) {
        throw new Error(`Environment ${environment.name} has no mlflow block`);
      }
      const client = deps.mlflowClientFor(environment.mlflow);
      const limit = bulkhead(MLFLOW_CONCURRENCY, Infinity);
      const call = <T>(fn: () => Promise<T>) => limit.execute(fn);

      const [registered, cluster] = await Promise.all([
        client.searchRegisteredModels(signal),
        readDeployments(environment, signal),
      ]);
      const clusterRead = cluster.status.status === 'ok';

      const summarizeOne = async (
        model: MlflowRegisteredModel,
      ): Promise<ModelSummary> => {
        const raw = await call(() =>
          client.searchModelVersions(model.name, signal),
        ).catch(error => {
          throw new Error(`${model.name}: ${(error as Error).message}`);
        });
        raw.sort(byVersionDesc);
        const aliases = aliasesOf(model, raw);
        const deployed = cluster.deployed.filter(
          d => d.modelName === model.name,
        );
        const metricsByVersion = new Map<string, Record<string, number>>();
        await Promise.all(
          versionsNeedingMetrics(
            raw,
            aliases,
            deployed,
            options.metricsForNewestVersions,
          )
            .filter(v => v.run_id)
            .map(async v => {
              const run = await call(() => client.getRun(v.run_id!, signal));
              const metrics = (run?.data.metrics ?? []).filter(m =>
                options.keyMetrics.includes(m.key),
              );
              metricsByVersion.set(
                v.version,
                Object.fromEntries(metrics.map(m => [m.key, m.value])),
              );
            }),
        );
        return buildModelSummary({
          model,
          aliases,
          versions: raw.map(v =>
            toVersionSummary(v, aliases, metricsByVersion.get(v.version)),
          ),
          deployed,
          clusterRead,
          championAlias: options.championAlias,
        });
      };

      const models = await Promise.all(registered.map(summarizeOne));
      models.sort((a, b) => a.name.localeCompare(b.name));
      const known = new Set(models.map(m => m.name));
      const unregisteredDeployments: ModelDeployment[] = cluster.deployed
        .filter(d => !known.has(d.modelName))
        .map(d => ({
          namespace: d.namespace,
          deployment: d.deployment,
          reference: `${d.modelName}/${d.version ?? d.alias}`,
        }));

      return {
        configured: true,
        registryStyle: registryStyleOf(models),
        models,
        deployment: cluster.status,
        unregisteredDeployments,
        keyMetrics: options.keyMetrics,
      };
    },
  };
}
