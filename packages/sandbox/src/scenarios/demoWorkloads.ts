import { DeploymentScenario, PodScenario } from './types';

const NS = 'mlops-system';

const inference = (
  model: string,
  version: number,
  rest: Partial<DeploymentScenario> & { nodeGroup: string },
): DeploymentScenario => ({
  namespace: NS,
  name: `${model}-inference`,
  component: 'inference',
  replicas: 1,
  ready: 1,
  requests: { cpu: '500m', memory: '1Gi' },
  model: { name: model, version },
  ...rest,
});

const mlflow = (nodeGroup: string): DeploymentScenario => ({
  namespace: NS,
  name: 'mlflow',
  component: 'tracking',
  replicas: 1,
  ready: 1,
  nodeGroup,
  // Bytes without a suffix, as some charts write them.
  requests: { cpu: '250m', memory: '2147483648' },
});

const prometheus = (nodeGroup: string): DeploymentScenario => ({
  namespace: NS,
  name: 'prometheus-server',
  component: 'monitoring',
  replicas: 1,
  ready: 1,
  nodeGroup,
  requests: { cpu: '500m', memory: '2Gi' },
});

/**
 * What each demo environment runs in mlops-system. Inference Deployments say
 * which MLflow model version they serve (labels ml-platform/model-name,
 * ml-platform/model-version and env MODEL_URI=models:/<name>/<version>).
 */
export const demoDeployments: Record<string, DeploymentScenario[]> = {
  'ml-local': [
    inference('iris-classifier', 3, {
      nodeGroup: 'kind-worker',
      requests: { cpu: '100m', memory: '256Mi' },
    }),
    mlflow('kind-worker'),
  ],
  'ml-dev': [
    inference('fraud-detector', 5, {
      nodeGroup: 'system',
      requests: { cpu: '250m', memory: '512Mi' },
    }),
    inference('churn-predictor', 4, {
      nodeGroup: 'system',
      requests: { cpu: '250m', memory: '512Mi' },
    }),
    mlflow('system'),
  ],
  'ml-staging': [
    inference('fraud-detector', 5, {
      nodeGroup: 'system',
      replicas: 2,
      ready: 2,
    }),
    inference('churn-predictor', 3, {
      nodeGroup: 'system',
      replicas: 2,
      ready: 2,
      hpa: {
        minReplicas: 2,
        maxReplicas: 4,
        targetCpuUtilization: 70,
        currentCpuUtilization: 41,
      },
    }),
    mlflow('system'),
    prometheus('system'),
  ],
  'ml-prod': [
    inference('fraud-detector', 4, {
      nodeGroup: 'gpu',
      requests: { cpu: '1500m', memory: '6Gi', gpu: 1 },
      // The model downloader needs more CPU than the server itself.
      initRequests: { cpu: '2', memory: '1Gi' },
      hpa: {
        minReplicas: 1,
        maxReplicas: 2,
        targetCpuUtilization: 60,
        currentCpuUtilization: 48,
      },
    }),
    inference('churn-predictor', 2, {
      nodeGroup: 'ml',
      replicas: 3,
      ready: 3,
      hpa: {
        minReplicas: 2,
        maxReplicas: 6,
        targetCpuUtilization: 70,
        currentCpuUtilization: 55,
      },
    }),
    inference('demand-forecaster', 1, {
      nodeGroup: 'ml',
      replicas: 2,
      ready: 2,
      requests: { cpu: '1', memory: '3Gi' },
    }),
    mlflow('system'),
    prometheus('system'),
  ],
};

const GPU_WAIT =
  '0/10 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 2 node(s) had untolerated taint {workload: data}, 7 Insufficient nvidia.com/gpu. preemption: 0/10 nodes are available: 10 Preemption is not helpful for scheduling.';

/** Job pods: GPU training waiting for GPUs, a CPU backfill waiting for CPU, finished reports. */
export const demoJobPods: Record<string, PodScenario[]> = {
  'ml-prod': [
    {
      namespace: NS,
      name: 'demand-forecaster-train-8k2lp',
      phase: 'Pending',
      requests: { cpu: '3', memory: '12Gi', gpu: 2 },
      pendingMessage: GPU_WAIT,
    },
    {
      namespace: NS,
      name: 'demand-forecaster-train-q7xzt',
      phase: 'Pending',
      requests: { cpu: '3', memory: '12Gi', gpu: 2 },
      pendingMessage: GPU_WAIT,
    },
    {
      namespace: NS,
      name: 'churn-predictor-backfill-r2d4m',
      phase: 'Pending',
      requests: { cpu: '6', memory: '8Gi' },
      pendingMessage:
        '0/10 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 2 node(s) had untolerated taint {nvidia.com/gpu: true}, 2 node(s) had untolerated taint {workload: data}, 5 Insufficient cpu. preemption: 0/10 nodes are available: 10 Preemption is not helpful for scheduling.',
    },
    {
      namespace: NS,
      name: 'drift-report-29123400-abcde',
      phase: 'Succeeded',
      nodeGroup: 'system',
      requests: { cpu: '200m', memory: '256Mi' },
    },
    {
      namespace: NS,
      name: 'drift-report-29123460-fghij',
      phase: 'Failed',
      nodeGroup: 'system',
      requests: { cpu: '200m', memory: '256Mi' },
    },
  ],
};
