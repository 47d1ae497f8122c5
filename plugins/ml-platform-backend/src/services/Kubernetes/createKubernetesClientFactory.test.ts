import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import http from 'http';
import { AddressInfo } from 'net';
import { EnvironmentConfig } from '../../config/types';
import { createKubernetesClientFactory } from './createKubernetesClientFactory';

const environment = (
  url: string,
  kubernetes: Partial<NonNullable<EnvironmentConfig['kubernetes']>> = {},
): EnvironmentConfig => ({
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes: {
    url,
    authProvider: 'none',
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
    ...kubernetes,
  },
});

async function collect<T>(pages: AsyncIterable<T[]>) {
  const sizes: number[] = [];
  const items: T[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    items.push(...page);
  }
  return { sizes, items };
}

describe('createKubernetesClientFactory', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
  });
  afterAll(() => sandbox.close());

  const client = () =>
    createKubernetesClientFactory().forEnvironment(
      environment(`${sandbox.url}/k8s/ml-prod`),
    )!;

  it('has no client for an environment without a kubernetes block', () => {
    const { kubernetes, ...bare } = environment('http://x');
    expect(
      createKubernetesClientFactory().forEnvironment(bare),
    ).toBeUndefined();
  });

  it('follows continue tokens page by page', async () => {
    const nodes = await collect(client().listNodes({ pageSize: 4 }));
    expect(nodes.sizes).toEqual([4, 4, 2]);
    const pods = await collect(client().listPods({ pageSize: 10 }));
    expect(pods.sizes).toEqual([10, 10, 10, 3]);
    const mlops = await collect(
      client().listPods({ namespace: 'mlops-system', pageSize: 5 }),
    );
    expect(
      mlops.items.every(p => p.metadata?.namespace === 'mlops-system'),
    ).toBe(true);
    expect(mlops.items).toHaveLength(13);
  });

  it('reads Deployments and HPAs with client-node, across pages', async () => {
    const deployments = await client().listDeployments('mlops-system', {
      pageSize: 2,
    });
    expect(deployments.map(d => d.metadata?.name)).toEqual([
      'fraud-detector-inference',
      'churn-predictor-inference',
      'demand-forecaster-inference',
      'mlflow',
      'prometheus-server',
    ]);
    expect(deployments[0].metadata?.labels?.['ml-platform/model-version']).toBe(
      '4',
    );
    const hpas = await client().listHorizontalPodAutoscalers('mlops-system');
    expect(hpas.map(h => h.spec?.scaleTargetRef.name)).toEqual([
      'fraud-detector-inference',
      'churn-predictor-inference',
    ]);
    expect(await client().getVersion()).toBe('v1.29.10-eks-94953ac');
  });

  it('reports API and network failures without the URL', async () => {
    const missing = createKubernetesClientFactory().forEnvironment(
      environment(`${sandbox.url}/k8s/ml-nowhere`),
    )!;
    await expect(collect(missing.listNodes())).rejects.toThrow(
      "Kubernetes API answered 404: no sandbox cluster 'ml-nowhere'",
    );
    await expect(missing.listDeployments('mlops-system')).rejects.toThrow(
      "Kubernetes API answered 404: no sandbox cluster 'ml-nowhere'",
    );
    const refused = createKubernetesClientFactory().forEnvironment(
      environment('http://127.0.0.1:1'),
    )!;
    await expect(refused.getVersion()).rejects.toThrow(
      'Kubernetes API unreachable (ECONNREFUSED)',
    );
  });

  it('stops reading when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      collect(client().listPods({ signal: controller.signal })),
    ).rejects.toThrow(/abort/i);
  });

  it('sends an EKS token for authProvider aws', async () => {
    let authorization: string | undefined;
    const server = http.createServer((req, res) => {
      authorization = req.headers.authorization;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ gitVersion: 'v1.30.0-eks' }));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    try {
      const eks = createKubernetesClientFactory().forEnvironment(
        environment(
          `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          {
            authProvider: 'aws',
            aws: { clusterName: 'ml-prod', region: 'us-east-1' },
          },
        ),
      )!;
      await expect(eks.getVersion()).resolves.toBe('v1.30.0-eks');
      expect(authorization).toMatch(/^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
      const url = Buffer.from(
        authorization!.slice('Bearer k8s-aws-v1.'.length),
        'base64url',
      ).toString();
      expect(url).toContain('X-Amz-Credential=AKIDEXAMPLE%2F');
    } finally {
      process.env = saved;
      server.close();
    }
  });
});
