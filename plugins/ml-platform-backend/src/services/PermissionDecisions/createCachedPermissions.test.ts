import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { createCachedPermissions } from './createCachedPermissions';

const costRead = createPermission({
  name: 'ml-platform.cost.read',
  attributes: { action: 'read' },
});
const entityRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

function fakePermissions(decide: (user: string) => AuthorizeResult) {
  const authorize = jest.fn(async (requests: any[], options: any) =>
    requests.map(() => ({
      result: decide(options.credentials.principal.userEntityRef ?? ''),
    })),
  );
  const service = {
    authorize,
    authorizeConditional: jest.fn(),
  } as unknown as PermissionsService;
  return { service, authorize };
}

const as = (user: string) => ({
  credentials: mockCredentials.user(user),
});

describe('createCachedPermissions', () => {
  it("reuses a user's decision within the TTL, concurrent first requests included", async () => {
    const { service, authorize } = fakePermissions(user =>
      user === 'user:default/manager'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    const permissions = createCachedPermissions(service, { ttlMs: 60_000 });
    const manager = await Promise.all(
      Array.from({ length: 20 }, () =>
        permissions.authorize(
          [{ permission: costRead }],
          as('user:default/manager'),
        ),
      ),
    );
    const engineer = await permissions.authorize(
      [{ permission: costRead }],
      as('user:default/engineer'),
    );
    expect(manager.flat().map(d => d.result)).toEqual(
      Array(20).fill(AuthorizeResult.ALLOW),
    );
    expect(engineer).toEqual([{ result: AuthorizeResult.DENY }]);
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('asks again once the TTL has passed, and after a failed evaluation', async () => {
    let fail = true;
    const { service, authorize } = fakePermissions(() => {
      if (fail) throw new Error('permission backend unavailable');
      return AuthorizeResult.ALLOW;
    });
    const permissions = createCachedPermissions(service, { ttlMs: 50 });
    const ask = () =>
      permissions.authorize(
        [{ permission: costRead }],
        as('user:default/manager'),
      );
    await expect(ask()).rejects.toThrow('permission backend unavailable');
    fail = false;
    await expect(ask()).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    await ask();
    expect(authorize).toHaveBeenCalledTimes(2);
    await new Promise(r => setTimeout(r, 80));
    await ask();
    expect(authorize).toHaveBeenCalledTimes(3);
  });

  it('passes resource permissions, service callers and conditional requests through every time', async () => {
    const { service, authorize } = fakePermissions(() => AuthorizeResult.ALLOW);
    const permissions = createCachedPermissions(service, { ttlMs: 60_000 });
    for (let i = 0; i < 2; i++) {
      await permissions.authorize(
        [{ permission: entityRead, resourceRef: 'component:default/x' }],
        as('user:default/manager'),
      );
      await permissions.authorize([{ permission: costRead }], {
        credentials: mockCredentials.service('plugin:catalog'),
      });
      await permissions.authorizeConditional([{ permission: entityRead }], {
        credentials: mockCredentials.user('user:default/manager'),
      });
    }
    expect(authorize).toHaveBeenCalledTimes(4);
    expect(service.authorizeConditional).toHaveBeenCalledTimes(2);
  });

  it('is the service itself with a TTL of 0', () => {
    const { service } = fakePermissions(() => AuthorizeResult.ALLOW);
    expect(createCachedPermissions(service, { ttlMs: 0 })).toBe(service);
  });
});
