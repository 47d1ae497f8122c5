import {
  SourceEnvelope,
  UpstreamSource,
} from '@internal/backstage-plugin-ml-platform-common';
import { JsonValue } from '@backstage/types';

/** What one upstream read is about: one source of one environment. */
export interface SourceKey {
  source: UpstreamSource;
  environment: string;
}

/**
 * Reads an upstream through the cache. Fresh data comes from the cache;
 * otherwise one load per key runs at a time (concurrent callers share it),
 * bounded by a timeout and a circuit breaker. When the load fails the caller
 * gets the last good data marked stale, with the error — never an exception.
 */
export interface SourceCache {
  read<T extends JsonValue>(
    key: SourceKey,
    load: (signal: AbortSignal) => Promise<T>,
  ): Promise<SourceEnvelope<T>>;
}

export interface SourceCacheOptions {
  /** How long data counts as fresh. */
  ttlMs: number;
  /** How long stale data is kept to show when the upstream is down. */
  staleTtlMs: number;
  /** Bound on one load, retries included. */
  timeoutMs: number;
  /** Consecutive failures after which a dead upstream is left alone for a while. */
  breakerThreshold: number;
  /** How long a tripped breaker waits before letting one trial request through. */
  breakerHalfOpenAfterMs: number;
}
