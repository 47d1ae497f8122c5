import { KubernetesClientFactory } from '../Kubernetes/types';
import { parseDeployedModel } from './parseDeployedModel';
import { DeployedModel, DeployedModelSource } from './types';

/** Namespaces hold few Deployments; one page usually covers one. */
const PAGE_SIZE = 100;

/**
 * Lists the Deployments in the environment's configured namespaces through
 * the environment's cluster client (its auth, EKS tokens included, its
 * keep-alive pool, limit/continue and the caller's abort) and keeps those
 * that serve a model by the labels or MODEL_URI convention.
 */
export function createDeployedModelSource(options: {
  kubernetes: KubernetesClientFactory;
}): DeployedModelSource {
  return {
    async listDeployedModels(environment, signal) {
      const client = options.kubernetes.forEnvironment(environment);
      const namespaces = environment.kubernetes?.namespaces ?? [];
      if (!client || namespaces.length === 0) {
        return [];
      }
      const perNamespace = await Promise.all(
        namespaces.map(namespace =>
          client.listDeployments(namespace, { signal, pageSize: PAGE_SIZE }),
        ),
      );
      return perNamespace
        .flat()
        .map(parseDeployedModel)
        .filter((d): d is DeployedModel => d !== undefined);
    },
  };
}
