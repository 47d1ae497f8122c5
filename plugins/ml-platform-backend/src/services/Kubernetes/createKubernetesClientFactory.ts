import {
  AppsV1Api,
  AutoscalingV2Api,
  ConfigurationOptions,
  Observable,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
  V1Deployment,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import fetch, { RequestInit } from 'node-fetch';
import { EnvironmentConfig, KubernetesConnection } from '../../config/types';
import { createKubeConfig, serviceAccountToken } from './createKubeConfig';
import { cachedEksTokenProvider, eksCredentials } from './eksToken';
import {
  KubernetesClientFactory,
  KubernetesClusterClient,
  ListOptions,
  NodeObject,
  PodObject,
} from './types';

/** Big enough to keep round trips few, small enough to keep a page's JSON small. */
export const DEFAULT_PAGE_SIZE = 500;

type TokenProvider = () => Promise<string | undefined>;

function tokenProviderFor(connection: KubernetesConnection): TokenProvider {
  switch (connection.authProvider) {
    case 'serviceAccount':
      return () => serviceAccountToken(connection);
    case 'aws': {
      const aws = connection.aws!;
      return cachedEksTokenProvider({
        clusterName: aws.clusterName,
        region: aws.region,
        credentials: eksCredentials(aws),
      });
    }
    default:
      return async () => undefined;
  }
}

/** Lets the generated API clients stop when the caller gives up. */
function withSignal(
  signal: AbortSignal | undefined,
): ConfigurationOptions<ObservableMiddleware> | undefined {
  if (!signal) {
    return undefined;
  }
  const middleware: ObservableMiddleware = {
    pre: (context: RequestContext) => {
      context.setSignal(signal);
      return new Observable(Promise.resolve(context));
    },
    post: (context: ResponseContext) =>
      new Observable(Promise.resolve(context)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

async function apiError(response: {
  status: number;
  statusText: string;
  text(): Promise<string>;
}): Promise<Error> {
  let detail = response.statusText;
  try {
    // Kubernetes answers a Status object; its message says what went wrong.
    const status = JSON.parse(await response.text());
    detail = status.message ?? detail;
  } catch {
    // not JSON: keep the status text
  }
  return new Error(`Kubernetes API answered ${response.status}: ${detail}`);
}

/**
 * One client per environment. Nodes and pods are read page by page straight
 * from the API as plain JSON: client-node's model deserialisation roughly
 * triples the cost of a 100,000-pod list, and the portal reads a few fields.
 * Authentication, CA and TLS settings still come from client-node's KubeConfig.
 */
function createClusterClient(
  environment: string,
  connection: KubernetesConnection,
): KubernetesClusterClient {
  const token = tokenProviderFor(connection);
  const kubeConfig = async () =>
    createKubeConfig(environment, connection, await token());
  const base = connection.url.replace(/\/+$/, '');

  async function* pages<T>(
    path: string,
    options: ListOptions = {},
  ): AsyncIterable<T[]> {
    const config = await kubeConfig();
    const init = (await config.applyToFetchOptions({})) as RequestInit;
    let continueToken: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: String(options.pageSize ?? DEFAULT_PAGE_SIZE),
      });
      if (continueToken) {
        query.set('continue', continueToken);
      }
      const response = await fetch(`${base}${path}?${query}`, {
        ...init,
        method: 'GET',
        signal: options.signal as RequestInit['signal'],
      });
      if (!response.ok) {
        throw await apiError(response);
      }
      const list = (await response.json()) as {
        items?: T[];
        metadata?: { continue?: string };
      };
      continueToken = list.metadata?.continue || undefined;
      yield list.items ?? [];
    } while (continueToken);
  }

  return {
    async getVersion(options = {}) {
      const config = await kubeConfig();
      const init = (await config.applyToFetchOptions({})) as RequestInit;
      const response = await fetch(`${base}/version`, {
        ...init,
        method: 'GET',
        signal: options.signal as RequestInit['signal'],
      });
      if (!response.ok) {
        throw await apiError(response);
      }
      const info = (await response.json()) as { gitVersion?: string };
      return info.gitVersion ?? 'unknown';
    },
    listNodes: options => pages<NodeObject>('/api/v1/nodes', options),
    listPods: (options = {}) =>
      pages<PodObject>(
        options.namespace
          ? `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/pods`
          : '/api/v1/pods',
        options,
      ),
    async listDeployments(namespace, options = {}) {
      const api = (await kubeConfig()).makeApiClient(AppsV1Api);
      const items: V1Deployment[] = [];
      let continueToken: string | undefined;
      do {
        const list = await api.listNamespacedDeployment(
          {
            namespace,
            limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
            _continue: continueToken,
          },
          withSignal(options.signal),
        );
        items.push(...list.items);
        continueToken = list.metadata?._continue || undefined;
      } while (continueToken);
      return items;
    },
    async listHorizontalPodAutoscalers(namespace, options = {}) {
      const api = (await kubeConfig()).makeApiClient(AutoscalingV2Api);
      const items: V2HorizontalPodAutoscaler[] = [];
      let continueToken: string | undefined;
      do {
        const list = await api.listNamespacedHorizontalPodAutoscaler(
          {
            namespace,
            limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
            _continue: continueToken,
          },
          withSignal(options.signal),
        );
        items.push(...list.items);
        continueToken = list.metadata?._continue || undefined;
      } while (continueToken);
      return items;
    },
  };
}

/** Builds each environment's client once and keeps it (token caches live in it). */
export function createKubernetesClientFactory(): KubernetesClientFactory {
  const clients = new Map<string, KubernetesClusterClient>();
  return {
    forEnvironment(environment: EnvironmentConfig) {
      if (!environment.kubernetes) {
        return undefined;
      }
      let client = clients.get(environment.name);
      if (!client) {
        client = createClusterClient(environment.name, environment.kubernetes);
        clients.set(environment.name, client);
      }
      return client;
    },
  };
}
