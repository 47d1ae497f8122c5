import {
  RunningSandbox,
  demoScenario,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import { EnvironmentConfig } from '../../config/types';
import { createKubernetesGpuAllocationSource } from './createKubernetesGpuAllocationSource';

// Real servers and databases: generous when the machine is busy.
jest.setTimeout(60_000);

describe('createKubernetesGpuAllocationSource (client-node against the sandbox)', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scenario: demoScenario });
  });
  afterAll(() => sandbox.close());

  const env = (name: string): EnvironmentConfig => ({
    name,
    title: name,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${sandbox.url}/k8s/${name}`,
      authProvider: 'none',
      skipTLSVerify: false,
      namespaces: [],
    },
  });

  it('counts allocatable GPUs on ready nodes and those running pods request', async () => {
    const source = createKubernetesGpuAllocationSource();
    // ml-prod: 3 g4dn.xlarge with one T4 each, one NotReady; one of the two
    // ready nodes runs an inference pod, the other idles.
    expect(await source.sample(env('ml-prod'))).toEqual([
      { instanceType: 'g4dn.xlarge', allocatable: 2, requested: 1 },
    ]);
  });

  it('finds nothing to sample in a cluster without GPUs', async () => {
    const source = createKubernetesGpuAllocationSource();
    expect(await source.sample(env('ml-dev'))).toEqual([]);
  });
});
