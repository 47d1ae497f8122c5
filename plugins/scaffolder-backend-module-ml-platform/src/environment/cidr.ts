import { CIDR_PATTERN } from './request';

/** An IPv4 range as numbers, so overlap is arithmetic rather than string work. */
export interface Ipv4Range {
  cidr: string;
  first: number;
  last: number;
}

/**
 * Parses an IPv4 CIDR and returns its range, or an error message naming what
 * is wrong. The VPC sizes AWS accepts are /16 to /28.
 */
export function parseCidr(cidr: string): Ipv4Range | { error: string } {
  const match = CIDR_PATTERN.exec(cidr);
  if (!match) {
    return { error: `'${cidr}' is not an IPv4 CIDR such as 10.20.0.0/16` };
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some(o => o > 255)) {
    return { error: `'${cidr}' has an octet above 255` };
  }
  if (prefix < 16 || prefix > 28) {
    return {
      error: `'${cidr}' must have a prefix between /16 and /28 (AWS VPC limits)`,
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
