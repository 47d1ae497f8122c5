import { mockCredentials } from '@backstage/backend-test-utils';
import { EnvironmentConfig } from '../../config/types';
import { createClusterAccumulator } from '../ClusterSummary';
import { node } from '../ClusterSummary/fixtures';
import { kubernetesSourceSummariser } from './kubernetesSourceSummariser';

const environment: EnvironmentConfig = {
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
};

function summarise(
  workloadErrors: Parameters<
    ReturnType<typeof createClusterAccumulator>['snapshot']
  >[2],
) {
  const accumulator = createClusterAccumulator();
  accumulator.addNodes([node('a'), node('b')]);
  const data = accumulator.snapshot('v1.30.4', [], workloadErrors);
  return kubernetesSourceSummariser({
    snapshot: async () => ({
      environment: 'ml-prod',
      source: 'kubernetes',
      fetchedAt: '2026-11-20T08:00:00.000Z',
      stale: false,
      data,
    }),
  }).summarise(environment, { credentials: mockCredentials.user() });
}

describe('kubernetesSourceSummariser', () => {
  it('is ok for a healthy cluster whose workloads were all read', async () => {
    await expect(summarise([])).resolves.toMatchObject({
      status: 'ok',
      nodes: { ready: 2, total: 2 },
    });
  });

  it('is degraded, naming the lists, when workload lists could not be read', async () => {
    const summary = await summarise([
      { namespace: 'mlops-system', kind: 'Deployment', message: '403' },
      { namespace: 'serving', kind: 'HorizontalPodAutoscaler', message: '404' },
    ]);
    expect(summary).toMatchObject({
      status: 'degraded',
      message:
        'Deployments unreadable in mlops-system, HPAs unreadable in serving',
      nodes: { ready: 2, total: 2 },
    });
  });
});
