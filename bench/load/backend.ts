import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AddressInfo } from 'net';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform-backend';
import { sandboxEnvironments } from './targets';

// Child process: the real plugin on a test backend against the demo sandbox,
// every environment with its Kubernetes, MLflow and Cost Explorer upstream.
async function main() {
  const timeoutSeconds = Number(process.env.BENCH_TIMEOUT_SECONDS);
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            cache: { ttlSeconds: Number(process.env.BENCH_TTL_SECONDS) },
            upstreamTimeoutSeconds: timeoutSeconds,
            cost: {
              maxAttempts: 2,
              requestTimeoutSeconds: timeoutSeconds,
              refreshIntervalHours:
                Number(process.env.BENCH_REFRESH_SECONDS) / 3600,
              gpuSampleInitialDelaySeconds: 3600,
            },
            environments: sandboxEnvironments(process.env.BENCH_SANDBOX_URL!),
          },
        },
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user(),
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  process.send?.({
    kind: 'result',
    url: `http://127.0.0.1:${port}/api/ml-platform`,
  });
  // Stays up for the parent's load; the parent ends it.
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
