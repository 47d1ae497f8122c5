import { Config } from '@backstage/config';
import { PermissionDecisionCacheOptions } from '../services/PermissionDecisions';

const KEY = 'mlPlatform.permissionDecisionCacheSeconds';

/** Reads mlPlatform.permissionDecisionCacheSeconds once (default 10, 0 = off). */
export function readPermissionDecisionCache(
  config: Config,
): PermissionDecisionCacheOptions {
  const seconds = config.getOptionalNumber(KEY) ?? 10;
  if (!(seconds >= 0)) {
    throw new Error(`Invalid config: ${KEY} must be 0 or a positive number`);
  }
  return { ttlMs: seconds * 1000 };
}
