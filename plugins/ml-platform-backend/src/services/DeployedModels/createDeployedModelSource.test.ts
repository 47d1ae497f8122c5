import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import http from 'http';
import { listenOnLoopback } from '../../__testUtils__/listenOnLoopback';
import { EnvironmentConfig, KubernetesConnection } from '../../config/types';
import { createKubernetesClientFactory } from '../Kubernetes';
import { createDeployedModelSource } from './createDeployedModelSource';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenario });
});
afterAll(() => sandbox.close());

const environment = (
  kubernetes: Partial<KubernetesConnection>,
): EnvironmentConfig => ({
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes: {
    url: `${sandbox.url}/k8s/ml-prod`,
    authProvider: 'none',
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
    ...kubernetes,
  },
});

const source = () =>
  createDeployedModelSource({ kubernetes: createKubernetesClientFactory() });

describe('createDeployedModelSource', () => {
  it('lists the Deployments that serve a model, with what they serve', async () => {
    const deployed = await source().listDeployedModels(environment({}));
    expect(deployed).toContainEqual(
      expect.objectContaining({
        namespace: 'mlops-system',
        deployment: 'fraud-detector-inference',
        modelName: 'fraud-detector',
        version: '4',
      }),
    );
    // mlflow and prometheus run there too, but serve no model
    expect(deployed.map(d => d.deployment)).not.toContain('mlflow');
  });

  it('has nothing to read without namespaces', async () => {
    await expect(
      source().listDeployedModels(environment({ namespaces: [] })),
    ).resolves.toEqual([]);
  });

  it('authenticates to an EKS cluster with a generated token', async () => {
    const seen: Array<string | undefined> = [];
    // A cluster that, like EKS, refuses requests without an IAM token.
    const eks = await listenOnLoopback(
      http.createServer(async (req, res) => {
        seen.push(req.headers.authorization);
        if (!req.headers.authorization?.startsWith('Bearer k8s-aws-v1.')) {
          res.statusCode = 401;
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify({ kind: 'Status', message: 'Unauthorized' }));
          return;
        }
        const upstream = await fetch(`${sandbox.url}/k8s/ml-prod${req.url}`);
        res.setHeader('Content-Type', 'application/json');
        res.end(await upstream.text());
      }),
    );
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    try {
      const deployed = await source().listDeployedModels(
        environment({
          url: eks.origin,
          authProvider: 'aws',
          aws: { clusterName: 'ml-prod', region: 'us-east-1' },
        }),
      );
      expect(deployed.map(d => d.modelName)).toContain('fraud-detector');
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      process.env = saved;
      await eks.close();
    }
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      source().listDeployedModels(environment({}), controller.signal),
    ).rejects.toThrow(/abort/i);
  });
});
