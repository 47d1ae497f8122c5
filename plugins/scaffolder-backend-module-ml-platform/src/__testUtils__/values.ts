/** The one Template entity in templates/ml-environment/template.yaml. */
export const TEMPLATE_NAME = 'ml-environment';

/** Form values a user would submit, per shape; tests and the bench start from these. */
export const SAMPLE_VALUES: Record<
  'eks' | 'kind' | 'k3s' | 'ecs',
  Record<string, unknown>
> = {
  eks: {
    shape: 'eks',
    name: 'fraud-dev',
    project: 'fraud',
    owner: 'group:default/ml-platform',
    description: 'Fraud detection (dev)',
    tier: 'dev',
    region: 'us-east-1',
    vpcCidr: '10.40.0.0/16',
    awsAccountId: '123456789012',
    stateBucket: 'acme-terraform-state',
    domainName: 'fraud.ml.example.com',
    hostedZoneId: 'Z0123456789ABCDEFGHIJ',
    gpuMin: 0,
    gpuDesired: 1,
    gpuMax: 4,
    repoUrl: 'github.com?owner=acme&repo=fraud-dev',
  },
  kind: {
    shape: 'kind',
    name: 'fraud-local',
    project: 'fraud',
    owner: 'group:default/ml-platform',
    description: 'Laptop environment',
    repoUrl: 'github.com?owner=acme&repo=fraud-local',
  },
  k3s: {
    shape: 'k3s',
    name: 'fraud-k3s',
    project: 'fraud',
    owner: 'group:default/ml-platform',
    description: 'Single-node k3s',
    region: 'eu-west-1',
    vpcCidr: '10.60.0.0/24',
    adminCidr: '203.0.113.0/24',
    size: 'small',
    awsAccountId: '123456789012',
    stateBucket: 'acme-terraform-state',
    repoUrl: 'github.com?owner=acme&repo=fraud-k3s',
  },
  ecs: {
    shape: 'ecs',
    name: 'fraud-ecs',
    project: 'fraud',
    owner: 'group:default/ml-platform',
    description: 'ECS Fargate service with MLflow',
    region: 'us-west-2',
    vpcCidr: '10.70.0.0/19',
    awsAccountId: '123456789012',
    stateBucket: 'acme-terraform-state',
    domainName: 'fraud.ml.example.com',
    hostedZoneId: 'Z0123456789ABCDEFGHIJ',
    size: 'small',
    repoUrl: 'github.com?owner=acme&repo=fraud-ecs',
  },
};
