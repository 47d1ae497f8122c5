import { V1Deployment } from '@kubernetes/client-node';
import {
  DeployedModel,
  MODEL_NAME_LABEL,
  MODEL_URI_ENV,
  MODEL_VERSION_LABEL,
} from './types';

function reference(value: string): Pick<DeployedModel, 'version' | 'alias'> {
  return /^\d+$/.test(value) ? { version: value } : { alias: value };
}

/** Parses models:/<name>/<version|stage|alias> and models:/<name>@<alias>. */
export function parseModelUri(
  uri: string,
): Pick<DeployedModel, 'modelName' | 'version' | 'alias'> | undefined {
  const match = /^models:\/([^/@]+)(?:\/([^/]+)|@([^/]+))\/?$/.exec(uri.trim());
  if (!match) {
    return undefined;
  }
  const [, modelName, suffix, alias] = match;
  return { modelName, ...(alias ? { alias } : reference(suffix)) };
}

/**
 * What model a Deployment serves: the ml-platform/model-name and
 * ml-platform/model-version labels on the Deployment or its pod template,
 * else a container's MODEL_URI env var. Undefined for other Deployments.
 */
export function parseDeployedModel(
  deployment: V1Deployment,
): DeployedModel | undefined {
  const namespace = deployment.metadata?.namespace ?? '';
  const name = deployment.metadata?.name ?? '';
  const labelSets = [
    deployment.metadata?.labels,
    deployment.spec?.template?.metadata?.labels,
  ];
  for (const labels of labelSets) {
    const modelName = labels?.[MODEL_NAME_LABEL];
    const version = labels?.[MODEL_VERSION_LABEL];
    if (modelName && version) {
      return {
        namespace,
        deployment: name,
        modelName,
        ...reference(version),
      };
    }
  }
  for (const container of deployment.spec?.template?.spec?.containers ?? []) {
    const uri = container.env?.find(e => e.name === MODEL_URI_ENV)?.value;
    const parsed = uri ? parseModelUri(uri) : undefined;
    if (parsed) {
      return { namespace, deployment: name, ...parsed };
    }
  }
  return undefined;
}
