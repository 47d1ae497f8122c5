import { EnvironmentInfo } from '@internal/backstage-plugin-ml-platform-common';

/** How the backend reaches an environment's Kubernetes API. Holds secrets. */
export interface KubernetesConnection {
  url: string;
  authProvider: 'serviceAccount' | 'aws' | 'none';
  serviceAccountToken?: string;
  serviceAccountTokenFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
  aws?: { clusterName: string; region: string; assumeRoleArn?: string };
  namespaces: string[];
}

/** How the backend reaches an environment's MLflow tracking server. Holds secrets. */
export interface MlflowConnection {
  url: string;
  token?: string;
  username?: string;
  password?: string;
}

/** Where an environment's spend comes from. */
export interface CostSource {
  tagKey: string;
  tagValue: string;
  region: string;
  monthlyBudget?: number;
  endpoint?: string;
  assumeRoleArn?: string;
}

/**
 * An environment as the backend knows it, with its connection details.
 * Never serialise this to a response: use {@link toEnvironmentInfo}.
 */
export interface EnvironmentConfig extends EnvironmentInfo {
  kubernetes?: KubernetesConnection;
  mlflow?: MlflowConnection;
  cost?: CostSource;
}

/** The public view of an environment: what any signed-in caller may see. */
export function toEnvironmentInfo(env: EnvironmentConfig): EnvironmentInfo {
  return { name: env.name, title: env.title, tier: env.tier, owner: env.owner };
}
