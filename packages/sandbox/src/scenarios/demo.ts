import { demoDeployments, demoJobPods } from './demoWorkloads';
import { Scenario } from './types';

const system = (
  count: number,
  instanceType: string,
  cpu: number,
  memoryGiB: number,
) => ({
  name: 'system',
  instanceType,
  count,
  cpu,
  memoryGiB,
});

const classifierMetrics = (accuracy: number, f1: number) => ({
  accuracy: { first: accuracy, perVersion: 0.004 },
  f1: { first: f1, perVersion: 0.005 },
});
const forecasterMetrics = { rmse: { first: 42.5, perVersion: -1.8 } };
const owner = { team: 'ml-platform' };

/**
 * The demo: the four tiers of the platform matrix (shared/DESIGN.md), sized
 * as the templates size them, so the portal shows what a real team would see.
 */
export const demoScenario: Scenario = {
  environments: [
    {
      name: 'ml-local',
      cluster: {
        kubernetesVersion: 'v1.29.2',
        nodeGroups: [
          {
            name: 'kind-control-plane',
            instanceType: 'kind',
            count: 1,
            cpu: 4,
            memoryGiB: 8,
          },
          {
            name: 'kind-worker',
            instanceType: 'kind',
            count: 2,
            cpu: 4,
            memoryGiB: 8,
          },
        ],
        deployments: demoDeployments['ml-local'],
        pods: demoJobPods['ml-local'],
      },
      models: [
        {
          name: 'iris-classifier',
          description: 'Tutorial classifier for the local quick-start',
          versions: 3,
          aliases: { champion: 3 },
          metrics: classifierMetrics(0.93, 0.92),
        },
      ],
    },
    {
      name: 'ml-dev',
      cluster: {
        kubernetesVersion: 'v1.28.15-eks-7f9249a',
        nodeGroups: [system(2, 't3.medium', 1.93, 3.3)],
        deployments: demoDeployments['ml-dev'],
        pods: demoJobPods['ml-dev'],
      },
      // dev: alias-based, many experimental versions, one failed registration
      models: [
        {
          name: 'fraud-detector',
          description: 'Card transaction fraud scoring (XGBoost)',
          versions: 24,
          aliases: { champion: 5, challenger: 24 },
          failedVersions: [23],
          deletedRuns: [3],
          metrics: classifierMetrics(0.86, 0.71),
          tags: owner,
        },
        {
          name: 'churn-predictor',
          description: 'Monthly subscriber churn propensity',
          versions: 8,
          aliases: { champion: 4, challenger: 8 },
          metrics: classifierMetrics(0.79, 0.64),
          tags: owner,
        },
        {
          name: 'demand-forecaster',
          description: 'Daily demand forecast per region (Prophet)',
          versions: 5,
          aliases: { champion: 5 },
          metrics: forecasterMetrics,
          tags: owner,
        },
      ],
      cost: {
        tagKey: 'Environment',
        tagValue: 'dev',
        dailyByService: {
          'Amazon Elastic Compute Cloud - Compute': 2.4,
          'Amazon Elastic Container Service for Kubernetes': 3.33,
          'Amazon Relational Database Service': 0.55,
          'EC2 - Other': 1.6,
          'Amazon Simple Storage Service': 0.3,
        },
        ec2InstanceShares: { 't3.medium': 1 },
      },
    },
    {
      name: 'ml-staging',
      cluster: {
        kubernetesVersion: 'v1.29.10-eks-94953ac',
        nodeGroups: [
          system(3, 'm5.large', 1.93, 7.1),
          {
            name: 'data',
            instanceType: 'c5.xlarge',
            count: 2,
            cpu: 3.92,
            memoryGiB: 6.8,
            taints: [{ key: 'workload', value: 'data', effect: 'NoSchedule' }],
          },
        ],
        deployments: demoDeployments['ml-staging'],
        pods: demoJobPods['ml-staging'],
      },
      // staging: a stage-based registry (Production/Staging/Archived), no aliases
      models: [
        {
          name: 'fraud-detector',
          description: 'Card transaction fraud scoring (XGBoost)',
          versions: 6,
          stages: {
            1: 'Archived',
            2: 'Archived',
            3: 'Archived',
            4: 'Archived',
            5: 'Production',
            6: 'Staging',
          },
          metrics: classifierMetrics(0.9, 0.76),
          tags: owner,
        },
        {
          name: 'churn-predictor',
          description: 'Monthly subscriber churn propensity',
          versions: 4,
          stages: {
            1: 'Archived',
            2: 'Archived',
            3: 'Archived',
            4: 'Production',
          },
          metrics: classifierMetrics(0.8, 0.66),
          tags: owner,
        },
        {
          name: 'demand-forecaster',
          description: 'Daily demand forecast per region (Prophet)',
          versions: 2,
          stages: { 1: 'Archived', 2: 'Production' },
          metrics: forecasterMetrics,
          tags: owner,
        },
      ],
      cost: {
        tagKey: 'Environment',
        tagValue: 'staging',
        dailyByService: {
          'Amazon Elastic Compute Cloud - Compute': 14.2,
          'Amazon Elastic Container Service for Kubernetes': 3.33,
          'Amazon Relational Database Service': 1.1,
          'Amazon ElastiCache': 0.82,
          'EC2 - Other': 4.9,
          'Amazon Simple Storage Service': 0.9,
        },
        ec2InstanceShares: { 'm5.large': 0.55, 'c5.xlarge': 0.45 },
      },
    },
    {
      name: 'ml-prod',
      cluster: {
        kubernetesVersion: 'v1.29.10-eks-94953ac',
        nodeGroups: [
          system(3, 'm5.large', 1.93, 7.1),
          {
            name: 'data',
            instanceType: 'c5.2xlarge',
            count: 2,
            cpu: 7.91,
            memoryGiB: 14.5,
            taints: [{ key: 'workload', value: 'data', effect: 'NoSchedule' }],
          },
          {
            name: 'ml',
            instanceType: 'm5.xlarge',
            count: 2,
            cpu: 3.92,
            memoryGiB: 14.8,
          },
          {
            name: 'gpu',
            instanceType: 'g4dn.xlarge',
            count: 3,
            cpu: 3.92,
            memoryGiB: 14.8,
            gpus: { count: 1, product: 'Tesla-T4', memoryMiB: 15360 },
            taints: [
              { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' },
            ],
            notReady: 1,
          },
        ],
        deployments: demoDeployments['ml-prod'],
        pods: demoJobPods['ml-prod'],
      },
      // prod: alias-based; demand-forecaster's champion 2 waits to be rolled out
      models: [
        {
          name: 'fraud-detector',
          description: 'Card transaction fraud scoring (XGBoost)',
          versions: 4,
          aliases: { champion: 4 },
          metrics: classifierMetrics(0.91, 0.78),
          tags: owner,
        },
        {
          name: 'churn-predictor',
          description: 'Monthly subscriber churn propensity',
          versions: 3,
          aliases: { champion: 2, challenger: 3 },
          metrics: classifierMetrics(0.81, 0.67),
          tags: owner,
        },
        {
          name: 'demand-forecaster',
          description: 'Daily demand forecast per region (Prophet)',
          versions: 2,
          aliases: { champion: 2 },
          metrics: forecasterMetrics,
          tags: owner,
        },
      ],
      cost: {
        tagKey: 'Environment',
        tagValue: 'prod',
        dailyByService: {
          'Amazon Elastic Compute Cloud - Compute': 140.5,
          'Amazon Elastic Container Service for Kubernetes': 3.33,
          'Amazon Relational Database Service': 11.6,
          'Amazon ElastiCache': 7.3,
          'EC2 - Other': 14.8,
          'Elastic Load Balancing': 2.1,
          'Amazon Simple Storage Service': 4.2,
        },
        // GPU nodes dominate production spend.
        ec2InstanceShares: {
          'g4dn.xlarge': 0.68,
          'm5.xlarge': 0.12,
          'c5.2xlarge': 0.12,
          'm5.large': 0.08,
        },
      },
    },
  ],
};
