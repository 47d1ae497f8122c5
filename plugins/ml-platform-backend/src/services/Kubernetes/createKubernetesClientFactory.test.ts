import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import http from 'http';
import { AddressInfo } from 'net';
import { listenOnLoopback } from '../../__testUtils__/listenOnLoopback';
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

  describe('a token the cluster rejects (401)', () => {
    const unauthorized = (res: http.ServerResponse) => {
      res.statusCode = 401;
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          kind: 'Status',
          status: 'Failure',
          message: 'Unauthorized',
          reason: 'Unauthorized',
          code: 401,
        }),
      );
    };
    /** Answers 401 to the first `rejections` requests, then proxies to the sandbox. */
    async function rejectingCluster(rejections: number) {
      const seen: string[] = [];
      const server = http.createServer(async (req, res) => {
        seen.push(req.headers.authorization ?? '');
        if (seen.length <= rejections) {
          unauthorized(res);
          return;
        }
        const upstream = await fetch(`${sandbox.url}/k8s/ml-prod${req.url}`);
        res.statusCode = upstream.status;
        res.setHeader('Content-Type', 'application/json');
        res.end(await upstream.text());
      });
      return { seen, ...(await listenOnLoopback(server)) };
    }
    const saved = { ...process.env };
    beforeEach(() => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    });
    afterEach(() => {
      process.env = { ...saved };
    });
    const eksClient = (origin: string) =>
      createKubernetesClientFactory().forEnvironment(
        environment(origin, {
          authProvider: 'aws',
          aws: { clusterName: 'ml-prod', region: 'us-east-1' },
        }),
      )!;

    it('renews an EKS token once and reads on', async () => {
      const cluster = await rejectingCluster(1);
      try {
        const eks = eksClient(cluster.origin);
        await expect(eks.getVersion()).resolves.toMatch(/^v1\./);
        expect(cluster.seen).toHaveLength(2);
        expect(
          cluster.seen.every(a => a.startsWith('Bearer k8s-aws-v1.')),
        ).toBe(true);
        // The renewed token is the one kept: no further 401 round trip.
        const nodes = await collect(eks.listNodes());
        expect(nodes.items.length).toBeGreaterThan(0);
        expect(cluster.seen).toHaveLength(3);
      } finally {
        await cluster.close();
      }
    });

    it('renews for the Deployment and HPA lists of client-node too', async () => {
      const cluster = await rejectingCluster(1);
      try {
        const deployments = await eksClient(cluster.origin).listDeployments(
          'mlops-system',
        );
        expect(deployments.map(d => d.metadata?.name)).toContain('mlflow');
        expect(cluster.seen).toHaveLength(2);
      } finally {
        await cluster.close();
      }
    });

    it('answers the second 401 as an error, without looping', async () => {
      const cluster = await rejectingCluster(Infinity);
      try {
        await expect(eksClient(cluster.origin).getVersion()).rejects.toThrow(
          'Kubernetes API answered 401: Unauthorized',
        );
        expect(cluster.seen).toHaveLength(2);
      } finally {
        await cluster.close();
      }
    });

    it('reports a Deployment list refused twice as a plain 401', async () => {
      const cluster = await rejectingCluster(Infinity);
      try {
        const error = await eksClient(cluster.origin)
          .listDeployments('mlops-system')
          .catch(e => e as Error);
        // client-node's own message would carry the response headers
        expect((error as Error).message).toBe('Kubernetes API answered 401');
        expect(cluster.seen).toHaveLength(2);
      } finally {
        await cluster.close();
      }
    });

    it('does not retry a configured service-account token', async () => {
      const cluster = await rejectingCluster(Infinity);
      try {
        const withToken = createKubernetesClientFactory().forEnvironment(
          environment(cluster.origin, {
            authProvider: 'serviceAccount',
            serviceAccountToken: 'revoked-token',
          }),
        )!;
        await expect(withToken.getVersion()).rejects.toThrow(
          'Kubernetes API answered 401',
        );
        expect(cluster.seen).toEqual(['Bearer revoked-token']);
      } finally {
        await cluster.close();
      }
    });
  });
});
