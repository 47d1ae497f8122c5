import fc from 'fast-check';
import { EnvironmentShape } from '../environment/request';

/** A form submission of one shape: its field values as strings. */
export type ShapeRequest = Record<string, string> & { shape: EnvironmentShape };

/** Strings that try to leave an HCL string, a YAML scalar or a folder. */
export const HOSTILE = [
  '${var.x}',
  'a"b',
  "a'b",
  'a\nb: c',
  'x: y',
  '&anchor',
  '*alias',
  '../etc',
  '..',
  '%{ if true }x%{ endif }',
  '${{ values.name }}',
  '{% raw %}',
  '# comment',
  'a\\"',
  '|\n  block',
  'ok-name',
];

/** Mostly well-formed values (so rendering is exercised), sometimes hostile ones. */
const text = (valid: fc.Arbitrary<string>, hostile: string[] = []) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE, ...hostile) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 8, arbitrary: valid },
  );
const matching = (pattern: RegExp) => text(fc.stringMatching(pattern));

const octet = fc.integer({ min: 0, max: 255 });
/** A CIDR with the host bits cleared, so the prefix is all that decides. */
const cidr = (minPrefix: number, maxPrefix: number) =>
  fc
    .tuple(
      octet,
      octet,
      octet,
      octet,
      fc.integer({ min: minPrefix, max: maxPrefix }),
    )
    .map(([a, b, c, d, prefix]) => {
      const address = (((a * 256 + b) * 256 + c) * 256 + d) >>> 0;
      const base = prefix === 0 ? 0 : (address & (~0 << (32 - prefix))) >>> 0;
      return `${[24, 16, 8, 0]
        .map(s => (base >>> s) & 255)
        .join('.')}/${prefix}`;
    });

const common = {
  name: matching(/^[a-z]([a-z0-9]|-[a-z0-9]){0,12}$/),
  project: matching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
  owner: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'group:default/ml-platform',
        'user:jane.doe',
        'group:team-a',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  ),
  description: matching(/^[A-Za-z0-9 ,.()_/-]{0,60}$/),
};
const aws = {
  region: fc.constantFrom('us-east-1', 'eu-west-1'),
  awsAccountId: fc.constant('123456789012'),
  stateBucket: matching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/),
};
const withDomain = {
  domainName: matching(
    /^([a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?\.){1,3}[a-z]{2,6}$/,
  ),
  hostedZoneId: matching(/^Z[A-Z0-9]{1,20}$/),
};

/** Requests of every shape, with the fields that shape's form asks for. */
export const requestArbitrary = fc.oneof(
  fc.record({
    shape: fc.constant('eks'),
    tier: fc.constantFrom('dev', 'staging', 'prod'),
    ...common,
    ...aws,
    ...withDomain,
    vpcCidr: text(cidr(16, 19), ['10.40.0.0/20', '10.40.0.0/16"\n']),
  }),
  fc.record({ shape: fc.constant('kind'), ...common }),
  fc.record({
    shape: fc.constant('k3s'),
    size: fc.constantFrom('small', 'large'),
    ...common,
    ...aws,
    vpcCidr: text(cidr(16, 28), ['10.60.0.0/29']),
    adminCidr: text(cidr(8, 32), ['0.0.0.0/0', '300.1.1.1/40', '10.0.0.0/7']),
  }),
  fc.record({
    shape: fc.constant('ecs'),
    size: fc.constantFrom('small', 'medium'),
    ...common,
    ...aws,
    ...withDomain,
    vpcCidr: text(cidr(16, 19), ['10.70.0.0/20']),
  }),
) as fc.Arbitrary<ShapeRequest>;

/** One valid request per shape, so every shape is rendered at least once. */
export const EXAMPLES: ShapeRequest[] = [
  {
    shape: 'eks',
    tier: 'prod',
    name: 'ml-x',
    project: 'p',
    owner: 'user:jane.doe',
    description: 'Fine (really) / ok',
    region: 'us-east-1',
    awsAccountId: '123456789012',
    stateBucket: 'state.bucket-1',
    domainName: 'ml.example.com',
    hostedZoneId: 'Z123',
    vpcCidr: '10.40.0.0/16',
  },
  {
    shape: 'kind',
    name: 'laptop',
    project: 'p',
    owner: 'group:team-a',
    description: '',
  },
  {
    shape: 'k3s',
    size: 'small',
    name: 'k',
    project: 'p',
    owner: 'group:team-a',
    description: 'x',
    region: 'eu-west-1',
    awsAccountId: '123456789012',
    stateBucket: 'sb1',
    vpcCidr: '10.60.0.0/28',
    adminCidr: '203.0.113.7/32',
  },
  {
    shape: 'ecs',
    size: 'medium',
    name: 'e-1',
    project: 'p',
    owner: 'group:team-a',
    description: 'x',
    region: 'us-east-1',
    awsAccountId: '123456789012',
    stateBucket: 'sb1',
    domainName: 'a.io',
    hostedZoneId: 'ZABC',
    vpcCidr: '172.16.0.0/19',
  },
];
