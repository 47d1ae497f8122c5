import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading spend (per environment and across environments). Cost data is often
 * restricted to managers and platform owners, so it has its own permission.
 * @public
 */
export const mlPlatformCostReadPermission = createPermission({
  name: 'ml-platform.cost.read',
  attributes: { action: 'read' },
});

/** Every permission the ML Platform plugins define. @public */
export const mlPlatformPermissions = [mlPlatformCostReadPermission];
