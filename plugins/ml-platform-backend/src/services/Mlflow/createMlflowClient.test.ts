import {
  demoScenario,
  RunningSandbox,
  Scenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { createMlflowClient } from './createMlflowClient';
import { MlflowError } from './types';

const locked: Scenario = {
  environments: [
    {
      name: 'locked',
      mlflowAuth: {
        token: 'mlflow-t0ken',
        basic: { username: 'ml', password: 'pw' },
      },
      models: [
        { name: 'broken', versions: 2, failing: true },
        { name: 'ok', versions: 1 },
      ],
    },
  ],
};

let sandbox: RunningSandbox;
let requests: string[];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  sandbox = await startSandbox({
    scenario: {
      environments: [...demoScenario.environments, ...locked.environments],
    },
  });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  requests = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    requests.push(String(input));
    return realFetch(input, init);
  });
});
afterEach(() => jest.restoreAllMocks());

const mlflow = (env: string, extra = {}) => ({
  url: `${sandbox.url}/mlflow/${env}`,
  ...extra,
});

describe('createMlflowClient', () => {
  it('reads every page of model versions with max_results and page_token', async () => {
    const client = createMlflowClient(mlflow('ml-dev'), { pageSize: 10 });
    const versions = await client.searchModelVersions('fraud-detector');
    expect(versions.map(v => v.version)).toEqual(
      Array.from({ length: 24 }, (_, i) => String(24 - i)),
    );
    const pages = requests.filter(r => r.includes('model-versions/search'));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('max_results=10');
    expect(pages[1]).toContain('page_token=');
  });

  it('reads every page of registered models with their aliases', async () => {
    const client = createMlflowClient(mlflow('ml-prod'), { pageSize: 1 });
    const models = await client.searchRegisteredModels();
    expect(models.map(m => m.name)).toEqual([
      'churn-predictor',
      'demand-forecaster',
      'fraud-detector',
    ]);
    expect(models[0].aliases).toEqual([
      { alias: 'champion', version: '2' },
      { alias: 'challenger', version: '3' },
    ]);
    expect(requests).toHaveLength(3);
  });

  it('reads aliases and runs, and treats deleted ones as absent', async () => {
    const client = createMlflowClient(mlflow('ml-dev'));
    const champion = await client.getModelVersionByAlias(
      'fraud-detector',
      'champion',
    );
    expect(champion?.version).toBe('5');
    await expect(
      client.getModelVersionByAlias('fraud-detector', 'nope'),
    ).resolves.toBeUndefined();
    const versions = await client.searchModelVersions('fraud-detector');
    const v22 = versions.find(v => v.version === '22')!;
    const run = await client.getRun(v22.run_id!);
    expect(run?.data.metrics?.map(m => m.key)).toEqual(['accuracy', 'f1']);
    const v3 = versions.find(v => v.version === '3')!;
    await expect(client.getRun(v3.run_id!)).resolves.toBeUndefined();
  });

  it('sends the bearer token or basic credentials from config', async () => {
    const bearer = createMlflowClient(
      mlflow('locked', { token: 'mlflow-t0ken' }),
    );
    await expect(bearer.searchRegisteredModels()).resolves.toHaveLength(2);
    const basic = createMlflowClient(
      mlflow('locked', { username: 'ml', password: 'pw' }),
    );
    await expect(basic.searchRegisteredModels()).resolves.toHaveLength(2);
  });

  it('turns MLflow error JSON into a clear message', async () => {
    const anonymous = createMlflowClient(mlflow('locked'));
    const denied = await anonymous.searchRegisteredModels().catch(e => e);
    expect(denied).toBeInstanceOf(MlflowError);
    expect(denied.message).toBe(
      'MLflow registered-models/search failed with 401 UNAUTHENTICATED: You are not authenticated. Please provide valid credentials. (check mlflow.token or mlflow.username/password in app-config)',
    );
    const client = createMlflowClient(
      mlflow('locked', { token: 'mlflow-t0ken' }),
    );
    await expect(client.searchModelVersions('broken')).rejects.toThrow(
      'MLflow model-versions/search failed with 500 INTERNAL_ERROR: psycopg2.OperationalError: server closed the connection unexpectedly',
    );
  });

  it('never puts the token into an error message', async () => {
    const client = createMlflowClient(
      mlflow('locked', { token: 'wrong-secret' }),
    );
    const error = await client.searchRegisteredModels().catch(e => e);
    expect(error.message).not.toContain('wrong-secret');
  });

  describe('against a misbehaving server', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url?.includes('runs/get')) {
          return; // hangs
        }
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html>Bad Gateway</html>');
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise(r => server.close(r));
    });

    it('names the status of a non-JSON error answer', async () => {
      const client = createMlflowClient({ url });
      await expect(client.searchRegisteredModels()).rejects.toThrow(
        'MLflow registered-models/search failed with 502 Bad Gateway',
      );
    });

    it('gives up on a request after the timeout', async () => {
      const client = createMlflowClient({ url }, { requestTimeoutMs: 100 });
      await expect(client.getRun('abc')).rejects.toThrow(
        'MLflow runs/get did not answer within 0.1 s',
      );
    });

    it('says which server is unreachable', async () => {
      const closed = createServer();
      await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise(r => closed.close(r));
      const client = createMlflowClient({ url: `http://127.0.0.1:${port}` });
      await expect(client.searchRegisteredModels()).rejects.toThrow(
        `MLflow at http://127.0.0.1:${port} is unreachable: connect ECONNREFUSED`,
      );
    });
  });
});
