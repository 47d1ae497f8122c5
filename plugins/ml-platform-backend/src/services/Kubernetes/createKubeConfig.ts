import { KubeConfig } from '@kubernetes/client-node';
import { readFile } from 'fs/promises';
import { KubernetesConnection } from '../../config/types';

/**
 * Supplies the bearer token for a cluster at request time, so rotated
 * service-account token files and short-lived EKS tokens are picked up.
 */
export type ClusterTokenProvider = (
  connection: KubernetesConnection,
) => Promise<string | undefined>;

/** Reads the literal token, else the token file (re-read on every call). */
export const serviceAccountToken: ClusterTokenProvider = async connection => {
  if (connection.serviceAccountToken) {
    return connection.serviceAccountToken;
  }
  if (connection.serviceAccountTokenFile) {
    return (await readFile(connection.serviceAccountTokenFile, 'utf8')).trim();
  }
  return undefined;
};

/**
 * A KubeConfig for one environment's cluster with the given bearer token.
 * Built per request so a fresh token is used; building one is cheap.
 */
export function createKubeConfig(
  environment: string,
  connection: KubernetesConnection,
  token: string | undefined,
): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: environment,
        server: connection.url,
        caData: connection.caData,
        skipTLSVerify: connection.skipTLSVerify,
      },
    ],
    users: [{ name: `${environment}-reader`, token }],
    contexts: [
      {
        name: environment,
        cluster: environment,
        user: `${environment}-reader`,
      },
    ],
    currentContext: environment,
  });
  return kubeConfig;
}
