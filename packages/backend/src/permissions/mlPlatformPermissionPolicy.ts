import {
  createBackendModule,
  coreServices,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { mlPlatformCostReadPermission } from '@internal/backstage-plugin-ml-platform-common';

/**
 * The portal's demo policy: everything is allowed, cost data included, unless
 * `permission.mlPlatform.costReaders` lists the users or groups that may see
 * spend; then only they can.
 */
export class MlPlatformPermissionPolicy implements PermissionPolicy {
  constructor(private readonly costReaders?: string[]) {}

  static fromConfig(config: Config) {
    return new MlPlatformPermissionPolicy(
      config.getOptionalStringArray('permission.mlPlatform.costReaders'),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      this.costReaders &&
      isPermission(request.permission, mlPlatformCostReadPermission)
    ) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      return {
        result: refs.some(ref => this.costReaders!.includes(ref))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Replaces the allow-all policy of the permission backend. */
export const mlPlatformPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ml-platform-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(MlPlatformPermissionPolicy.fromConfig(config));
      },
    });
  },
});
