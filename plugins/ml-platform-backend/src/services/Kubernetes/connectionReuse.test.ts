import { createSandboxApp, demoScenario } from '@internal/ml-platform-sandbox';
import http from 'http';
import https from 'https';
import { mkdtemp, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { generate } from 'selfsigned';
import { EnvironmentConfig } from '../../config/types';
import { createKubernetesClientFactory } from './createKubernetesClientFactory';
import { listenOnLoopback } from '../../__testUtils__/listenOnLoopback';

/**
 * The sandbox over plain HTTP or TLS, counting the connections clients open
 * and the bearer tokens they send.
 */
async function startCountingServer(tls?: { key: string; cert: string }) {
  const app = createSandboxApp(demoScenario);
  const seen = { connections: 0, authorizations: [] as string[] };
  const handler: http.RequestListener = (req, res) => {
    seen.authorizations.push(req.headers.authorization ?? '');
    app(req, res);
  };
  const server = tls
    ? https.createServer(tls, handler)
    : http.createServer(handler);
  server.on(tls ? 'secureConnection' : 'connection', () => seen.connections++);
  const { origin, close } = await listenOnLoopback(server);
  return { url: `${origin}/k8s/ml-prod`, seen, close };
}

const environment = (
  kubernetes: NonNullable<EnvironmentConfig['kubernetes']>,
): EnvironmentConfig => ({
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes,
});

async function drain(pages: AsyncIterable<unknown[]>) {
  let count = 0;
  for await (const page of pages) {
    count += page.length;
  }
  return count;
}

describe('Kubernetes client connections', () => {
  it('reads every page of every list over one kept-alive connection', async () => {
    const server = await startCountingServer();
    const tokenFile = join(await mkdtemp(join(tmpdir(), 'sa-token-')), 'token');
    try {
      await writeFile(tokenFile, 'first\n');
      const client = createKubernetesClientFactory().forEnvironment(
        environment({
          url: server.url,
          authProvider: 'serviceAccount',
          serviceAccountTokenFile: tokenFile,
          skipTLSVerify: true,
          namespaces: [],
        }),
      )!;
      expect(await drain(client.listNodes({ pageSize: 4 }))).toBe(10);
      await writeFile(tokenFile, 'second\n');
      expect(await drain(client.listPods({ pageSize: 10 }))).toBe(33);
      expect(
        await client.listDeployments('mlops-system', { pageSize: 2 }),
      ).toHaveLength(5);
      expect(await client.getVersion()).toBe('v1.29.10-eks-94953ac');

      // 3 node pages, then 4 pod pages, 3 Deployment pages and /version
      // with the rotated token.
      expect(server.seen.authorizations).toEqual([
        ...Array(3).fill('Bearer first'),
        ...Array(8).fill('Bearer second'),
      ]);
      expect(server.seen.connections).toBe(1);
    } finally {
      await server.close();
    }
  });

  describe('over TLS with a self-signed cluster CA', () => {
    const pems = generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
      ],
    });
    let server: Awaited<ReturnType<typeof startCountingServer>>;
    beforeAll(async () => {
      server = await startCountingServer({
        key: pems.private,
        cert: pems.cert,
      });
    });
    afterAll(() => server.close());
    beforeEach(() => {
      server.seen.connections = 0;
    });

    const tlsClient = (caData?: string) =>
      createKubernetesClientFactory().forEnvironment(
        environment({
          url: server.url,
          authProvider: 'none',
          caData,
          skipTLSVerify: false,
          namespaces: [],
        }),
      )!;

    it('verifies the server against caData and keeps one connection for all pages', async () => {
      const client = tlsClient(Buffer.from(pems.cert).toString('base64'));
      expect(await drain(client.listNodes({ pageSize: 4 }))).toBe(10);
      expect(await drain(client.listPods({ pageSize: 10 }))).toBe(33);
      expect(server.seen.connections).toBe(1);
    });

    it('refuses a server its CA did not sign', async () => {
      await expect(drain(tlsClient().listNodes())).rejects.toThrow(
        /Kubernetes API unreachable \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)/,
      );
    });
  });
});
