export { createCachedPermissions } from './createCachedPermissions';
export type { PermissionDecisionCacheOptions } from './createCachedPermissions';
