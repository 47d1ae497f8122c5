import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { envelope, exampleCluster } from '../../../dev/exampleCluster';
import { mlPlatformApiRef } from '../../api';
import { ClusterCard } from './ClusterCard';

describe('ClusterCard', () => {
  it('shows nodes, use, pods, node groups and workloads', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            { getCluster: async () => envelope(exampleCluster) },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('9/10 nodes ready')).toBeInTheDocument();
    expect(screen.getByText(/1 NotReady/)).toBeInTheDocument();
    expect(
      screen.getByText('CPU: 19.5 cores requested of 41.21 cores'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Memory: 56.0 GiB requested of 127.5 GiB'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/28 running · 3 pending · 1 failed · 1 succeeded/),
    ).toBeInTheDocument();
    expect(screen.getByText('g4dn.xlarge')).toBeInTheDocument();
    expect(screen.getByText('2/3')).toBeInTheDocument();
    expect(screen.getByText('3→3 of 2–6, CPU 55% / 70%')).toBeInTheDocument();
    expect(screen.getByText('0/1')).toBeInTheDocument();
  });

  it('warns above the workloads when a workload list could not be read', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            {
              getCluster: async () =>
                envelope({
                  ...exampleCluster,
                  workloadErrors: [
                    {
                      namespace: 'mlops-system',
                      kind: 'HorizontalPodAutoscaler' as const,
                      message:
                        'Kubernetes API answered 404: the server could not find the requested resource',
                    },
                  ],
                }),
            },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('9/10 nodes ready')).toBeInTheDocument();
    expect(
      screen.getByText('Some ML workloads could not be read'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'HPAs in mlops-system: Kubernetes API answered 404: the server could not find the requested resource',
      ),
    ).toBeInTheDocument();
    // The workloads that were read still show.
    expect(screen.getByText('churn-predictor-inference')).toBeInTheDocument();
  });

  it('shows an EKS node group and a Karpenter pool of the same name as two rows', async () => {
    const managed = exampleCluster.nodeGroups[0];
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            {
              getCluster: async () =>
                envelope({
                  ...exampleCluster,
                  nodeGroups: [
                    managed,
                    {
                      ...managed,
                      groupedBy: 'nodepool' as const,
                      instanceType: 'g5.xlarge',
                    },
                  ],
                }),
            },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Node groups' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(/^gpu EKS node group\s*g4dn\.xlarge/),
      expect.stringMatching(/^gpu Karpenter pool\s*g5\.xlarge/),
    ]);
  });

  it('keeps the last cluster figures, with their age and the upstream error', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            {
              getCluster: async () =>
                envelope(exampleCluster, {
                  stale: true,
                  fetchedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
                  error: { message: 'kubernetes did not answer within 10 s' },
                }),
            },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('9/10 nodes ready')).toBeInTheDocument();
    expect(
      screen.getByText('Showing data from 3 minutes ago'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('kubernetes did not answer within 10 s'),
    ).toBeInTheDocument();
  });

  it('shows an upstream error without data in the card', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            {
              getCluster: async () => ({
                environment: 'ml-prod',
                source: 'kubernetes' as const,
                fetchedAt: new Date().toISOString(),
                stale: false,
                error: { message: 'Kubernetes API answered 500: boom' },
              }),
            },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Could not read kubernetes'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Kubernetes API answered 500: boom'),
    ).toBeInTheDocument();
  });

  it('shows the request error in the card', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            mlPlatformApiRef,
            {
              getCluster: async () => {
                throw new Error('Request failed with 503');
              },
            },
          ],
        ]}
      >
        <ClusterCard name="ml-prod" />
      </TestApiProvider>,
    );
    expect(
      (await screen.findAllByText(/Request failed with 503/))[0],
    ).toBeInTheDocument();
  });
});
