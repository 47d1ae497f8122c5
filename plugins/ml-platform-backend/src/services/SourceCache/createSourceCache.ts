import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { SourceEnvelope } from '@internal/backstage-plugin-ml-platform-common';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  decorrelatedJitterGenerator,
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
import {
  createGuardedCache,
  DEFAULT_GUARDED_CACHE_OPTIONS,
  GuardedCacheOptions,
} from './guardedCache';
import { retryAfterOf } from './retryAfter';
import { SourceCache, SourceCacheOptions, SourceKey } from './types';

interface CachedEntry {
  data: JsonValue;
  fetchedAt: string;
}

/** How long a failed read is answered from memory before the upstream is tried again. */
export const ERROR_HOLD_MS = 5_000;

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
  /** Applied to upstream error messages before they are cached or logged. */
  redact?: (text: string) => string;
  /** Bounds on the shared cache itself (Redis in production). */
  sharedCache?: GuardedCacheOptions;
}): SourceCache {
  const redact = deps.redact ?? ((text: string) => text);
  const options = { ...DEFAULT_SOURCE_CACHE_OPTIONS, ...deps.options };
  const now = deps.now ?? Date.now;
  const shared = createGuardedCache(
    deps.cache,
    deps.logger,
    deps.sharedCache ?? DEFAULT_GUARDED_CACHE_OPTIONS,
  );
  const inFlight = new Map<string, Promise<SourceEnvelope<any>>>();
  const policies = new Map<string, IPolicy>();
  /**
   * The envelope of the last failed read, served until `until`: the time an
   * upstream asked for with Retry-After, or else a short hold (the TTL, at
   * most ERROR_HOLD_MS). While an upstream is down, a page view then costs
   * neither a shared-cache read nor a trip to the breaker.
   */
  const waits = new Map<
    string,
    { until: number; envelope: SourceEnvelope<any> }
  >();
  /**
   * The last fresh envelope per source and environment, kept in this process:
   * the shared cache (Redis in production) costs a round trip and a parse of
   * the whole entry per read, and every page view reads several. Served only
   * while fresh by its own fetchedAt, so replicas never disagree for longer
   * than the TTL; one entry per configured source, so memory stays bounded.
   * Handing out the same object also lets routes reuse its serialised body.
   * Kept once old too: it is the last good data when the shared cache is
   * unavailable.
   */
  const fresh = new Map<string, SourceEnvelope<any>>();
  /** While a reload is pending: the one stale envelope later callers get. */
  const staleWhilePending = new Map<string, SourceEnvelope<any>>();
  /** The last failure logged per source and environment, until it works again. */
  const lastWarning = new Map<string, string>();
  const isFresh = (fetchedAt: string) =>
    now() - Date.parse(fetchedAt) < options.ttlMs;
  /** This process's last good envelope as a cache entry, while not too old to show. */
  const lastGood = (
    envelope: SourceEnvelope<any> | undefined,
  ): CachedEntry | undefined =>
    envelope?.data !== undefined &&
    now() - Date.parse(envelope.fetchedAt) < options.staleTtlMs
      ? { data: envelope.data, fetchedAt: envelope.fetchedAt }
      : undefined;

  const policyFor = (id: string) => {
    let policy = policies.get(id);
    if (!policy) {
      // Outermost the overall bound, then one retry with jittered backoff,
      // innermost the breaker, which counts every failed attempt.
      policy = wrap(
        timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
        // Not an open breaker, and not an upstream that said when to come back.
        retry(
          handleWhen(
            error =>
              !(error instanceof BrokenCircuitError) &&
              retryAfterOf(error) === undefined,
          ),
          {
            maxAttempts: 1,
            backoff: new ExponentialBackoff({
              generator: decorrelatedJitterGenerator,
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

  /** The last good data, if any, marked stale, with why it was not refreshed. */
  function failed<T extends JsonValue>(
    key: SourceKey,
    cached: CachedEntry | undefined,
    message: string,
  ): SourceEnvelope<T> {
    return {
      environment: key.environment,
      source: key.source,
      fetchedAt: cached?.fetchedAt ?? new Date(now()).toISOString(),
      stale: cached !== undefined,
      error: { message },
      ...(cached && { data: cached.data as T }),
    };
  }

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
      await shared.set(id, entry as unknown as JsonValue, options.staleTtlMs);
      const envelope: SourceEnvelope<T> = {
        environment: key.environment,
        source: key.source,
        fetchedAt: entry.fetchedAt,
        stale: false,
        data,
      };
      fresh.set(id, envelope);
      waits.delete(id);
      if (lastWarning.delete(id)) {
        deps.logger.info(
          `Reading ${key.source} of environment ${key.environment} works again`,
        );
      }
      return envelope;
    } catch (error) {
      let message = redact(describe(error, key, options));
      const retryAfterMs = retryAfterOf(error);
      if (retryAfterMs !== undefined) {
        message = `${message} (Retry-After: ${Math.ceil(
          retryAfterMs / 1000,
        )} s)`;
      }
      // An upstream that stays down (or an open breaker) fails every read
      // the same way: one log line per change of reason, not one per request.
      if (lastWarning.get(id) !== message) {
        lastWarning.set(id, message);
        deps.logger.warn(
          `Reading ${key.source} of environment ${key.environment} failed: ${message}`,
        );
      }
      const envelope = failed<T>(key, cached, message);
      waits.set(id, {
        until: now() + (retryAfterMs ?? Math.min(options.ttlMs, ERROR_HOLD_MS)),
        envelope,
      });
      return envelope;
    }
  }

  return {
    async read<T extends JsonValue>(
      key: SourceKey,
      load: (signal: AbortSignal) => Promise<T>,
    ): Promise<SourceEnvelope<T>> {
      const id = `${key.source}:${key.environment}`;
      const memo = fresh.get(id);
      if (memo && isFresh(memo.fetchedAt)) {
        return memo;
      }
      const wait = waits.get(id);
      if (wait && now() < wait.until) {
        return wait.envelope;
      }
      waits.delete(id);
      // Someone is already waiting on the upstream (up to the timeout);
      // later callers get the last good data at once, marked stale.
      const pending = inFlight.get(id);
      if (pending) {
        return staleWhilePending.get(id) ?? pending;
      }
      const cached =
        (await shared.get<CachedEntry & JsonValue>(id)) ?? lastGood(memo);
      if (cached && isFresh(cached.fetchedAt)) {
        const envelope: SourceEnvelope<T> = {
          environment: key.environment,
          source: key.source,
          fetchedAt: cached.fetchedAt,
          stale: false,
          data: cached.data as T,
        };
        fresh.set(id, envelope);
        return envelope;
      }
      // Another caller may have started the reload while this one read the cache.
      const raced = inFlight.get(id);
      if (raced) {
        return staleWhilePending.get(id) ?? raced;
      }
      if (cached) {
        staleWhilePending.set(id, {
          environment: key.environment,
          source: key.source,
          fetchedAt: cached.fetchedAt,
          stale: true,
          data: cached.data as T,
        });
      }
      const started = refresh(id, key, cached, load).finally(() => {
        inFlight.delete(id);
        staleWhilePending.delete(id);
      });
      inFlight.set(id, started);
      return started;
    },
  };
}
