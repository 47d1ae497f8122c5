/**
 * On-demand prices the cost estimate uses, us-east-1, USD per hour.
 * Copied from shared/aws-prices.md (facts gathered 2026-11-23); refresh from
 * the AWS Price List API before trusting an estimate.
 */
export interface PriceEntry {
  hourly: number;
  /** `unverified` prices are shown as such on the result page. */
  status: 'sourced' | 'derived' | 'secondary' | 'unverified';
  source: string;
}

export const PRICE_TABLE = {
  region: 'us-east-1',
  currency: 'USD',
  date: '2026-11-23',
  hoursPerMonth: 730,
  source:
    'shared/aws-prices.md: Karpenter generated pricing (EC2), Infracost golden files (RDS, NAT, EKS, ALB), AWS Price List API via a secondary source (ElastiCache)',
  prices: {
    'ec2:t3.medium': { hourly: 0.0416, status: 'sourced', source: 'P1' },
    'ec2:m5.large': { hourly: 0.096, status: 'sourced', source: 'P1' },
    'ec2:m5.xlarge': { hourly: 0.192, status: 'sourced', source: 'P1' },
    'ec2:m5.2xlarge': { hourly: 0.384, status: 'sourced', source: 'P1' },
    'ec2:c5.xlarge': { hourly: 0.17, status: 'sourced', source: 'P1' },
    'ec2:c5.2xlarge': { hourly: 0.34, status: 'sourced', source: 'P1' },
    'ec2:g4dn.xlarge': { hourly: 0.526, status: 'sourced', source: 'P1' },
    'rds-postgres:db.t3.micro': {
      hourly: 0.018,
      status: 'derived',
      source: 'P2, P3',
    },
    'rds-postgres:db.t3.small': {
      hourly: 0.036,
      status: 'derived',
      source: 'P2',
    },
    // Third-party tables disagree (0.192-0.26); the upper bound keeps the estimate conservative.
    'rds-postgres:db.r6g.large': {
      hourly: 0.26,
      status: 'unverified',
      source: 'none (range 0.192-0.26)',
    },
    'elasticache-redis:cache.t3.small': {
      hourly: 0.034,
      status: 'secondary',
      source: 'P4',
    },
    'elasticache-redis:cache.r6g.large': {
      hourly: 0.206,
      status: 'secondary',
      source: 'P4',
    },
    'nat-gateway': { hourly: 0.045, status: 'sourced', source: 'P5' },
    'eks-cluster': { hourly: 0.1, status: 'sourced', source: 'P6, P7' },
    // A version past standard support costs 0.60 per cluster hour in total.
    'eks-cluster-extended': { hourly: 0.6, status: 'sourced', source: 'P7' },
    alb: { hourly: 0.0225, status: 'sourced', source: 'P8' },
    // Not in shared/aws-prices.md: the AWS Fargate pricing page (Linux/x86), not re-checked from here.
    'fargate:vcpu': {
      hourly: 0.04048,
      status: 'unverified',
      source: 'AWS Fargate pricing page',
    },
    'fargate:gib': {
      hourly: 0.004445,
      status: 'unverified',
      source: 'AWS Fargate pricing page',
    },
  } satisfies Record<string, PriceEntry>,
};

export type PriceKey = keyof typeof PRICE_TABLE.prices;
