import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AddressInfo } from 'net';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform-backend';

// Child process: the real plugin on a test backend against the scale sandbox.
// The parent drives the warm load from its own process, so the load
// generator never competes with the backend's event loop.
async function main() {
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            cache: { ttlSeconds: 600 },
            upstreamTimeoutSeconds: 300,
            environments: [
              {
                name: 'ml-scale',
                tier: 'prod',
                owner: 'group:default/ml-platform',
                kubernetes: {
                  url: process.env.BENCH_K8S_URL,
                  authProvider: 'none',
                  skipTLSVerify: true,
                  namespaces: ['mlops-system'],
                },
              },
            ],
          },
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user(),
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/ml-platform/environments/ml-scale`;

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cold = await fetch(`${url}/cluster`).then(r => r.json());
  const coldMs = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  if (cold.error) {
    throw new Error(`cold read failed: ${cold.error.message}`);
  }
  const gpus = await fetch(`${url}/gpus`).then(r => r.json());

  process.send?.({
    kind: 'result',
    coldMs,
    rssGrowth: peak - rssBefore,
    nodes: cold.data.nodes.total,
    pods: Object.values(cold.data.pods).reduce(
      (a: number, b) => a + (b as number),
      0,
    ),
    gpuNodes: gpus.data.totals.nodes,
    url,
  });
  // Stays up for the parent's load test; the parent ends it.
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
