import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { EnvironmentSizing } from '../environment/sizing';
import { PRICE_TABLE } from '../pricing/awsPrices';
import { estimateMonthlyCost } from '../pricing/estimate';
import { createEstimateCostAction } from './estimateCost';

async function estimate(input: Record<string, unknown>) {
  const ctx = createMockActionContext({ input: input as any });
  await createEstimateCostAction().handler(ctx);
  const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  return outputs as Record<string, any>;
}

describe('ml-platform:cost:estimate', () => {
  it('prices an EKS dev environment item by item from the price table', async () => {
    const out = await estimate({
      shape: 'eks',
      tier: 'dev',
      region: 'us-east-1',
      gpu: { min: 0, desired: 0, max: 5 },
    });
    // 730 h: EKS 0.10 -> 73, 2 x t3.medium 0.0416 -> 60.74, db.t3.micro 0.018 -> 13.14, 1 NAT 0.045 -> 32.85
    expect(out.lineItems).toEqual([
      {
        item: 'EKS control plane (Kubernetes 1.35, standard support)',
        quantity: 1,
        monthly: 73,
        status: 'sourced',
      },
      {
        item: 'system nodes (t3.medium)',
        quantity: 2,
        monthly: 60.74,
        status: 'sourced',
      },
      {
        item: 'RDS PostgreSQL db.t3.micro',
        quantity: 1,
        monthly: 13.14,
        status: 'derived',
      },
      { item: 'NAT gateways', quantity: 1, monthly: 32.85, status: 'sourced' },
    ]);
    expect(out.monthlyEstimate).toBe(180);
    expect(out.summary).toBe(
      'About 180 USD/month (us-east-1 on-demand prices of 2026-11-23)',
    );
    expect(out.priceTable.date).toBe('2026-11-23');
  });

  it('grows with the tier and with desired GPU nodes', async () => {
    const dev = await estimate({
      shape: 'eks',
      tier: 'dev',
      region: 'us-east-1',
    });
    const staging = await estimate({
      shape: 'eks',
      tier: 'staging',
      region: 'us-east-1',
    });
    const prod = await estimate({
      shape: 'eks',
      tier: 'prod',
      region: 'us-east-1',
    });
    const prodGpu = await estimate({
      shape: 'eks',
      tier: 'prod',
      region: 'us-east-1',
      gpu: { min: 0, desired: 2, max: 5 },
    });
    expect(dev.monthlyEstimate).toBeLessThan(staging.monthlyEstimate);
    expect(staging.monthlyEstimate).toBeLessThan(prod.monthlyEstimate);
    // two g4dn.xlarge at 0.526/h for 730 h
    expect(prodGpu.monthlyEstimate - prod.monthlyEstimate).toBeCloseTo(
      767.96,
      -1,
    );
  });

  it('renders a Kubernetes version in standard support on the price date, and would price extended support past it', async () => {
    const out = await estimate({
      shape: 'eks',
      tier: 'dev',
      region: 'us-east-1',
    });
    expect(out.sizing.kubernetes.version).toBe('1.35');
    expect(out.sizing.kubernetes.standardSupportEnds > PRICE_TABLE.date).toBe(
      true,
    );
    const lapsed = estimateMonthlyCost(
      {
        ...out.sizing,
        kubernetes: { version: '1.31', standardSupportEnds: '2025-11-26' },
      } as EnvironmentSizing,
      'us-east-1',
    );
    // 0.10 standard + 0.50 extended support per cluster hour, 730 h
    expect(lapsed.lineItems[0]).toEqual({
      item: 'EKS control plane (Kubernetes 1.31, extended support)',
      quantity: 1,
      monthly: 438,
      status: 'sourced',
    });
  });

  it('prices Multi-AZ RDS twice and flags the unverified db.r6g.large price', async () => {
    const prod = await estimate({
      shape: 'eks',
      tier: 'prod',
      region: 'us-east-1',
    });
    expect(prod.lineItems).toContainEqual({
      item: 'RDS PostgreSQL db.r6g.large Multi-AZ',
      quantity: 2,
      monthly: 379.6,
      status: 'unverified',
    });
    expect(prod.notes.join(' ')).toContain('unverified');
  });

  it('says when the region is not the one of the price table', async () => {
    const out = await estimate({ shape: 'k3s', region: 'eu-west-1' });
    expect(out.notes).toContain(
      'Priced with us-east-1 prices; eu-west-1 may differ.',
    );
    expect(out.monthlyEstimate).toBe(30);
  });

  it('prices a kind environment at zero and ECS with Fargate, RDS, ALB and NAT', async () => {
    expect(
      (await estimate({ shape: 'kind', region: 'us-east-1' })).monthlyEstimate,
    ).toBe(0);
    const ecs = await estimate({ shape: 'ecs', region: 'us-east-1' });
    expect(ecs.lineItems.map((i: any) => i.item)).toEqual([
      'RDS PostgreSQL db.t3.micro',
      'NAT gateways',
      'Application Load Balancer',
      'Fargate vCPU, inference-api (2 tasks)',
      'Fargate memory GiB, inference-api (2 tasks)',
      'Fargate vCPU, mlflow (1 task)',
      'Fargate memory GiB, mlflow (1 task)',
    ]);
  });

  it('hands the priced sizing to the templates', async () => {
    const out = await estimate({
      shape: 'eks',
      tier: 'prod',
      region: 'us-east-1',
    });
    expect(out.sizing.nodeGroups.map((g: any) => g.name)).toEqual([
      'system',
      'data',
      'ml',
      'gpu',
    ]);
    expect(out.sizing.database.deletionProtection).toBe(true);
  });

  it('rejects GPU sizing that is out of order', async () => {
    await expect(
      estimate({
        shape: 'eks',
        tier: 'dev',
        region: 'us-east-1',
        gpu: { min: 3, desired: 1, max: 5 },
      }),
    ).rejects.toThrow('min <= desired <= max');
  });

  it.each([
    ['small', 't3.medium'],
    ['medium', 'm5.xlarge'],
    ['large', 'm5.2xlarge'],
  ] as const)(
    'prices the k3s host of size %s as %s',
    async (size, instanceType) => {
      const out = await estimate({ shape: 'k3s', size, region: 'us-east-1' });
      expect(out.sizing.size).toBe(size);
      expect(out.sizing.nodeGroups[0].instanceTypes).toEqual([instanceType]);
      const hourly = PRICE_TABLE.prices[`ec2:${instanceType}`].hourly;
      expect(out.monthlyEstimate).toBe(
        Math.round(hourly * PRICE_TABLE.hoursPerMonth),
      );
    },
  );

  it('sizes ECS tasks by size and the estimate grows with them', async () => {
    const [small, medium, large] = await Promise.all(
      ['small', 'medium', 'large'].map(size =>
        estimate({ shape: 'ecs', size, region: 'us-east-1' }),
      ),
    );
    expect(large.sizing.fargate).toEqual({
      tasks: 4,
      mlflowTasks: 1,
      vcpu: 2,
      memoryGiB: 4,
    });
    expect(
      large.lineItems.find((i: any) => i.item.startsWith('Fargate vCPU')),
    ).toMatchObject({ quantity: 8 });
    expect(small.monthlyEstimate).toBeLessThan(medium.monthlyEstimate);
    expect(medium.monthlyEstimate).toBeLessThan(large.monthlyEstimate);
  });

  it('rejects an unknown size and ignores GPU fields a non-EKS shape leaves unset', async () => {
    await expect(
      estimate({ shape: 'ecs', size: 'huge', region: 'us-east-1' }),
    ).rejects.toThrow();
    const out = await estimate({
      shape: 'k3s',
      size: 'small',
      region: 'us-east-1',
      gpu: { min: undefined, desired: undefined, max: undefined },
    });
    expect(out.sizing.nodeGroups).toHaveLength(1);
  });
});
