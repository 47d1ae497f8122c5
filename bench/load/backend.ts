import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { demoScenario } from '@internal/ml-platform-sandbox';
import { AddressInfo } from 'net';
import mlPlatformPlugin from '@internal/backstage-plugin-ml-platform-backend';

// Child process: the real plugin on a test backend against the demo sandbox,
// every environment with its Kubernetes, MLflow and Cost Explorer upstream.
const sandbox = process.env.BENCH_SANDBOX_URL!;

async function main() {
  const environments = demoScenario.environments.map(env => ({
    name: env.name,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${sandbox}/k8s/${env.name}`,
      authProvider: 'none',
      skipTLSVerify: true,
    },
    mlflow: { url: `${sandbox}/mlflow/${env.name}` },
    ...(env.cost && {
      cost: {
        tagKey: env.cost.tagKey,
        tagValue: env.cost.tagValue,
        monthlyBudget: 5000,
        endpoint: `${sandbox}/aws/cost-explorer`,
      },
    }),
  }));
  const { server } = await startTestBackend({
    features: [
      mlPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          mlPlatform: {
            cache: { ttlSeconds: Number(process.env.BENCH_TTL_SECONDS) },
            upstreamTimeoutSeconds: Number(process.env.BENCH_TIMEOUT_SECONDS),
            cost: { maxAttempts: 2, requestTimeoutSeconds: 2 },
            environments,
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
    environments: environments.map(e => e.name),
    withCost: environments.filter(e => e.cost).map(e => e.name),
  });
  // Stays up for the parent's load; the parent ends it.
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
