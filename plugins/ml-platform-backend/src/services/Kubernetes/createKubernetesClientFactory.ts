import {
  AppsV1Api,
  AutoscalingV2Api,
  ConfigurationOptions,
  Observable,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
} from '@kubernetes/client-node';
import fetch, { RequestInit } from 'node-fetch';
import { EnvironmentConfig, KubernetesConnection } from '../../config/types';
import { createKubeConfig, serviceAccountToken } from './createKubeConfig';
import { cachedEksTokenProvider, eksCredentials } from './eksToken';
import { ListExpiredError, MAX_LIST_RESTARTS } from './ListExpiredError';
import { withRetryAfter } from '../SourceCache/retryAfter';
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

/**
 * Errors as callers may see them: the status and the API's own message, or
 * the network error code; never the URL, headers or token.
 */
export function describeKubernetesError(error: unknown): Error {
  const e = error as {
    name?: string;
    code?: number | string;
    body?: unknown;
    type?: string;
    headers?: Record<string, string>;
  };
  if (e?.name === 'AbortError') {
    return error as Error;
  }
  if (e?.name === 'FetchError') {
    const reason = typeof e.code === 'string' ? e.code : e.type ?? 'failed';
    return new Error(`Kubernetes API unreachable (${reason})`);
  }
  if (typeof e?.code === 'number' && e.body !== undefined) {
    // client-node's ApiException; its message also carries the headers.
    let detail = '';
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      detail = (body as { message?: string })?.message ?? '';
    } catch {
      detail = '';
    }
    const headers = e.headers ?? {};
    return withRetryAfter(
      new Error(
        `Kubernetes API answered ${e.code}${detail ? `: ${detail}` : ''}`,
      ),
      e.code,
      { get: name => headers[name] ?? headers[name.toLowerCase()] ?? null },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
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

/** Runs a request, turning its failure into a safe error. */
async function safely<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeKubernetesError(error);
  }
}

async function apiError(response: {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
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
  return withRetryAfter(
    new Error(`Kubernetes API answered ${response.status}: ${detail}`),
    response.status,
    response.headers,
  );
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
      const continued = continueToken !== undefined;
      if (continueToken) {
        query.set('continue', continueToken);
      }
      const list = await safely(async () => {
        const response = await fetch(`${base}${path}?${query}`, {
          ...init,
          method: 'GET',
          signal: options.signal as RequestInit['signal'],
        });
        if (response.status === 410 && continued) {
          // Pages already yielded came from the expired revision: the
          // consumer must fold the whole list again (loadClusterSnapshot does).
          throw new ListExpiredError(path);
        }
        if (!response.ok) {
          throw await apiError(response);
        }
        return (await response.json()) as {
          items?: T[];
          metadata?: { continue?: string };
        };
      });
      continueToken = list.metadata?.continue || undefined;
      yield list.items ?? [];
    } while (continueToken);
  }

  return {
    async getVersion(options = {}) {
      const config = await kubeConfig();
      const init = (await config.applyToFetchOptions({})) as RequestInit;
      const info = await safely(async () => {
        const response = await fetch(`${base}/version`, {
          ...init,
          method: 'GET',
          signal: options.signal as RequestInit['signal'],
        });
        if (!response.ok) {
          throw await apiError(response);
        }
        return (await response.json()) as { gitVersion?: string };
      });
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
      return everyPage(`deployments in ${namespace}`, next =>
        api.listNamespacedDeployment(
          {
            namespace,
            limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
            _continue: next,
          },
          withSignal(options.signal),
        ),
      );
    },
    async listHorizontalPodAutoscalers(namespace, options = {}) {
      const api = (await kubeConfig()).makeApiClient(AutoscalingV2Api);
      return everyPage(`horizontalpodautoscalers in ${namespace}`, next =>
        api.listNamespacedHorizontalPodAutoscaler(
          {
            namespace,
            limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
            _continue: next,
          },
          withSignal(options.signal),
        ),
      );
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
