import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
} from '@backstage/plugin-permission-common';
import { LRUCache } from 'lru-cache';

export interface PermissionDecisionCacheOptions {
  /** How long a user's decision on a basic permission is reused; 0 turns it off. */
  ttlMs: number;
  /** Decisions kept at most (users × permissions). */
  max?: number;
}

const userOf = (credentials: BackstageCredentials) => {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
};

/**
 * Every cost view and every environment summary asks the permission backend
 * about `ml-platform.cost.read` for its caller: an HTTP round trip with a
 * token issued and two verified, most of what such a request costs. For a
 * basic permission (no resource) the decision depends on the user and the
 * policy only, so it is reused for a few seconds per user; concurrent first
 * requests of one user share one evaluation. The caller's token is still
 * verified on every request (httpAuth), and a policy change reaches every
 * user within the TTL. Resource permissions, conditional decisions and
 * non-user callers are passed through untouched.
 */
export function createCachedPermissions(
  permissions: PermissionsService,
  options: PermissionDecisionCacheOptions,
): PermissionsService {
  if (options.ttlMs <= 0) return permissions;
  const decisions = new LRUCache<string, Promise<AuthorizePermissionResponse>>({
    max: options.max ?? 10_000,
    ttl: options.ttlMs,
  });

  const decide = (
    request: AuthorizePermissionRequest,
    user: string,
    requestOptions: PermissionsServiceRequestOptions,
  ) => {
    const key = `${user}\u0000${request.permission.name}`;
    let decision = decisions.get(key);
    if (!decision) {
      decision = permissions
        .authorize([request], requestOptions)
        .then(([answer]) => answer);
      decisions.set(key, decision);
      // A failed evaluation is not a decision: the next request asks again.
      decision.catch(() => decisions.delete(key));
    }
    return decision;
  };

  return {
    async authorize(requests, requestOptions) {
      const user = userOf(requestOptions.credentials);
      const cacheable =
        user !== undefined &&
        requests.every(
          r =>
            r.permission.type === 'basic' &&
            (r as { resourceRef?: unknown }).resourceRef === undefined,
        );
      if (!cacheable) {
        return permissions.authorize(requests, requestOptions);
      }
      return Promise.all(requests.map(r => decide(r, user!, requestOptions)));
    },
    authorizeConditional(requests, requestOptions) {
      return permissions.authorizeConditional(requests, requestOptions);
    },
  };
}
