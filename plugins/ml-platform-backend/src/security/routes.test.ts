/*
 * Every route of the plugin, found by walking the router it mounts: a route
 * added later is covered here without editing this file.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import express from 'express';
import request from 'supertest';
import {
  RouteInfo,
  forgedJwt,
  listRoutes,
  permissionsDenying,
  samplePath,
  startPluginApp,
} from './__testUtils__/harness';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
let app: express.Express;
let bareApp: express.Express;
let routes: RouteInfo[];
/** The routes this plugin serves, without the framework's /.well-known ones. */
let pluginRoutes: RouteInfo[];
let unauthenticatedPaths: string[];

const user = mockCredentials.user.header('user:default/engineer');
const isCostRoute = (route: RouteInfo) => /cost/.test(route.path);

beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenario });
  process.env.AWS_ACCESS_KEY_ID = 'AKIASANDBOX';
  process.env.AWS_SECRET_ACCESS_KEY = 'sandbox-secret';
  const started = await startPluginApp({
    permissions: permissionsDenying(
      'ml-platform.cost.read',
      'user:default/engineer',
    ),
    config: {
      mlPlatform: {
        cost: { maxAttempts: 1, gpuSampleInitialDelaySeconds: 3600 },
        environments: [
          {
            name: 'ml-prod',
            tier: 'prod',
            owner: 'group:default/ml-platform',
            kubernetes: {
              url: `${sandbox.url}/k8s/ml-prod`,
              authProvider: 'none',
              skipTLSVerify: true,
              namespaces: ['mlops-system'],
            },
            mlflow: { url: `${sandbox.url}/mlflow/ml-prod` },
            cost: {
              tagKey: 'Environment',
              tagValue: 'prod',
              endpoint: `${sandbox.url}/aws/cost-explorer`,
            },
          },
        ],
      },
    },
  });
  app = started.app;
  bareApp = started.bareApp;
  routes = listRoutes(started.routers);
  pluginRoutes = routes.filter(r => !r.path.startsWith('/.well-known/'));
  unauthenticatedPaths = started.unauthenticatedPaths;
});

afterAll(() => sandbox.close());

const call = (route: RouteInfo, path: string) =>
  (request(app) as any)[route.method](path) as request.Test;

describe('every ml-platform route', () => {
  it('is found by walking the router (the known ones at least)', () => {
    const found = routes.map(r => `${r.method.toUpperCase()} ${r.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'GET /environments',
        'GET /environments/:name',
        'GET /environments/:name/cluster',
        'GET /environments/:name/gpus',
        'GET /environments/:name/models',
        'GET /environments/:name/cost',
        'GET /costs',
      ]),
    );
  });

  it('declares no route public', () => {
    expect(unauthenticatedPaths).toEqual([]);
  });

  it('rejects a call without credentials, with a forged token and with an invalid one: 401', async () => {
    for (const route of routes) {
      const path = samplePath(route, { name: 'ml-prod' });
      const anonymous = await call(route, path);
      expect([route.path, anonymous.status]).toEqual([route.path, 401]);
      const forged = await call(route, path).set(
        'Authorization',
        `Bearer ${forgedJwt()}`,
      );
      expect([route.path, forged.status]).toEqual([route.path, 401]);
      const invalid = await call(route, path).set(
        'Authorization',
        mockCredentials.user.invalidHeader(),
      );
      expect([route.path, invalid.status]).toEqual([route.path, 401]);
      expect(invalid.body.error.name).toBe('AuthenticationError');
    }
  });

  it('rejects those calls in its own routers too, without the backend-wide barrier', async () => {
    for (const route of pluginRoutes) {
      const path = samplePath(route, { name: 'ml-prod' });
      for (const header of [
        undefined,
        `Bearer ${forgedJwt()}`,
        mockCredentials.user.invalidHeader(),
      ]) {
        const req = (request(bareApp) as any)[route.method](path);
        const res = await (header ? req.set('Authorization', header) : req);
        expect([route.path, res.status]).toEqual([route.path, 401]);
      }
    }
  });

  it('gives 403 on every cost route to a user without ml-platform.cost.read, while every other route works', async () => {
    expect(pluginRoutes.filter(isCostRoute).length).toBeGreaterThanOrEqual(2);
    const as = (route: RouteInfo, who: string) =>
      call(route, samplePath(route, { name: 'ml-prod' })).set(
        'Authorization',
        who,
      );
    for (const route of pluginRoutes.filter(isCostRoute)) {
      const res = await as(route, user);
      expect([route.path, res.status]).toEqual([route.path, 403]);
      expect(res.body.error.message).toBe(
        'You are not allowed to see cost data',
      );
    }
    for (const route of pluginRoutes.filter(r => !isCostRoute(r))) {
      const res = await as(route, user);
      expect([route.path, res.status]).toEqual([route.path, 200]);
    }
    // The environment summary tells cost freshness, never the amounts.
    const summary = await request(app)
      .get('/api/ml-platform/environments/ml-prod')
      .set('Authorization', user);
    expect(summary.body.sources.cost.monthToDate).toBeUndefined();
  });

  it('answers 400 with a message for a bad environment name and 404 for an unknown one, on every route that takes one', async () => {
    const named = pluginRoutes.filter(r => r.path.includes(':name'));
    expect(named.length).toBeGreaterThanOrEqual(5);
    const admin = mockCredentials.user.header();
    for (const route of named) {
      for (const bad of ['../x', 'a'.repeat(300), 'UPPER', 'ml_prod', '-x']) {
        const res = await call(route, samplePath(route, { name: bad })).set(
          'Authorization',
          admin,
        );
        expect([route.path, bad.slice(0, 8), res.status]).toEqual([
          route.path,
          bad.slice(0, 8),
          400,
        ]);
        expect(res.body.error.message).toMatch(/Invalid environment name/);
        // the echo of the name is bounded
        expect(res.body.error.message.length).toBeLessThan(150);
      }
      const unknown = await call(
        route,
        samplePath(route, { name: 'ml-nope' }),
      ).set('Authorization', admin);
      expect([route.path, unknown.status]).toEqual([route.path, 404]);
      expect(unknown.body.error.message).toMatch(/ml-nope/);
    }
  });

  it('answers 400 with a message for bad periods, dates, granularity and limits on the cost routes', async () => {
    const reader = mockCredentials.user.header('user:default/cfo');
    const costRoutes = pluginRoutes.filter(isCostRoute);
    for (const route of costRoutes) {
      const path = samplePath(route, { name: 'ml-prod' });
      await call(route, path).set('Authorization', reader).expect(200);
      for (const [query, key] of [
        ['period=forever', 'period'],
        ['period=', 'period'],
        ['period[$ne]=x', 'period'],
        ['period=30d&period=7d', 'period'],
        ['granularity=HOURLY', 'granularity'],
        ['from=2024-13-45', 'from'],
        ['start=yesterday&end=2024-02-30', 'start'],
        ['top=abc', 'top'],
        ['top=0', 'top'],
        ['top=21', 'top'],
        ['top=1.5', 'top'],
      ]) {
        const res = await call(route, `${path}?${query}`).set(
          'Authorization',
          reader,
        );
        expect([route.path, query, res.status]).toEqual([
          route.path,
          query,
          400,
        ]);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(/^Invalid cost query: /);
        expect(res.body.error.message).toContain(key);
      }
    }
  });
});
