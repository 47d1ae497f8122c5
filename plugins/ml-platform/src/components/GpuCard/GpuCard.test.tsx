import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { envelope, exampleGpus } from '../../../dev/exampleCluster';
import { MlPlatformApi, mlPlatformApiRef } from '../../api';
import { GpuCard } from './GpuCard';

function renderCard(getGpus: MlPlatformApi['getGpus']) {
  return renderInTestApp(
    <TestApiProvider apis={[[mlPlatformApiRef, { getGpus }]]}>
      <GpuCard name="ml-prod" />
    </TestApiProvider>,
  );
}

describe('GpuCard', () => {
  it('shows GPU use, each node state and pods waiting for GPUs', async () => {
    await renderCard(async () => envelope(exampleGpus));
    expect(await screen.findByTestId('gpu-totals')).toHaveTextContent(
      '1 of 3 GPUs requested · 1 free',
    );
    expect(screen.getByText(/2\/3 GPU nodes ready/)).toBeInTheDocument();
    expect(screen.getByText('Idle')).toBeInTheDocument();
    expect(screen.getByText('Full')).toBeInTheDocument();
    expect(screen.getByText('NotReady')).toBeInTheDocument();
    expect(screen.getAllByText('nvidia.com/gpu=true:NoSchedule')).toHaveLength(
      3,
    );
    expect(screen.getByText('1 pod waiting for GPUs')).toBeInTheDocument();
    expect(
      screen.getByText(/demand-forecaster-train-8k2lp — asks for 2 GPUs/),
    ).toBeInTheDocument();
  });

  it('tells cordoned nodes and nodes without a ready device plugin apart from idle ones', async () => {
    const [notReady, , idle] = exampleGpus.nodes;
    await renderCard(async () =>
      envelope({
        ...exampleGpus,
        nodes: [
          { ...idle, name: 'drained', unschedulable: true, state: 'cordoned' },
          {
            ...idle,
            name: 'plugin-down',
            allocatable: 0,
            free: 0,
            state: 'no-allocatable',
          },
          notReady,
        ],
      }),
    );
    expect(await screen.findByText('Cordoned')).toBeInTheDocument();
    expect(screen.getByText('Device plugin not ready')).toBeInTheDocument();
    expect(screen.queryByText('Idle')).toBeNull();
  });

  it('says when an environment has no GPU nodes', async () => {
    await renderCard(async () =>
      envelope({
        ...exampleGpus,
        totals: {
          nodes: 0,
          readyNodes: 0,
          capacity: 0,
          allocatable: 0,
          requested: 0,
          free: 0,
        },
        byProduct: [],
        nodes: [],
        pendingPods: [],
        pendingPodsTotal: 0,
      }),
    );
    expect(
      await screen.findByText('No GPU nodes in this environment'),
    ).toBeInTheDocument();
  });

  it('shows stale data with its age and the upstream error', async () => {
    await renderCard(async () =>
      envelope(exampleGpus, {
        stale: true,
        fetchedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        error: { message: 'Kubernetes API unreachable (ECONNREFUSED)' },
      }),
    );
    expect(
      await screen.findByText('Showing data from 5 minutes ago'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Kubernetes API unreachable/)[0],
    ).toBeInTheDocument();
    expect(screen.getByTestId('gpu-totals')).toBeInTheDocument();
  });

  it('shows the upstream error when there is no data at all', async () => {
    await renderCard(async () => ({
      ...envelope(exampleGpus),
      data: undefined,
      error: { message: 'kubernetes did not answer within 10 s' },
    }));
    expect(
      await screen.findByText('Could not read kubernetes'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('gpu-totals')).toBeNull();
  });

  it('says when the environment has no cluster configured', async () => {
    await renderCard(async () => ({
      ...envelope(exampleGpus),
      data: undefined,
      notConfigured: true,
      error: {
        message: "Kubernetes is not configured for environment 'ml-prod'",
      },
    }));
    expect(
      await screen.findByText('No Kubernetes cluster configured'),
    ).toBeInTheDocument();
  });
});
