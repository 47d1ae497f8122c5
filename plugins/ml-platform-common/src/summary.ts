import { EnvironmentInfo } from './environment';

/** How one upstream of an environment is doing. @public */
export interface SourceStatus {
  status: 'ok' | 'degraded' | 'error' | 'not-configured';
  /** ISO 8601 time the data behind this status was fetched. */
  fetchedAt?: string;
  stale: boolean;
  message?: string;
}

/** Headline numbers of the cluster, for the overview table. @public */
export interface KubernetesSourceSummary extends SourceStatus {
  nodes?: { ready: number; total: number };
  gpus?: { requested: number; allocatable: number; nodes: number };
  pendingGpuPods?: number;
}

/**
 * Response of `GET /environments/:name`: the environment plus one short status
 * per upstream; each upstream adds its own entry.
 * @public
 */
export interface EnvironmentSummary extends EnvironmentInfo {
  sources: {
    kubernetes?: KubernetesSourceSummary;
    mlflow?: SourceStatus & Record<string, unknown>;
    cost?: SourceStatus & Record<string, unknown>;
  };
}
