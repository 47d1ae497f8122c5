import type {
  V1Deployment,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { summarizeWorkloads } from './workloads';

describe('summarizeWorkloads', () => {
  it('pairs Deployments with the HPA that scales them', () => {
    const workloads = summarizeWorkloads(
      'mlops-system',
      [
        {
          metadata: { name: 'churn-predictor-inference' },
          spec: { replicas: 3 } as any,
          status: { readyReplicas: 2 },
        },
        {
          metadata: { name: 'mlflow' },
          spec: { replicas: 1 } as any,
          status: {},
        },
      ],
      [
        {
          metadata: { name: 'churn' },
          spec: {
            scaleTargetRef: {
              kind: 'Deployment',
              name: 'churn-predictor-inference',
            },
            minReplicas: 2,
            maxReplicas: 6,
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: 'cpu',
                  target: { type: 'Utilization', averageUtilization: 70 },
                },
              },
            ],
          },
          status: {
            currentReplicas: 3,
            desiredReplicas: 4,
            currentMetrics: [
              {
                type: 'Resource',
                resource: { name: 'cpu', current: { averageUtilization: 91 } },
              },
            ],
          },
        } as any,
      ],
    );
    const churn = {
      name: 'churn',
      minReplicas: 2,
      maxReplicas: 6,
      currentReplicas: 3,
      desiredReplicas: 4,
      targetCpuUtilization: 70,
      currentCpuUtilization: 91,
      metrics: [
        {
          type: 'Resource',
          name: 'cpu',
          target: { type: 'Utilization', value: 70 },
          current: 91,
        },
      ],
    };
    expect(workloads).toEqual([
      {
        namespace: 'mlops-system',
        name: 'churn-predictor-inference',
        kind: 'Deployment',
        ready: 2,
        desired: 3,
        autoscaler: churn,
        autoscalers: [churn],
      },
      {
        namespace: 'mlops-system',
        name: 'mlflow',
        kind: 'Deployment',
        ready: 0,
        desired: 1,
        autoscalers: [],
      },
    ]);
  });
});

const deployment = (name: string): V1Deployment => ({
  metadata: { name },
  spec: { replicas: 3 } as V1Deployment['spec'],
  status: { readyReplicas: 3 },
});

function hpa(
  name: string,
  target: string,
  metrics: object[],
  currentMetrics?: object[],
): V2HorizontalPodAutoscaler {
  return {
    metadata: { name },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: target,
      },
      minReplicas: 2,
      maxReplicas: 10,
      metrics,
    },
    status: { currentReplicas: 3, desiredReplicas: 4, currentMetrics },
  } as V2HorizontalPodAutoscaler;
}

describe('summarizeWorkloads with HPA metrics', () => {
  it('reports every metric target of an HPA with its current value', () => {
    const [workload] = summarizeWorkloads(
      'mlops-system',
      [deployment('fraud-detector-inference')],
      [
        hpa(
          'fraud-detector-inference',
          'fraud-detector-inference',
          [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: 70 },
              },
            },
            {
              type: 'Resource',
              resource: {
                name: 'memory',
                target: { type: 'AverageValue', averageValue: '1536Mi' },
              },
            },
            {
              type: 'ContainerResource',
              containerResource: {
                name: 'cpu',
                container: 'model-server',
                target: { type: 'Utilization', averageUtilization: 60 },
              },
            },
            {
              type: 'Pods',
              pods: {
                metric: { name: 'inference_requests_per_second' },
                target: { type: 'AverageValue', averageValue: '100' },
              },
            },
            {
              type: 'Object',
              object: {
                describedObject: {
                  apiVersion: 'networking.k8s.io/v1',
                  kind: 'Ingress',
                  name: 'fraud-api',
                },
                metric: { name: 'requests_per_second' },
                target: { type: 'Value', value: '10k' },
              },
            },
            {
              type: 'External',
              external: {
                metric: {
                  name: 'sqs_queue_depth',
                  selector: { matchLabels: { queue: 'scoring' } },
                },
                target: { type: 'AverageValue', averageValue: '30' },
              },
            },
          ],
          [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                current: { averageUtilization: 91, averageValue: '910m' },
              },
            },
            {
              type: 'Resource',
              resource: { name: 'memory', current: { averageValue: '1Gi' } },
            },
            {
              type: 'Pods',
              pods: {
                metric: { name: 'inference_requests_per_second' },
                current: { averageValue: '80500m' },
              },
            },
            {
              type: 'External',
              external: {
                metric: { name: 'sqs_queue_depth' },
                current: { averageValue: '12' },
              },
            },
          ],
        ),
      ],
    );
    expect(workload.autoscaler).toMatchObject({
      name: 'fraud-detector-inference',
      targetCpuUtilization: 70,
      currentCpuUtilization: 91,
    });
    expect(workload.autoscalers).toHaveLength(1);
    expect(workload.autoscalers![0].metrics).toEqual([
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
      },
      {
        type: 'External',
        name: 'sqs_queue_depth',
        target: { type: 'AverageValue', value: 30 },
        current: 12,
      },
    ]);
  });

  it('keeps every HPA that targets the same Deployment', () => {
    const memory = {
      type: 'Resource',
      resource: {
        name: 'memory',
        target: { type: 'Utilization', averageUtilization: 80 },
      },
    };
    const cpu = {
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
      },
    };
    const [workload, other] = summarizeWorkloads(
      'mlops-system',
      [deployment('churn-predictor-inference'), deployment('mlflow')],
      [
        hpa('churn-memory', 'churn-predictor-inference', [memory]),
        hpa('churn-cpu', 'churn-predictor-inference', [cpu]),
      ],
    );
    expect(workload.autoscalers!.map(a => a.name)).toEqual([
      'churn-cpu',
      'churn-memory',
    ]);
    expect(workload.autoscaler?.name).toBe('churn-cpu');
    expect(workload.autoscalers![1].metrics).toEqual([
      {
        type: 'Resource',
        name: 'memory',
        target: { type: 'Utilization', value: 80 },
      },
    ]);
    expect(other.autoscalers).toEqual([]);
    expect(other.autoscaler).toBeUndefined();
  });
});
