import {
  AppsV1Api,
  AutoscalingV2Api,
  ConfigurationOptions,
  Observable,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import http from 'http';
import fetch, { RequestInit } from 'node-fetch';
import { EnvironmentConfig, KubernetesConnection } from '../../config/types';
import { createKubeConfig, serviceAccountToken } from './createKubeConfig';
import { cachedEksTokenProvider, eksCredentials } from './eksToken';
import { ListExpiredError, MAX_LIST_RESTARTS } from './ListExpiredError';
import { createClusterAgent } from './clusterAgent';
import { apiError, isUnauthorized, safely } from './kubernetesErrors';
import {
  KubernetesClientFactory,
  KubernetesClusterClient,
  ListOptions,
  NodeObject,
  PodObject,
} from './types';

/** Big enough to keep round trips few, small enough to keep a page's JSON small. */
export const DEFAULT_PAGE_SIZE = 500;

/** The bearer token for each request; `renew` when the cluster may take a new one. */
type TokenProvider = (() => Promise<string | undefined>) & {
  renew?(rejected: string): void;
};

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

/**
 * Sends the generated API clients' requests through the cluster's pool, and
 * lets them stop when the caller gives up.
 */
function requestOptions(
  agent: http.Agent,
  signal: AbortSignal | undefined,
): ConfigurationOptions<ObservableMiddleware> {
  const middleware: ObservableMiddleware = {
    pre: (context: RequestContext) => {
      context.setAgent(agent);
      if (signal) {
        context.setSignal(signal);
      }
      return new Observable(Promise.resolve(context));
    },
    post: (context: ResponseContext) =>
      new Observable(Promise.resolve(context)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}

/**
 * Follows continue tokens of a generated-client list to the end, starting the
 * list again (a bounded number of times) when a token expires on the way.
 */
async function everyPage<T>(
  path: string,
  listPage: (
    continueToken: string | undefined,
  ) => Promise<{ items: T[]; metadata?: { _continue?: string } }>,
): Promise<T[]> {
  for (let restarts = 0; ; restarts++) {
    const items: T[] = [];
    let continueToken: string | undefined;
    try {
      do {
        const next = continueToken;
        const list = await safely(async () => {
          try {
            return await listPage(next);
          } catch (error) {
            if (next && (error as { code?: unknown })?.code === 410) {
              throw new ListExpiredError(path);
            }
            throw error;
          }
        });
        items.push(...list.items);
        continueToken = list.metadata?._continue || undefined;
      } while (continueToken);
      return items;
    } catch (error) {
      if (
        !(error instanceof ListExpiredError) ||
        restarts >= MAX_LIST_RESTARTS
      ) {
        throw error;
      }
    }
  }
}

/**
 * One client per environment. Nodes and pods are read page by page straight
 * from the API as plain JSON: client-node's model deserialisation roughly
 * triples the cost of a 100,000-pod list, and the portal reads a few fields.
 * CA and TLS settings still come from client-node's KubeConfig; every request
 * of the client shares one keep-alive pool (see clusterAgent.ts).
 */
function createClusterClient(
  environment: string,
  connection: KubernetesConnection,
): KubernetesClusterClient {
  const token = tokenProviderFor(connection);
  const kubeConfig = (bearer: string | undefined) =>
    createKubeConfig(environment, connection, bearer);

  /**
   * Runs a call with the current token. When the cluster rejects a token that
   * can be renewed (an EKS token it no longer accepts), the call runs once
   * more with a new one; a second 401 is the answer.
   */
  async function withToken<T>(
    call: (bearer: string | undefined) => Promise<T>,
  ): Promise<T> {
    const bearer = await token();
    try {
      return await call(bearer);
    } catch (error) {
      if (!token.renew || !bearer || !isUnauthorized(error)) {
        throw error;
      }
      token.renew(bearer);
      return call(await token());
    }
  }
  const base = connection.url.replace(/\/+$/, '');
  let pool: Promise<http.Agent> | undefined;
  const agent = () => (pool ??= createClusterAgent(environment, connection));

  /**
   * A GET with the current token; a failure becomes a safe error. With
   * `expiringList`, a 410 means that list's continue token expired.
   */
  async function get(
    pathAndQuery: string,
    signal: AbortSignal | undefined,
    expiringList?: string,
  ): Promise<unknown> {
    const pooled = await agent();
    return withToken(bearer =>
      safely(async () => {
        const response = await fetch(`${base}${pathAndQuery}`, {
          method: 'GET',
          agent: pooled,
          headers: {
            Accept: 'application/json',
            ...(bearer && { Authorization: `Bearer ${bearer}` }),
          },
          signal: signal as RequestInit['signal'],
        });
        if (expiringList && response.status === 410) {
          // Read to the end so the socket goes back to the pool.
          await response.text();
          throw new ListExpiredError(expiringList);
        }
        if (!response.ok) {
          throw await apiError(response);
        }
        return response.json();
      }),
    );
  }

  async function* pages<T>(
    path: string,
    options: ListOptions = {},
  ): AsyncIterable<T[]> {
    let continueToken: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: String(options.pageSize ?? DEFAULT_PAGE_SIZE),
      });
      if (continueToken) {
        query.set('continue', continueToken);
      }
      // Pages already yielded came from an expired revision: the consumer
      // must fold the whole list again (loadClusterSnapshot does).
      const list = (await get(
        `${path}?${query}`,
        options.signal,
        continueToken ? path : undefined,
      )) as { items?: T[]; metadata?: { continue?: string } };
      continueToken = list.metadata?.continue || undefined;
      yield list.items ?? [];
    } while (continueToken);
  }

  return {
    async getVersion(options = {}) {
      const info = (await get('/version', options.signal)) as {
        gitVersion?: string;
      };
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
      const sent = requestOptions(await agent(), options.signal);
      return withToken(bearer => {
        const api = kubeConfig(bearer).makeApiClient(AppsV1Api);
        return everyPage(`deployments in ${namespace}`, next =>
          api.listNamespacedDeployment(
            {
              namespace,
              limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
              _continue: next,
            },
            sent,
          ),
        );
      });
    },
    async listHorizontalPodAutoscalers(namespace, options = {}) {
      const sent = requestOptions(await agent(), options.signal);
      return withToken(bearer => {
        const api = kubeConfig(bearer).makeApiClient(AutoscalingV2Api);
        return everyPage(`horizontalpodautoscalers in ${namespace}`, next =>
          api.listNamespacedHorizontalPodAutoscaler(
            {
              namespace,
              limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
              _continue: next,
            },
            sent,
          ),
        );
      });
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
