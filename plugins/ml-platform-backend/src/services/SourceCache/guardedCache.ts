import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import {
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';

/** The shared cache as SourceCache uses it: it never throws and never hangs. */
export interface GuardedCache {
  /** The entry, or undefined on a miss and while the cache is unavailable. */
  get<T extends JsonValue>(key: string): Promise<T | undefined>;
  /** Best effort: a failed write is logged, not thrown. */
  set(key: string, value: JsonValue, ttlMs: number): Promise<void>;
}

export interface GuardedCacheOptions {
  /** Bound on one cache call (a Redis client queues commands while offline). */
  timeoutMs: number;
  /** Consecutive failures after which the cache is skipped for a while. */
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
}

export const DEFAULT_GUARDED_CACHE_OPTIONS: GuardedCacheOptions = {
  timeoutMs: 1_000,
  breakerThreshold: 3,
  breakerHalfOpenAfterMs: 10_000,
};

/**
 * A Redis outage must not take the views down with it: reads then go to the
 * upstreams (still single-flight per process) and to the last good data this
 * process holds. Without a bound, a Redis client that queues commands while
 * reconnecting would hold every request; without a breaker, each request
 * would wait out the bound first.
 */
export function createGuardedCache(
  cache: CacheService,
  logger: LoggerService,
  options: GuardedCacheOptions = DEFAULT_GUARDED_CACHE_OPTIONS,
): GuardedCache {
  const policy = wrap(
    circuitBreaker(handleAll, {
      halfOpenAfter: options.breakerHalfOpenAfterMs,
      breaker: new ConsecutiveBreaker(options.breakerThreshold),
    }),
    timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
  );
  let failing = false;
  const failed = (operation: string, error: unknown) => {
    if (!failing) {
      failing = true;
      logger.warn(
        `Shared cache unavailable (${operation}: ${
          error instanceof Error ? error.message : String(error)
        }); reading upstreams directly until it answers again`,
      );
    }
  };
  const worked = () => {
    if (failing) {
      failing = false;
      logger.info('Shared cache answers again');
    }
  };
  return {
    async get<T extends JsonValue>(key: string) {
      try {
        const value = await policy.execute(() => cache.get<T>(key));
        worked();
        return value;
      } catch (error) {
        failed('get', error);
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        await policy.execute(() => cache.set(key, value, { ttl: ttlMs }));
        worked();
      } catch (error) {
        failed('set', error);
      }
    },
  };
}
