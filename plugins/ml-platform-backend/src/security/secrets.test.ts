/*
 * Configured secrets never leave the backend: every route is called for
 * environments whose upstreams work, echo the request headers back in their
 * error bodies, or are down; every response (body and headers) and every log
 * line is then searched for the secrets, raw and base64-encoded.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import express from 'express';
import http from 'http';
import request from 'supertest';
import {
  createRecordingLogger,
  listRoutes,
  samplePath,
  startPluginApp,
} from './__testUtils__/harness';
import { listenOnLoopback } from '../__testUtils__/listenOnLoopback';

jest.setTimeout(90_000);

const K8S_TOKEN = 'k8s-token-SECRET-7f3a9c51';
const MLFLOW_TOKEN = 'mlflow-token-SECRET-b41e2d07';
const MLFLOW_USER = 'portal-reader';
const MLFLOW_PASSWORD = 'mlflow-password-SECRET-9d0c1a44';
const AWS_SECRET = 'aws-secret-key-SECRET-5e6f7a8b';
const AWS_KEY_ID = 'AKIASECURITYTEST';

const secretForms = [
  K8S_TOKEN,
  MLFLOW_TOKEN,
  MLFLOW_PASSWORD,
  AWS_SECRET,
].flatMap(s => [s, Buffer.from(s).toString('base64')]);
secretForms.push(
  Buffer.from(`${MLFLOW_USER}:${MLFLOW_PASSWORD}`).toString('base64'),
);

/** Answers every request with an error whose body echoes the request headers. */
async function startEchoUpstream() {
  const seen: string[] = [];
  const app = express();
  app.use((req, res) => {
    seen.push(JSON.stringify(req.headers));
    const echo = { url: req.url, headers: req.headers };
    if (req.path.startsWith('/aws')) {
      res
        .status(400)
        .type('application/x-amz-json-1.1')
        .set('x-amzn-ErrorType', 'ValidationException')
        .send(
          JSON.stringify({
            __type: 'ValidationException',
            message: `echo ${JSON.stringify(echo)}`,
          }),
        );
    } else if (req.path.startsWith('/mlflow')) {
      res.status(403).json({
        error_code: 'PERMISSION_DENIED',
        message: `echo ${JSON.stringify(echo)}`,
      });
    } else {
      res.status(500).json({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: `echo ${JSON.stringify(echo)}`,
        code: 500,
      });
    }
  });
  const server = http.createServer(app);
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, seen, close };
}

const DOWN = 'http://127.0.0.1:1';

function environment(name: string, upstream: string, mlflowAuth: object) {
  return {
    name,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${upstream}/k8s/ml-prod`,
      authProvider: 'serviceAccount',
      serviceAccountToken: K8S_TOKEN,
      skipTLSVerify: true,
      namespaces: ['mlops-system'],
    },
    mlflow: { url: `${upstream}/mlflow/ml-prod`, ...mlflowAuth },
    cost: {
      tagKey: 'Environment',
      tagValue: 'prod',
      endpoint: `${upstream}/aws/cost-explorer`,
    },
  };
}

describe('configured secrets', () => {
  let sandbox: RunningSandbox;
  let echo: Awaited<ReturnType<typeof startEchoUpstream>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
    echo = await startEchoUpstream();
    process.env.AWS_ACCESS_KEY_ID = AWS_KEY_ID;
    process.env.AWS_SECRET_ACCESS_KEY = AWS_SECRET;
  });

  afterAll(async () => {
    process.env = saved;
    await sandbox.close();
    await echo.close();
  });

  it('appear in no response body, response header or log line, with upstreams working, echoing or down', async () => {
    const { logger, lines } = createRecordingLogger();
    const consoleOutput: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest
        .spyOn(console, method)
        .mockImplementation((...args) =>
          consoleOutput.push(args.map(a => String(a)).join(' ')),
        );
    }
    const token = { token: MLFLOW_TOKEN };
    const basic = { username: MLFLOW_USER, password: MLFLOW_PASSWORD };
    const { app, routers } = await startPluginApp({
      logger,
      config: {
        mlPlatform: {
          upstreamTimeoutSeconds: 2,
          models: { requestTimeoutMs: 1000 },
          cost: { maxAttempts: 2, gpuSampleInitialDelaySeconds: 0 },
          environments: [
            environment('ml-ok', sandbox.url, token),
            environment('ml-echo', echo.url, token),
            environment('ml-echo-basic', echo.url, basic),
            environment('ml-down', DOWN, basic),
          ],
        },
      },
    });
    const user = mockCredentials.user.header();
    const get = (path: string) =>
      request(app).get(path).set('Authorization', user);

    // the refresh at start-up has tried every environment
    for (let i = 0; ; i++) {
      const costs = await get('/api/ml-platform/costs');
      const tried = costs.body.items?.filter(
        (item: any) =>
          item.fetchedAt ||
          (item.error && !/not been read/.test(item.error.message)),
      );
      if (tried?.length === 4) break;
      if (i > 150) throw new Error(`refresh did not finish: ${costs.text}`);
      await new Promise(r => setTimeout(r, 200));
    }

    const responses: string[] = [];
    // the plugin's routes; /.well-known/ ones serve other backends only
    const routes = listRoutes(routers).filter(
      r => !r.path.startsWith('/.well-known/'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const name of ['ml-ok', 'ml-echo', 'ml-echo-basic', 'ml-down']) {
      for (const route of routes) {
        // twice: the second read goes through the cache and circuit breaker
        for (let i = 0; i < 2; i++) {
          const res = await get(samplePath(route, { name }));
          expect([route.path, name, res.status]).toEqual([
            route.path,
            name,
            200,
          ]);
          responses.push(JSON.stringify(res.headers), res.text);
        }
      }
    }

    // Not vacuous: the secrets were sent upstream and echoed back, the
    // failures were reported and logged.
    const upstreamSaw = echo.seen.join('\n');
    expect(upstreamSaw).toContain(`Bearer ${K8S_TOKEN}`);
    expect(upstreamSaw).toContain(`Bearer ${MLFLOW_TOKEN}`);
    expect(upstreamSaw).toContain(
      Buffer.from(`${MLFLOW_USER}:${MLFLOW_PASSWORD}`).toString('base64'),
    );
    expect(upstreamSaw).toContain(AWS_KEY_ID);
    const all = [...responses, ...lines, ...consoleOutput].join('\n');
    expect(all).toMatch(/ECONNREFUSED/);
    expect(responses.join('\n')).toMatch(/"error":\{"message"/);
    expect(lines.length).toBeGreaterThan(0);

    for (const secret of secretForms) {
      const leaks = [
        ...responses.filter(r => r.includes(secret)).map(r => `response: ${r}`),
        ...lines.filter(l => l.includes(secret)).map(l => `log: ${l}`),
        ...consoleOutput
          .filter(l => l.includes(secret))
          .map(l => `console: ${l}`),
      ];
      expect(leaks.map(l => l.slice(0, 600))).toEqual([]);
    }
  });
});
