import { MlflowConnection } from '../../config/types';
import { parseRetryAfter } from '../SourceCache/retryAfter';
import {
  MlflowClient,
  MlflowClientOptions,
  MlflowError,
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowRun,
} from './types';

export const DEFAULT_MLFLOW_CLIENT_OPTIONS: MlflowClientOptions = {
  pageSize: 100,
  requestTimeoutMs: 5_000,
};

/** A registry that hands out page tokens forever is broken; stop somewhere. */
const MAX_PAGES = 500;

type Query = Record<string, string | number | undefined>;

function authorization(connection: MlflowConnection): string | undefined {
  if (connection.token) {
    return `Bearer ${connection.token}`;
  }
  if (connection.username !== undefined) {
    const pair = `${connection.username}:${connection.password ?? ''}`;
    return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }
  return undefined;
}

/** MLflow's error JSON ({ error_code, message }) as one readable sentence. */
async function toMlflowError(response: Response, endpoint: string) {
  let errorCode: string | undefined;
  let detail: string | undefined;
  try {
    const body = (await response.json()) as {
      error_code?: string;
      message?: string;
    };
    errorCode = body.error_code;
    detail = body.message;
  } catch {
    // not JSON: a proxy or load balancer answered, the status says enough
  }
  const code = errorCode ?? response.statusText;
  const hint =
    response.status === 401 || response.status === 403
      ? ' (check mlflow.token or mlflow.username/password in app-config)'
      : '';
  return new MlflowError(
    `MLflow ${endpoint} failed with ${response.status} ${code}${
      detail ? `: ${detail}` : ''
    }${hint}`,
    response.status,
    errorCode,
    response.status === 429 || response.status === 503
      ? parseRetryAfter(response.headers.get('retry-after'))
      : undefined,
  );
}

/**
 * A client for one environment's MLflow REST API 2.0. Every request carries
 * the configured credentials and its own timeout; retries and the overall
 * bound are the caller's policy (SourceCache).
 */
export function createMlflowClient(
  connection: MlflowConnection,
  options: Partial<MlflowClientOptions> = {},
): MlflowClient {
  const { pageSize, requestTimeoutMs } = {
    ...DEFAULT_MLFLOW_CLIENT_OPTIONS,
    ...options,
  };
  const base = `${connection.url.replace(/\/+$/, '')}/api/2.0/mlflow/`;
  const auth = authorization(connection);

  async function get<T>(
    endpoint: string,
    query: Query,
    signal?: AbortSignal,
  ): Promise<T> {
    const url = new URL(endpoint, base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
    }
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Accept: 'application/json',
          ...(auth && { Authorization: auth }),
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new MlflowError(
          `MLflow ${endpoint} did not answer within ${
            requestTimeoutMs / 1000
          } s`,
          0,
        );
      }
      const cause = (error as Error).cause as Error | undefined;
      throw new MlflowError(
        `MLflow at ${url.origin} is unreachable: ${
          cause?.message ?? (error as Error).message
        }`,
        0,
      );
    }
    if (!response.ok) {
      throw await toMlflowError(response, endpoint);
    }
    return (await response.json()) as T;
  }

  async function allPages<T>(
    endpoint: string,
    listKey: string,
    query: Query,
    signal?: AbortSignal,
  ): Promise<T[]> {
    const items: T[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await get<Record<string, unknown>>(
        endpoint,
        { ...query, max_results: pageSize, page_token: pageToken },
        signal,
      );
      items.push(...((body[listKey] as T[] | undefined) ?? []));
      pageToken = (body.next_page_token as string | undefined) || undefined;
      if (!pageToken) {
        return items;
      }
    }
    throw new MlflowError(
      `MLflow ${endpoint} returned more than ${MAX_PAGES} pages`,
      0,
    );
  }

  const quote = (value: string) => `'${value.replace(/'/g, "\\'")}'`;

  return {
    searchRegisteredModels: signal =>
      allPages<MlflowRegisteredModel>(
        'registered-models/search',
        'registered_models',
        {},
        signal,
      ),

    searchModelVersions: (modelName, signal) =>
      allPages<MlflowModelVersion>(
        'model-versions/search',
        'model_versions',
        { filter: `name=${quote(modelName)}` },
        signal,
      ),

    async getModelVersionByAlias(modelName, alias, signal) {
      try {
        const body = await get<{ model_version: MlflowModelVersion }>(
          'registered-models/alias',
          { name: modelName, alias },
          signal,
        );
        return body.model_version;
      } catch (error) {
        if (
          error instanceof MlflowError &&
          error.errorCode === 'RESOURCE_DOES_NOT_EXIST'
        ) {
          return undefined;
        }
        throw error;
      }
    },

    async getRun(runId, signal) {
      try {
        const body = await get<{ run: MlflowRun }>(
          'runs/get',
          { run_id: runId },
          signal,
        );
        return body.run;
      } catch (error) {
        if (
          error instanceof MlflowError &&
          error.errorCode === 'RESOURCE_DOES_NOT_EXIST'
        ) {
          return undefined;
        }
        throw error;
      }
    },
  };
}
