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
      },
      models: [
        { name: 'iris-classifier', versions: 3, aliases: { champion: 3 } },
      ],
    },
    {
      name: 'ml-dev',
      cluster: {
        kubernetesVersion: 'v1.28.15-eks-7f9249a',
        nodeGroups: [system(2, 't3.medium', 1.93, 3.3)],
      },
      models: [
        {
          name: 'fraud-detector',
          versions: 6,
          aliases: { champion: 5, challenger: 6 },
        },
        { name: 'churn-predictor', versions: 4, aliases: { champion: 4 } },
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
      },
      models: [
        { name: 'fraud-detector', versions: 5, aliases: { champion: 5 } },
        { name: 'churn-predictor', versions: 4, aliases: { champion: 3 } },
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
      },
      models: [
        { name: 'fraud-detector', versions: 4, aliases: { champion: 4 } },
        { name: 'churn-predictor', versions: 3, aliases: { champion: 2 } },
        { name: 'demand-forecaster', versions: 2, aliases: { champion: 2 } },
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
