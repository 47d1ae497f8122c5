import { Config } from '@backstage/config';
import {
  DEFAULT_SOURCE_CACHE_OPTIONS,
  SourceCacheOptions,
} from '../services/SourceCache';

function positiveSeconds(config: Config, key: string): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return undefined;
  }
  if (!(value > 0)) {
    throw new Error(`Invalid config: ${key} must be a positive number`);
  }
  return value * 1000;
}

/** Reads mlPlatform.cache.ttlSeconds and mlPlatform.upstreamTimeoutSeconds once. */
export function readSourceCacheOptions(config: Config): SourceCacheOptions {
  return {
    ...DEFAULT_SOURCE_CACHE_OPTIONS,
    ttlMs:
      positiveSeconds(config, 'mlPlatform.cache.ttlSeconds') ??
      DEFAULT_SOURCE_CACHE_OPTIONS.ttlMs,
    timeoutMs:
      positiveSeconds(config, 'mlPlatform.upstreamTimeoutSeconds') ??
      DEFAULT_SOURCE_CACHE_OPTIONS.timeoutMs,
  };
}
