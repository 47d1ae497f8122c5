import { AutoscalerSummary } from '@internal/backstage-plugin-ml-platform-common';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { exampleCluster } from '../../../dev/exampleCluster';
import { Workloads } from './Workloads';

const replicas = {
  minReplicas: 2,
  maxReplicas: 10,
  currentReplicas: 3,
  desiredReplicas: 4,
};

function renderWorkload(autoscalers: AutoscalerSummary[]) {
  return renderInTestApp(
    <Workloads
      cluster={{
        ...exampleCluster,
        workloads: [
          {
            namespace: 'mlops-system',
            name: 'fraud-detector-inference',
            kind: 'Deployment',
            ready: 3,
            desired: 3,
            autoscaler: autoscalers[0],
            autoscalers,
          },
        ],
      }}
    />,
  );
}

describe('Workloads', () => {
  it('shows every metric an HPA scales on, with its reading and target', async () => {
    await renderWorkload([
      {
        ...replicas,
        name: 'fraud-detector-inference',
        targetCpuUtilization: 70,
        currentCpuUtilization: 91,
        metrics: [
          {
            type: 'Resource',
            name: 'cpu',
            target: { type: 'Utilization', value: 70 },
            current: 91,
          },
          {
            type: 'Resource',
            name: 'memory',
            target: { type: 'AverageValue', value: 1610612736 },
            current: 1073741824,
          },
          {
            type: 'ContainerResource',
            name: 'cpu',
            container: 'model-server',
            target: { type: 'Utilization', value: 60 },
          },
          {
            type: 'Pods',
            name: 'inference_requests_per_second',
            target: { type: 'AverageValue', value: 100 },
            current: 80.5,
          },
          {
            type: 'Object',
            name: 'requests_per_second',
            object: 'Ingress/fraud-api',
            target: { type: 'Value', value: 10000 },
            current: 9500,
          },
          {
            type: 'External',
            name: 'sqs_queue_depth',
            target: { type: 'AverageValue', value: 30 },
            current: 12,
          },
        ],
      },
    ]);
    expect(
      await screen.findByText(
        '3→4 of 2–10, CPU 91% / 70%, memory 1.0 GiB / 1.5 GiB, CPU of model-server ? / 60%, ' +
          'inference_requests_per_second 80.5 / 100, requests_per_second of Ingress/fraud-api 9.5K / 10K, ' +
          'sqs_queue_depth 12 / 30',
      ),
    ).toBeInTheDocument();
  });

  it('lists each HPA of a Deployment that has several, and says so', async () => {
    const utilisation = (name: string, value: number, current: number) => ({
      type: 'Resource' as const,
      name,
      target: { type: 'Utilization' as const, value },
      current,
    });
    await renderWorkload([
      {
        ...replicas,
        name: 'fraud-cpu',
        targetCpuUtilization: 70,
        currentCpuUtilization: 55,
        metrics: [utilisation('cpu', 70, 55)],
      },
      {
        ...replicas,
        name: 'fraud-memory',
        metrics: [utilisation('memory', 80, 85)],
      },
    ]);
    expect(
      await screen.findByText('fraud-cpu: 3→4 of 2–10, CPU 55% / 70%'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('fraud-memory: 3→4 of 2–10, memory 85% / 80%'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 HPAs target this Deployment'),
    ).toBeInTheDocument();
  });

  it('still reads an autoscaler cached before metrics were listed', async () => {
    const old: AutoscalerSummary = {
      ...replicas,
      name: 'fraud-detector-inference',
      targetCpuUtilization: 70,
      currentCpuUtilization: 55,
    };
    await renderInTestApp(
      <Workloads
        cluster={{
          ...exampleCluster,
          workloads: [
            {
              namespace: 'mlops-system',
              name: 'churn-predictor-inference',
              kind: 'Deployment',
              ready: 3,
              desired: 3,
              autoscaler: old,
            },
          ],
        }}
      />,
    );
    expect(
      await screen.findByText('3→4 of 2–10, CPU 55% / 70%'),
    ).toBeInTheDocument();
  });
});
