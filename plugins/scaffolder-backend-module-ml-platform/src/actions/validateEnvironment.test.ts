import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createValidateEnvironmentAction } from './validateEnvironment';

const environment = (name: string, cidr?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    annotations: (cidr ? { 'ml-platform/vpc-cidr': cidr } : {}) as Record<
      string,
      string
    >,
  },
  spec: { type: 'ml-environment', owner: 'group:default/ml-platform' },
});

const catalog = catalogServiceMock({
  entities: [
    environment('ml-prod', '10.0.0.0/16'),
    environment('ml-staging', '10.1.0.0/16'),
    environment('ml-local'),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'shared-db',
        annotations: { 'ml-platform/vpc-cidr': '10.50.0.0/16' },
      },
      spec: { type: 'database', owner: 'group:default/ml-platform' },
    },
  ],
});

const valid = {
  name: 'fraud-dev',
  project: 'fraud',
  owner: 'group:default/ml-platform',
  shape: 'eks',
  tier: 'dev',
  region: 'us-east-1',
  vpcCidr: '10.40.0.0/16',
  awsAccountId: '123456789012',
  stateBucket: 'acme-terraform-state',
  gpu: { min: 0, desired: 1, max: 4 },
};

function k3sRequest() {
  return {
    ...valid,
    shape: 'k3s',
    tier: undefined,
    gpu: undefined,
    size: 'medium',
    adminCidr: '203.0.113.0/24',
  };
}

async function run(input: Record<string, unknown>) {
  const action = createValidateEnvironmentAction({ catalog });
  const ctx = createMockActionContext({ input: input as any });
  await action.handler(ctx);
  return ctx;
}

describe('ml-platform:environment:validate', () => {
  it('accepts a valid request and reports how many environments it compared with', async () => {
    const ctx = await run(valid);
    expect(ctx.output).toHaveBeenCalledWith('name', 'fraud-dev');
    expect(ctx.output).toHaveBeenCalledWith('checkedAgainst', 2);
  });

  it('rejects a CIDR that overlaps an existing ml-environment and names it', async () => {
    await expect(run({ ...valid, vpcCidr: '10.1.128.0/17' })).rejects.toThrow(
      "VPC CIDR 10.1.128.0/17 overlaps 10.1.0.0/16 of environment 'ml-staging' (resource:default/ml-staging)",
    );
  });

  it('ignores CIDRs of resources that are not ml-environments', async () => {
    await expect(
      run({ ...valid, vpcCidr: '10.50.0.0/16' }),
    ).resolves.toBeDefined();
  });

  it('rejects a name that an environment already uses', async () => {
    await expect(
      run({ ...valid, name: 'ml-prod', vpcCidr: '10.99.0.0/16' }),
    ).rejects.toThrow("An environment named 'ml-prod' already exists");
  });

  it.each([
    [{ name: 'Fraud_Dev' }, 'Environment name must start with a letter'],
    [{ name: '../etc' }, 'Environment name must start with a letter'],
    [{ name: '1fraud' }, 'Environment name must start with a letter'],
    [{ name: 'fraud-detection-staging-eu-west' }, 'at most 29 characters'],
    [{ project: 'a"b' }, 'Project must be a DNS label'],
    [{ region: 'ap-south-1' }, 'Region must be one of us-east-1'],
    [{ vpcCidr: '10.40.0.0' }, 'VPC CIDR must look like 10.20.0.0/16'],
    [
      { vpcCidr: '10.40.0.1/16' },
      'has host bits set; did you mean 10.40.0.0/16?',
    ],
    [{ vpcCidr: '10.300.0.0/16' }, 'has an octet above 255'],
    [{ vpcCidr: '10.0.0.0/8' }, 'prefix between /16 and /19'],
    [
      { vpcCidr: '10.40.0.0/20' },
      "VPC CIDR '10.40.0.0/20' must have a prefix between /16 and /19 for an eks VPC: its subnets are 4 and 8 bits smaller, and load balancers need public subnets of /27 or larger",
    ],
    [
      { gpu: { min: 2, desired: 1, max: 4 } },
      'min <= desired <= max (got min 2, desired 1, max 4)',
    ],
    [{ gpu: { min: 0, desired: 5, max: 4 } }, 'min <= desired <= max'],
    [{ description: 'x: ${var.y}' }, 'Description may only hold'],
    [{ owner: 'group:default/a\nb' }, 'Owner must be an entity reference'],
    [{ tier: undefined }, 'An EKS environment needs a tier'],
    [{ adminCidr: '0.0.0.0/0"]' }, 'Admin CIDR must look like'],
    [{ awsAccountId: '1234' }, 'AWS account id must be 12 digits'],
    [{ stateBucket: 'Bucket"' }, 'must be an S3 bucket name'],
    [
      { hostedZoneId: 'z123"' },
      'Hosted zone id must look like Z0123456789ABCDEFGHIJ',
    ],
    [
      { domainName: 'ml.example.com\nx' },
      'Domain name must be a lowercase host name',
    ],
  ])('rejects %j with a clear message', async (change, message) => {
    await expect(run({ ...valid, ...change })).rejects.toThrow(message);
  });

  it('lists every problem at once', async () => {
    const error = await run({ ...valid, name: 'BAD', region: 'mars-1' }).catch(
      e => e,
    );
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'Environment name must start with a letter',
    );
    expect(error.message).toContain('Region must be one of');
  });

  it('needs no CIDR for a local kind environment', async () => {
    const ctx = await run({
      name: 'laptop',
      project: 'fraud',
      owner: 'user:jane',
      shape: 'kind',
    });
    expect(ctx.output).toHaveBeenCalledWith('checkedAgainst', 0);
  });

  it('ignores unset GPU fields and fields of another shape (the form keeps them when the shape changes)', async () => {
    const ctx = await run({
      name: 'laptop',
      project: 'fraud',
      owner: 'user:jane',
      shape: 'kind',
      tier: 'prod',
      size: 'large',
      gpu: { min: undefined, desired: undefined, max: undefined },
    });
    expect(ctx.output).toHaveBeenCalledWith('name', 'laptop');
    await expect(
      run({ ...k3sRequest(), gpu: { min: 3, desired: 1, max: 2 } }),
    ).resolves.toBeDefined();
  });

  const k3s = k3sRequest();

  it.each(['small', 'medium', 'large'])(
    'accepts size %s for k3s and ECS',
    async size => {
      await expect(run({ ...k3s, size })).resolves.toBeDefined();
      await expect(
        run({
          ...k3s,
          shape: 'ecs',
          size,
          adminCidr: undefined,
          domainName: 'ml.example.com',
          hostedZoneId: 'Z0123456789ABCDEFGHIJ',
        }),
      ).resolves.toBeDefined();
    },
  );

  it('lets k3s, whose one subnet is the whole VPC, use a VPC down to /28 and no smaller', async () => {
    await expect(
      run({ ...k3s, vpcCidr: '10.60.0.0/28' }),
    ).resolves.toBeDefined();
    await expect(run({ ...k3s, vpcCidr: '10.60.0.0/29' })).rejects.toThrow(
      "VPC CIDR '10.60.0.0/29' must have a prefix between /16 and /28 for a k3s VPC",
    );
    await expect(
      run({
        ...k3s,
        shape: 'ecs',
        vpcCidr: '10.60.0.0/24',
        domainName: 'ml.example.com',
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      }),
    ).rejects.toThrow('between /16 and /19 for an ecs VPC');
  });

  it.each([
    ['300.1.1.1/40', "Admin CIDR '300.1.1.1/40' has an octet above 255"],
    [
      '0.0.0.0/0',
      "Admin CIDR '0.0.0.0/0' must have a prefix between /8 and /32 for the admin range: it is the only range that reaches MLflow (no authentication) and the k3s API",
    ],
    ['10.0.0.0/7', 'must have a prefix between /8 and /32'],
    ['203.0.113.7/24', 'has host bits set; did you mean 203.0.113.0/24?'],
  ])('rejects the admin CIDR %s', async (adminCidr, message) => {
    await expect(run({ ...k3s, adminCidr })).rejects.toThrow(message);
  });

  it('accepts a single admin address', async () => {
    await expect(
      run({ ...k3s, adminCidr: '203.0.113.7/32' }),
    ).resolves.toBeDefined();
  });

  it.each([
    [{ size: 'huge' }, 'Size must be one of small, medium, large'],
    [{ size: undefined }, 'A k3s environment needs a size'],
    [{ adminCidr: undefined }, 'A k3s environment needs an admin CIDR'],
    [{ region: undefined }, 'A k3s environment needs a region'],
    [{ awsAccountId: undefined }, 'A k3s environment needs an AWS account id'],
    [
      { shape: 'ecs', domainName: undefined },
      'A ecs environment needs a domain name',
    ],
    [
      { shape: 'ecs', domainName: 'ml.example.com' },
      'An ecs environment needs the Route 53 hosted zone id of ml.example.com',
    ],
    [
      { shape: 'eks', tier: 'prod', domainName: 'ml.example.com' },
      'An eks prod environment needs the Route 53 hosted zone id of ml.example.com',
    ],
    [{ shape: 'eks', tier: undefined }, 'An EKS environment needs a tier'],
  ])('rejects the shape-specific gap %j', async (change, message) => {
    await expect(run({ ...k3s, ...change })).rejects.toThrow(message);
  });
});
