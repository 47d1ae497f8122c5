import { DeploymentScenario } from '../scenarios/types';

const CREATED = '2026-11-20T08:00:00Z';

/** Labels that tell which MLflow model version a Deployment serves. */
export const MODEL_NAME_LABEL = 'ml-platform/model-name';
export const MODEL_VERSION_LABEL = 'ml-platform/model-version';

/** An apps/v1 Deployment as the API returns it. */
export function deploymentObject(d: DeploymentScenario) {
  const labels: Record<string, string> = {
    'app.kubernetes.io/name': d.name,
    'app.kubernetes.io/component': d.component,
    'app.kubernetes.io/part-of': 'ml-platform',
  };
  if (d.model) {
    labels[MODEL_NAME_LABEL] = d.model.name;
    labels[MODEL_VERSION_LABEL] = String(d.model.version);
  }
  const container = {
    name: d.name,
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${d.name}:1.4.2`,
    ...(d.model && {
      env: [
        {
          name: 'MODEL_URI',
          value: `models:/${d.model.name}/${d.model.version}`,
        },
      ],
    }),
    resources: {
      requests: { cpu: d.requests.cpu, memory: d.requests.memory },
      limits: {
        memory: d.requests.memory,
        ...(d.requests.gpu && { 'nvidia.com/gpu': String(d.requests.gpu) }),
      },
    },
  };
  const available = d.ready === d.replicas;
  return {
    metadata: {
      name: d.name,
      namespace: d.namespace,
      uid: `${d.namespace}-${d.name}`,
      resourceVersion: '4242',
      generation: 3,
      creationTimestamp: CREATED,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': d.name } },
      template: {
        metadata: { labels },
        spec: { containers: [container] },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
    },
    status: {
      observedGeneration: 3,
      replicas: d.replicas,
      updatedReplicas: d.replicas,
      readyReplicas: d.ready,
      availableReplicas: d.ready,
      ...(d.ready < d.replicas && {
        unavailableReplicas: d.replicas - d.ready,
      }),
      conditions: [
        {
          type: 'Available',
          status: available ? 'True' : 'False',
          reason: available
            ? 'MinimumReplicasAvailable'
            : 'MinimumReplicasUnavailable',
          lastUpdateTime: CREATED,
          lastTransitionTime: CREATED,
        },
      ],
    },
  };
}

/** An autoscaling/v2 HorizontalPodAutoscaler for a Deployment that has one. */
export function hpaObject(d: DeploymentScenario) {
  const hpa = d.hpa!;
  return {
    metadata: {
      name: d.name,
      namespace: d.namespace,
      uid: `${d.namespace}-${d.name}-hpa`,
      resourceVersion: '4242',
      creationTimestamp: CREATED,
    },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: d.name,
      },
      minReplicas: hpa.minReplicas,
      maxReplicas: hpa.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: {
              type: 'Utilization',
              averageUtilization: hpa.targetCpuUtilization,
            },
          },
        },
      ],
    },
    status: {
      currentReplicas: d.replicas,
      desiredReplicas: d.replicas,
      lastScaleTime: CREATED,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageUtilization: hpa.currentCpuUtilization },
          },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          reason: 'ReadyForNewScale',
          lastTransitionTime: CREATED,
        },
      ],
    },
  };
}
