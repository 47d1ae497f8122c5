import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { SourceEnvelope } from '@internal/backstage-plugin-ml-platform-common';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  IPolicy,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { SourceCache, SourceCacheOptions, SourceKey } from './types';

interface CachedEntry {
  data: JsonValue;
  fetchedAt: string;
}

/** The default bounds: a card waits at most 10 s for its upstream. */
export const DEFAULT_SOURCE_CACHE_OPTIONS: SourceCacheOptions = {
  ttlMs: 60_000,
  staleTtlMs: 24 * 3_600_000,
  timeoutMs: 10_000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 30_000,
};

function describe(error: unknown, key: SourceKey, options: SourceCacheOptions) {
  if (error instanceof TaskCancelledError) {
    return `${key.source} did not answer within ${options.timeoutMs / 1000} s`;
  }
  if (error instanceof BrokenCircuitError) {
    return `${key.source} is failing repeatedly; not retrying for ${
      options.breakerHalfOpenAfterMs / 1000
    } s`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function createSourceCache(deps: {
  cache: CacheService;
  logger: LoggerService;
  options?: Partial<SourceCacheOptions>;
  now?: () => number;
}): SourceCache {
  const options = { ...DEFAULT_SOURCE_CACHE_OPTIONS, ...deps.options };
  const now = deps.now ?? Date.now;
  const inFlight = new Map<string, Promise<SourceEnvelope<any>>>();
  const policies = new Map<string, IPolicy>();

  const policyFor = (id: string) => {
    let policy = policies.get(id);
    if (!policy) {
      // Outermost the overall bound, then one retry with jittered backoff,
      // innermost the breaker, which counts every failed attempt.
      policy = wrap(
        timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
        retry(
          handleWhen(error => !(error instanceof BrokenCircuitError)),
          {
            maxAttempts: 1,
            backoff: new ExponentialBackoff({
              initialDelay: 100,
              maxDelay: 1000,
            }),
          },
        ),
        circuitBreaker(handleAll, {
          halfOpenAfter: options.breakerHalfOpenAfterMs,
          breaker: new ConsecutiveBreaker(options.breakerThreshold),
        }),
      );
      policies.set(id, policy);
    }
    return policy;
  };

  async function refresh<T extends JsonValue>(
    id: string,
    key: SourceKey,
    cached: CachedEntry | undefined,
    load: (signal: AbortSignal) => Promise<T>,
  ): Promise<SourceEnvelope<T>> {
    try {
      const data = await policyFor(id).execute(({ signal }) => load(signal));
      const entry: CachedEntry = {
        data,
        fetchedAt: new Date(now()).toISOString(),
      };
      await deps.cache.set(id, entry as unknown as JsonValue, {
        ttl: options.staleTtlMs,
      });
      return {
        environment: key.environment,
        source: key.source,
        fetchedAt: entry.fetchedAt,
        stale: false,
        data,
      };
    } catch (error) {
      const message = describe(error, key, options);
      deps.logger.warn(
        `Reading ${key.source} of environment ${key.environment} failed: ${message}`,
      );
      return {
        environment: key.environment,
        source: key.source,
        fetchedAt: cached?.fetchedAt ?? new Date(now()).toISOString(),
        stale: cached !== undefined,
        error: { message },
        ...(cached && { data: cached.data as T }),
      };
    }
  }

  return {
    async read<T extends JsonValue>(
      key: SourceKey,
      load: (signal: AbortSignal) => Promise<T>,
    ): Promise<SourceEnvelope<T>> {
      const id = `${key.source}:${key.environment}`;
      const cached = await deps.cache.get<CachedEntry & JsonValue>(id);
      if (cached && now() - Date.parse(cached.fetchedAt) < options.ttlMs) {
        return {
          environment: key.environment,
          source: key.source,
          fetchedAt: cached.fetchedAt,
          stale: false,
          data: cached.data as T,
        };
      }
      const pending = inFlight.get(id);
      if (pending) {
        return pending;
      }
      const started = refresh(id, key, cached, load).finally(() =>
        inFlight.delete(id),
      );
      inFlight.set(id, started);
      return started;
    },
  };
}
