/** A dotted-quad IPv4 CIDR; the range itself is checked by parseCidr. */
export const CIDR_PATTERN =
  /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** An IPv4 range as numbers, so overlap is arithmetic rather than string work. */
export interface Ipv4Range {
  cidr: string;
  first: number;
  last: number;
}

/** The prefix lengths a range may have, for what, and why (said in the error). */
export interface PrefixLimits {
  min: number;
  max: number;
  what?: string;
  why?: string;
}

/** Any syntactically valid IPv4 CIDR (for ranges other environments recorded). */
export const ANY_PREFIX: PrefixLimits = { min: 0, max: 32 };

/**
 * VPC sizes per shape. EKS and ECS carve private subnets 4 bits and public and
 * database subnets 8 bits smaller than the VPC (aws-vpc/network.tf), and an ALB
 * needs public subnets of at least /27: /19 is the smallest VPC that works.
 * The k3s VPC is one subnet as large as the VPC, within AWS' /16 to /28.
 */
export const VPC_PREFIX_LIMITS: Record<'eks' | 'ecs' | 'k3s', PrefixLimits> = {
  eks: {
    min: 16,
    max: 19,
    what: 'an eks VPC',
    why: 'its subnets are 4 and 8 bits smaller, and load balancers need public subnets of /27 or larger',
  },
  ecs: {
    min: 16,
    max: 19,
    what: 'an ecs VPC',
    why: 'its subnets are 4 and 8 bits smaller, and load balancers need public subnets of /27 or larger',
  },
  k3s: {
    min: 16,
    max: 28,
    what: 'a k3s VPC',
    why: 'its one subnet is the whole VPC, and AWS VPCs are /16 to /28',
  },
};

/**
 * The range that alone may reach the k3s API and MLflow: never the whole
 * internet, nor a range so large it nearly is.
 */
export const ADMIN_PREFIX_LIMITS: PrefixLimits = {
  min: 8,
  max: 32,
  what: 'the admin range',
  why: 'it is the only range that reaches MLflow (no authentication) and the k3s API',
};

/**
 * Parses an IPv4 CIDR and returns its range, or an error message naming what
 * is wrong: syntax, octets, prefix outside `limits`, host bits.
 */
export function parseCidr(
  cidr: string,
  limits: PrefixLimits,
): Ipv4Range | { error: string } {
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) {
    return { error: `'${cidr}' is not an IPv4 CIDR such as 10.20.0.0/16` };
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some(o => o > 255)) {
    return { error: `'${cidr}' has an octet above 255` };
  }
  if (prefix < limits.min || prefix > limits.max) {
    return {
      error: `'${cidr}' must have a prefix between /${limits.min} and /${
        limits.max
      }${limits.what ? ` for ${limits.what}` : ''}${
        limits.why ? `: ${limits.why}` : ''
      }`,
    };
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) {
    const base = address - (address % size);
    return {
      error: `'${cidr}' has host bits set; did you mean ${formatIpv4(
        base,
      )}/${prefix}?`,
    };
  }
  return { cidr, first: address, last: address + size - 1 };
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0]
    .map(shift => Math.floor(address / 2 ** shift) % 256)
    .join('.');
}

export function rangesOverlap(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}
