/*
 * Test harness for the security tests: starts the real plugin, captures the
 * router it hands to httpRouter (so the tests see exactly what production
 * mounts) and lists its routes by walking the express router stack.
 */
import {
  LoggerService,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { createCredentialsBarrier } from '@backstage/backend-defaults/httpRouter';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import { mlPlatformPlugin } from '../../plugin';

export const BASE = '/api/ml-platform';

/** A logger that keeps every line, with its metadata and errors, as text. */
export function createRecordingLogger() {
  const lines: string[] = [];
  const serialize = (value: unknown) =>
    JSON.stringify(value, (_key, v) =>
      v instanceof Error
        ? { name: v.name, message: v.message, stack: v.stack, cause: v.cause }
        : v,
    );
  const make = (fields: object): LoggerService => {
    const log = (level: string) => (message: string, meta?: Error | object) => {
      lines.push(`${level} ${message} ${serialize({ ...fields, meta })}`);
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: more => make({ ...fields, ...more }),
    };
  };
  return { logger: make({}), lines };
}

/** Denies one permission to one user, allows everything else. */
export function permissionsDenying(
  permission: string,
  userEntityRef: string,
): PermissionsService {
  const decide = async (requests: any[], options: any) =>
    requests.map(r => ({
      result:
        r.permission.name === permission &&
        options?.credentials?.principal?.userEntityRef === userEntityRef
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  return {
    authorize: decide,
    authorizeConditional: decide,
  } as unknown as PermissionsService;
}

export async function startPluginApp(options: {
  config: object;
  permissions?: PermissionsService;
  logger?: LoggerService;
}) {
  const routers: express.Handler[] = [];
  /** Paths the plugin (or a service on its behalf) declared public. */
  const unauthenticatedPaths: string[] = [];
  let barrier: express.RequestHandler | undefined;
  const logger = options.logger ?? mockServices.logger.mock();
  await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({ data: options.config }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({ entities: [] }),
      createServiceFactory({
        service: coreServices.httpRouter,
        deps: {
          httpAuth: coreServices.httpAuth,
          config: coreServices.rootConfig,
        },
        factory: ({ httpAuth, config }) => {
          // the barrier every plugin route sits behind in the real backend
          const credentialsBarrier = createCredentialsBarrier({
            httpAuth,
            config,
          });
          barrier = credentialsBarrier.middleware;
          return {
            use: (handler: express.Handler) => {
              routers.push(handler);
            },
            addAuthPolicy: policy => {
              credentialsBarrier.addAuthPolicy(policy);
              if (policy.allow === 'unauthenticated') {
                unauthenticatedPaths.push(policy.path);
              }
            },
          };
        },
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger,
      }),
      createServiceFactory({
        service: coreServices.logger,
        deps: {},
        factory: () => logger,
      }),
      ...(options.permissions
        ? [mockServices.permissions.mock(options.permissions).factory]
        : []),
    ],
  });
  const errorHandler = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger,
  }).error();
  // As the backend serves it: barrier, then the plugin's routers.
  const app = express();
  app.use(BASE, barrier!, ...routers, errorHandler);
  // The plugin's routers alone: what they enforce themselves.
  const bareApp = express();
  bareApp.use(BASE, ...routers, errorHandler);
  return { app, bareApp, routers, unauthenticatedPaths };
}

export interface RouteInfo {
  method: string;
  path: string;
}

/** Every route of the routers, nested routers included, e.g. GET /costs. */
export function listRoutes(handlers: unknown[]): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (stack: any[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push({ method, path: layer.route.path });
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        if (!layer.regexp?.fast_slash) {
          throw new Error(
            `A router is mounted under a path (${layer.regexp}); teach listRoutes its prefix`,
          );
        }
        walk(layer.handle.stack);
      }
    }
  };
  walk(handlers.map(h => ({ handle: h, regexp: { fast_slash: true } })));
  return routes;
}

/** The route's path with its parameters filled in. */
export function samplePath(route: RouteInfo, params: { name: string }) {
  return `${BASE}${route.path.replace(/:(\w+)/g, (_m, param: string) => {
    if (param === 'name') return encodeURIComponent(params.name);
    throw new Error(
      `No sample value for :${param} in ${route.path}; add one to samplePath`,
    );
  })}`;
}

/** A JWT-shaped token signed by nobody the backend trusts. */
export function forgedJwt() {
  const part = (o: object) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  return [
    part({ alg: 'ES256', kid: 'forged', typ: 'vnd.backstage.user' }),
    part({
      sub: 'user:default/admin',
      ent: ['group:default/admins'],
      exp: 4102444800,
    }),
    Buffer.from('not-a-signature').toString('base64url'),
  ].join('.');
}
