import { GpuNodeSummary } from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';
import { createClusterViewGpuAllocationSource } from './createClusterViewGpuAllocationSource';

const env: EnvironmentConfig = {
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
};

const node = (over: Partial<GpuNodeSummary>): GpuNodeSummary => ({
  name: 'n',
  product: 'Tesla-T4',
  instanceType: 'g4dn.xlarge',
  capacity: 1,
  allocatable: 1,
  requested: 0,
  free: 1,
  ready: true,
  unschedulable: false,
  taints: [],
  state: 'idle',
  ...over,
});

function sourceOver(envelope: object) {
  return createClusterViewGpuAllocationSource({
    snapshot: jest.fn(async () => envelope as any),
  });
}

describe('createClusterViewGpuAllocationSource', () => {
  it('sums allocatable and requested GPUs of ready nodes per instance type', async () => {
    const source = sourceOver({
      data: {
        gpus: {
          nodes: [
            node({ name: 'a', requested: 1 }),
            node({ name: 'b' }),
            node({ name: 'c', ready: false, requested: 1 }),
            node({
              name: 'd',
              instanceType: 'p3.8xlarge',
              product: 'Tesla-V100',
              capacity: 4,
              allocatable: 4,
              requested: 3,
            }),
            node({ name: 'e', instanceType: undefined, product: 'A10G' }),
          ],
        },
      },
    });
    await expect(source.sample(env)).resolves.toEqual([
      { instanceType: 'g4dn.xlarge', allocatable: 2, requested: 1 },
      { instanceType: 'p3.8xlarge', allocatable: 4, requested: 3 },
      { instanceType: 'A10G', allocatable: 1, requested: 0 },
    ]);
  });

  it('refuses to record stale data as a sample', async () => {
    const source = sourceOver({
      stale: true,
      error: { message: 'kubernetes did not answer within 10 s' },
      data: { gpus: { nodes: [node({})] } },
    });
    await expect(source.sample(env)).rejects.toThrow(
      'kubernetes did not answer within 10 s',
    );
  });
});
