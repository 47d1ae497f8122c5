import { AppsV1Api, V1Deployment } from '@kubernetes/client-node';
import {
  ClusterTokenProvider,
  createKubeConfig,
  serviceAccountToken,
} from '../Kubernetes/createKubeConfig';
import { parseDeployedModel } from './parseDeployedModel';
import { DeployedModel, DeployedModelSource } from './types';

const PAGE_LIMIT = 100;
const MAX_PAGES = 100;

/**
 * Lists the Deployments in the environment's configured namespaces through
 * the Kubernetes API (paginated with limit/continue) and keeps those that
 * serve a model by the labels or MODEL_URI convention.
 */
export function createDeployedModelSource(
  options: { token?: ClusterTokenProvider } = {},
): DeployedModelSource {
  const tokenFor = options.token ?? serviceAccountToken;
  return {
    async listDeployedModels(environment) {
      const connection = environment.kubernetes;
      if (!connection || connection.namespaces.length === 0) {
        return [];
      }
      const kubeConfig = createKubeConfig(
        environment.name,
        connection,
        await tokenFor(connection),
      );
      const apps = kubeConfig.makeApiClient(AppsV1Api);
      const perNamespace = await Promise.all(
        connection.namespaces.map(async namespace => {
          const deployments: V1Deployment[] = [];
          let next: string | undefined;
          let pages = 0;
          do {
            const list = await apps.listNamespacedDeployment({
              namespace,
              limit: PAGE_LIMIT,
              _continue: next,
            });
            deployments.push(...list.items);
            next = list.metadata?._continue || undefined;
            pages++;
          } while (next && pages < MAX_PAGES);
          return deployments;
        }),
      );
      return perNamespace
        .flat()
        .map(parseDeployedModel)
        .filter((d): d is DeployedModel => d !== undefined);
    },
  };
}
