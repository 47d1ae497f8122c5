import { EnvironmentSizing } from '../environment/sizing';
import { PRICE_TABLE, PriceEntry, PriceKey } from './awsPrices';

export interface CostLineItem {
  item: string;
  quantity: number;
  monthly: number;
  status: PriceEntry['status'];
}

export interface CostEstimate {
  monthlyEstimate: number;
  currency: string;
  lineItems: CostLineItem[];
  priceTable: { region: string; date: string; source: string };
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Monthly on-demand cost of the always-on part of an environment: node groups
 * at their desired size, control plane, database, cache, NAT and load
 * balancer. Usage-based charges (traffic, storage, requests) are left out and
 * said so in the notes.
 */
export function estimateMonthlyCost(
  sizing: EnvironmentSizing,
  region: string,
): CostEstimate {
  const lineItems: CostLineItem[] = [];
  const add = (item: string, key: PriceKey, quantity: number) => {
    if (quantity <= 0) return;
    const price: PriceEntry = PRICE_TABLE.prices[key];
    lineItems.push({
      item,
      quantity,
      monthly: round2(price.hourly * quantity * PRICE_TABLE.hoursPerMonth),
      status: price.status,
    });
  };

  if (sizing.eksControlPlane && sizing.kubernetes) {
    const { version, standardSupportEnds } = sizing.kubernetes;
    const extended = PRICE_TABLE.date > standardSupportEnds;
    add(
      `EKS control plane (Kubernetes ${version}, ${
        extended ? 'extended' : 'standard'
      } support)`,
      extended ? 'eks-cluster-extended' : 'eks-cluster',
      1,
    );
  }
  for (const group of sizing.nodeGroups) {
    // Mixed-instance groups are priced at their first (smallest) type.
    const type = group.instanceTypes[0];
    add(
      `${group.name} nodes (${type})`,
      `ec2:${type}` as PriceKey,
      group.desired,
    );
  }
  if (sizing.database) {
    const { instanceClass, multiAz } = sizing.database;
    add(
      `RDS PostgreSQL ${instanceClass}${multiAz ? ' Multi-AZ' : ''}`,
      `rds-postgres:${instanceClass}` as PriceKey,
      multiAz ? 2 : 1,
    );
  }
  if (sizing.cache) {
    add(
      `ElastiCache ${sizing.cache.nodeType}`,
      `elasticache-redis:${sizing.cache.nodeType}` as PriceKey,
      sizing.cache.nodes,
    );
  }
  add('NAT gateways', 'nat-gateway', sizing.natGateways);
  if (sizing.loadBalancer) add('Application Load Balancer', 'alb', 1);
  if (sizing.fargate) {
    // Every service the ECS Terraform runs, at the task size they share.
    const { tasks, mlflowTasks, vcpu, memoryGiB } = sizing.fargate;
    for (const [service, count] of [
      ['inference-api', tasks],
      ['mlflow', mlflowTasks],
    ] as const) {
      const label = `${service} (${count} task${count === 1 ? '' : 's'})`;
      add(`Fargate vCPU, ${label}`, 'fargate:vcpu', count * vcpu);
      add(`Fargate memory GiB, ${label}`, 'fargate:gib', count * memoryGiB);
    }
  }

  const notes = [
    'On-demand prices; usage-based charges (data transfer, NAT/ALB processing, storage, requests) are not included.',
  ];
  if (region !== PRICE_TABLE.region) {
    notes.push(
      `Priced with ${PRICE_TABLE.region} prices; ${region} may differ.`,
    );
  }
  if (lineItems.some(i => i.status === 'unverified')) {
    notes.push(
      'Some prices are unverified (marked in the line items); treat the total as approximate.',
    );
  }
  if (sizing.shape === 'kind') {
    notes.push(
      'A local kind environment runs on your machine and has no cloud cost.',
    );
  }
  return {
    monthlyEstimate: Math.round(
      lineItems.reduce((sum, i) => sum + i.monthly, 0),
    ),
    currency: PRICE_TABLE.currency,
    lineItems,
    priceTable: {
      region: PRICE_TABLE.region,
      date: PRICE_TABLE.date,
      source: PRICE_TABLE.source,
    },
    notes,
  };
}
