export type { SourceCache, SourceCacheOptions, SourceKey } from './types';
export {
  createSourceCache,
  DEFAULT_SOURCE_CACHE_OPTIONS,
} from './createSourceCache';
