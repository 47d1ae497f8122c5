import { CoreV1Api, VersionApi } from '@kubernetes/client-node';
import {
  demoScenario,
  startSandbox,
  RunningSandbox,
} from '@internal/ml-platform-sandbox';
import { mkdtemp, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import http from 'http';
import { AddressInfo } from 'net';
import { createKubeConfig, serviceAccountToken } from './createKubeConfig';

describe('createKubeConfig', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
  });
  afterAll(() => sandbox.close());

  it('reaches a cluster served under a path prefix with the real client', async () => {
    const kubeConfig = createKubeConfig(
      'ml-prod',
      {
        url: `${sandbox.url}/k8s/ml-prod`,
        authProvider: 'none',
        // @kubernetes/client-node only speaks plain HTTP with TLS checks off
        skipTLSVerify: true,
        namespaces: [],
      },
      undefined,
    );
    const version = await kubeConfig.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.29.10-eks-94953ac');
    const nodes = await kubeConfig
      .makeApiClient(CoreV1Api)
      .listNode({ limit: 5 });
    expect(nodes.items).toHaveLength(5);
    expect(nodes.metadata?._continue).toBeTruthy();
  });

  it('sends the service-account token as a bearer token', async () => {
    let authorization: string | undefined;
    const server = http.createServer((req, res) => {
      authorization = req.headers.authorization;
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({ major: '1', minor: '30', gitVersion: 'v1.30.0' }),
      );
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const kubeConfig = createKubeConfig(
        'ml-dev',
        {
          url: `http://127.0.0.1:${port}`,
          authProvider: 'serviceAccount',
          skipTLSVerify: true,
          namespaces: [],
        },
        'sa-token-123',
      );
      await kubeConfig.makeApiClient(VersionApi).getCode();
      expect(authorization).toBe('Bearer sa-token-123');
    } finally {
      server.close();
    }
  });
});

describe('serviceAccountToken', () => {
  const base = {
    url: 'https://k8s',
    authProvider: 'serviceAccount' as const,
    skipTLSVerify: false,
    namespaces: [],
  };

  it('prefers the literal token', async () => {
    await expect(
      serviceAccountToken({ ...base, serviceAccountToken: 'literal' }),
    ).resolves.toBe('literal');
  });

  it('re-reads a rotated token file on every call', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sa-token-'));
    const file = join(dir, 'token');
    await writeFile(file, 'first\n');
    const connection = { ...base, serviceAccountTokenFile: file };
    await expect(serviceAccountToken(connection)).resolves.toBe('first');
    await writeFile(file, 'second\n');
    await expect(serviceAccountToken(connection)).resolves.toBe('second');
  });
});
