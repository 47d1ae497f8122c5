import type {
  V1Deployment,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { EnvironmentConfig } from '../../config/types';

/** A taint as the API returns it. */
export interface TaintObject {
  key: string;
  value?: string;
  effect: string;
}

/** A status condition (Ready, PodScheduled, ...) as the API returns it. */
export interface ConditionObject {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/**
 * A Node in its JSON wire shape, reduced to the fields the portal reads.
 * Plain objects from the API and client-node's V1Node both fit.
 */
export interface NodeObject {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { taints?: TaintObject[]; unschedulable?: boolean };
  status?: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    conditions?: ConditionObject[];
    nodeInfo?: { kubeletVersion?: string };
  };
}

export interface ContainerObject {
  name?: string;
  /** `Always` marks a sidecar among init containers (Kubernetes 1.29+). */
  restartPolicy?: string;
  resources?: {
    requests?: Record<string, string>;
    limits?: Record<string, string>;
  };
}

/** A Pod in its JSON wire shape, reduced to the fields the portal reads. */
export interface PodObject {
  metadata?: { name?: string; namespace?: string };
  spec?: {
    nodeName?: string;
    containers?: ContainerObject[];
    initContainers?: ContainerObject[];
    overhead?: Record<string, string>;
  };
  status?: { phase?: string; conditions?: ConditionObject[] };
}

export interface ListOptions {
  signal?: AbortSignal;
  /** Items per request (`limit`); the client follows `continue` tokens. */
  pageSize?: number;
}

/**
 * Read-only access to one environment's cluster. Big lists come as pages so
 * callers aggregate as they go and never hold a whole cluster's pods.
 */
export interface KubernetesClusterClient {
  /** e.g. v1.29.10-eks-94953ac */
  getVersion(options?: ListOptions): Promise<string>;
  listNodes(options?: ListOptions): AsyncIterable<NodeObject[]>;
  /** All namespaces, or one when `namespace` is given. */
  listPods(
    options?: ListOptions & { namespace?: string },
  ): AsyncIterable<PodObject[]>;
  /** Every page followed; namespaces hold few Deployments. */
  listDeployments(
    namespace: string,
    options?: ListOptions,
  ): Promise<V1Deployment[]>;
  listHorizontalPodAutoscalers(
    namespace: string,
    options?: ListOptions,
  ): Promise<V2HorizontalPodAutoscaler[]>;
}

/** Hands out the client of an environment's cluster. */
export interface KubernetesClientFactory {
  /** Undefined when the environment has no kubernetes block. */
  forEnvironment(
    environment: EnvironmentConfig,
  ): KubernetesClusterClient | undefined;
}
