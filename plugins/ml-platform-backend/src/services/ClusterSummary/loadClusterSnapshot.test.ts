import {
  createSandboxApp,
  demoScenario,
  scaleScenario,
} from '@internal/ml-platform-sandbox';
import express from 'express';
import http from 'http';
import { EnvironmentConfig } from '../../config/types';
import { createKubernetesClientFactory, ListExpiredError } from '../Kubernetes';
import { loadClusterSnapshot } from './loadClusterSnapshot';
import { listenOnLoopback } from '../../__testUtils__/listenOnLoopback';

/**
 * The sandbox behind a front that answers the next `expire` continued list
 * requests the way an API server does after compaction: 410 Gone, Status
 * reason Expired.
 */
async function startExpiringSandbox(scenario = demoScenario) {
  const state = { expire: 0, expired: 0 };
  const app = express();
  app.use((req, res, next) => {
    if (req.query.continue && state.expire > 0) {
      state.expire--;
      state.expired++;
      res.status(410).json({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: { continue: 'inconsistent-continue-token' },
        status: 'Failure',
        message:
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results.',
        reason: 'Expired',
        code: 410,
      });
      return;
    }
    next();
  });
  app.use(createSandboxApp(scenario));
  const server = http.createServer(app);
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, state, close };
}

const environment = (url: string): EnvironmentConfig => ({
  name: 'ml-scale',
  title: 'Scale',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes: {
    url,
    authProvider: 'none',
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
  },
});

describe('loadClusterSnapshot with expiring continue tokens', () => {
  // 1,200 nodes and 3,000 pods: several pages of 500 each, so lists continue.
  const scenario = scaleScenario({ nodes: 1200, pods: 3000 });
  let sandbox: Awaited<ReturnType<typeof startExpiringSandbox>>;
  beforeAll(async () => {
    sandbox = await startExpiringSandbox(scenario);
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.state.expire = 0;
    sandbox.state.expired = 0;
  });

  const load = () =>
    loadClusterSnapshot(
      createKubernetesClientFactory().forEnvironment(
        environment(`${sandbox.url}/k8s/ml-scale`),
      )!,
      ['mlops-system'],
    );

  it('starts the read again and counts every node and pod once', async () => {
    const expected = await load();
    expect(expected.cluster.nodes.total).toBe(1200);

    sandbox.state.expire = 2;
    const restarted = await load();

    expect(sandbox.state.expired).toBe(2);
    expect(restarted).toEqual(expected);
  });

  it('gives up with a clear error when the lists keep expiring', async () => {
    sandbox.state.expire = 100;
    await expect(load()).rejects.toThrow(
      /expired while being read \(410 Gone\)/,
    );
    // the first read and two restarts, each stopped at its first expired page
    expect(sandbox.state.expired).toBeLessThanOrEqual(6);
  });
});

describe('Kubernetes client lists with expiring continue tokens', () => {
  let sandbox: Awaited<ReturnType<typeof startExpiringSandbox>>;
  beforeAll(async () => {
    sandbox = await startExpiringSandbox();
  });
  afterAll(() => sandbox.close());

  const client = () =>
    createKubernetesClientFactory().forEnvironment({
      ...environment(`${sandbox.url}/k8s/ml-prod`),
      name: 'ml-prod',
    })!;

  it('tells the consumer of a paged list that its pages are void', async () => {
    sandbox.state.expire = 1;
    const pages: number[] = [];
    await expect(
      (async () => {
        for await (const page of client().listNodes({ pageSize: 4 })) {
          pages.push(page.length);
        }
      })(),
    ).rejects.toBeInstanceOf(ListExpiredError);
    expect(pages).toEqual([4]);
  });

  it('restarts a collected list (Deployments) and returns each item once', async () => {
    const expected = await client().listDeployments('mlops-system', {
      pageSize: 2,
    });
    sandbox.state.expire = 1;
    sandbox.state.expired = 0;
    const restarted = await client().listDeployments('mlops-system', {
      pageSize: 2,
    });
    expect(sandbox.state.expired).toBe(1);
    expect(restarted.map(d => d.metadata?.name)).toEqual(
      expected.map(d => d.metadata?.name),
    );
    expect(restarted).toHaveLength(5);
  });
});
