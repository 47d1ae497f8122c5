import { CostScenario } from '../scenarios/types';

export const DAY_MS = 86_400_000;
export const EC2_COMPUTE = 'Amazon Elastic Compute Cloud - Compute';

/** A deterministic daily wobble, so trends look real and tests stay exact. */
export function dailyAmount(base: number, day: number, key: string): number {
  const phase = key.length % 7;
  return (
    Math.round(base * (1 + 0.12 * Math.sin((day + phase) / 3)) * 100) / 100
  );
}

export function parseDate(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Expression = {
  And?: Expression[];
  Or?: Expression[];
  Not?: Expression;
  Tags?: { Key?: string; Values?: string[] };
  Dimensions?: { Key?: string; Values?: string[] };
};

/**
 * Evaluates a Cost Explorer filter expression (Tags, SERVICE dimension,
 * And/Or/Not) against one environment and one service.
 */
export function matchesFilter(
  filter: Expression | undefined,
  cost: CostScenario,
  service: string,
): boolean {
  if (!filter) {
    return true;
  }
  if (filter.And) {
    return filter.And.every(f => matchesFilter(f, cost, service));
  }
  if (filter.Or) {
    return filter.Or.some(f => matchesFilter(f, cost, service));
  }
  if (filter.Not) {
    return !matchesFilter(filter.Not, cost, service);
  }
  if (filter.Tags) {
    return (
      filter.Tags.Key === cost.tagKey &&
      (filter.Tags.Values ?? []).includes(cost.tagValue)
    );
  }
  if (filter.Dimensions?.Key === 'SERVICE') {
    return (filter.Dimensions.Values ?? []).includes(service);
  }
  return true;
}

/**
 * Spend of one environment on one day, keyed by the GroupBy dimension:
 * SERVICE, or INSTANCE_TYPE (EC2 compute split by the scenario's shares).
 */
export function dayAmounts(
  cost: CostScenario,
  dayIndex: number,
  groupBy: 'SERVICE' | 'INSTANCE_TYPE',
  filter: Expression | undefined,
): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const [service, base] of Object.entries(cost.dailyByService)) {
    if (!matchesFilter(filter, cost, service)) {
      continue;
    }
    const amount = dailyAmount(base, dayIndex, service);
    if (groupBy === 'SERVICE') {
      amounts.set(service, amount);
    } else if (service === EC2_COMPUTE) {
      const shares = cost.ec2InstanceShares ?? { 't3.medium': 1 };
      for (const [type, share] of Object.entries(shares)) {
        amounts.set(type, Math.round(amount * share * 100) / 100);
      }
    } else {
      amounts.set(
        'NoInstanceType',
        (amounts.get('NoInstanceType') ?? 0) + amount,
      );
    }
  }
  return amounts;
}
