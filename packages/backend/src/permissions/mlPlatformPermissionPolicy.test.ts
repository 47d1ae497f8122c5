import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform-backend';
import request from 'supertest';
import { mlPlatformPermissionPolicyModule } from './mlPlatformPermissionPolicy';

async function start(costReaders?: string[]) {
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      mlPlatformPermissionPolicyModule,
      mlPlatformPlugin,
      permissionsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true, mlPlatform: { costReaders } },
          mlPlatform: {
            environments: [
              {
                name: 'ml-dev',
                tier: 'dev',
                owner: 'group:default/ml-platform',
              },
            ],
          },
        },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
  return server;
}

describe('ML Platform permission policy (real permission backend)', () => {
  it('gives 403 on both cost routes to a user who is not a cost reader, while environments list', async () => {
    const server = await start(['group:default/finance', 'user:default/cfo']);
    await request(server)
      .get('/api/ml-platform/costs')
      .set('Authorization', mockCredentials.user.header('user:default/cfo'))
      .expect(200);
    const user = mockCredentials.user.header('user:default/engineer');
    const one = await request(server)
      .get('/api/ml-platform/environments/ml-dev/cost')
      .set('Authorization', user);
    expect(one.status).toBe(403);
    expect(one.body.error.message).toBe('You are not allowed to see cost data');
    await request(server)
      .get('/api/ml-platform/costs')
      .set('Authorization', user)
      .expect(403);
    await request(server)
      .get('/api/ml-platform/environments')
      .set('Authorization', user)
      .expect(200);
  });

  it('allows everything, cost included, when no cost readers are configured', async () => {
    const server = await start();
    await request(server)
      .get('/api/ml-platform/costs')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/engineer'),
      )
      .expect(200);
  });
});
