import { ENVIRONMENT_NAME_PATTERN } from '@internal/backstage-plugin-ml-platform-common';
import { z } from 'zod';
import {
  ADMIN_PREFIX_LIMITS,
  CIDR_PATTERN,
  PrefixLimits,
  VPC_PREFIX_LIMITS,
  parseCidr,
} from './cidr';

/** The shapes a template can render, from a laptop to a full EKS platform. */
export const ENVIRONMENT_SHAPES = ['eks', 'kind', 'k3s', 'ecs'] as const;
export type EnvironmentShape = (typeof ENVIRONMENT_SHAPES)[number];

/** Tiers of the EKS shape. */
export const EKS_TIERS = ['dev', 'staging', 'prod'] as const;
export type EksTier = (typeof EKS_TIERS)[number];

/** Sizes of the k3s and ECS shapes (host instance type, Fargate tasks). */
export const SHAPE_SIZES = ['small', 'medium', 'large'] as const;
export type ShapeSize = (typeof SHAPE_SIZES)[number];

/**
 * Regions the platform team supports. The price table is us-east-1; other
 * regions are estimated with it and say so.
 */
export const ALLOWED_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
] as const;

/**
 * Free text that ends up in YAML and HCL strings: no quotes, `$`, braces,
 * colons, `#`, `&`, `*` or newlines, so it cannot leave the string it is put in.
 */
export const DESCRIPTION_PATTERN = /^[A-Za-z0-9 ,.()_/-]{0,200}$/;

/** A Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ. */
export const HOSTED_ZONE_ID_PATTERN = /^Z[A-Z0-9]{1,31}$/;

/** An entity reference to the owning group or user, e.g. group:default/ml-platform. */
export const OWNER_PATTERN =
  /^(group|user):([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\/)?[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/**
 * Environment names: AWS resource names are derived from them, and the
 * tightest is the EKS cluster IAM role prefix `<name>-cluster-` (38
 * characters), so at most 29. A letter first (RDS identifiers), no `--` and
 * no trailing `-` (ElastiCache ids, ALB names).
 */
export const AWS_SAFE_NAME_PATTERN = /^[a-z]([a-z0-9]|-[a-z0-9]){0,28}$/;
export const AWS_SAFE_NAME_MAX_LENGTH = 29;
const AWS_SAFE_NAME_MESSAGE =
  "Environment name must start with a letter and hold only lowercase letters, digits and single '-' between them, at most 29 characters (AWS names derived from it, such as the EKS cluster role prefix '<name>-cluster-', allow 38)";

const dnsName = (what: string) =>
  z
    .string()
    .regex(
      ENVIRONMENT_NAME_PATTERN,
      `${what} must be a DNS label: lowercase letters, digits and '-', 1-63 characters, starting and ending with a letter or digit`,
    );

/** GPU node group sizing as the form asks for it. */
export const gpuSizingSchema = z
  .object({
    min: z.number().int().min(0).max(50),
    desired: z.number().int().min(0).max(50),
    max: z.number().int().min(0).max(50),
  })
  .superRefine((gpu, ctx) => {
    if (gpu.min > gpu.desired || gpu.desired > gpu.max) {
      ctx.addIssue({
        code: 'custom',
        message: `GPU node group sizing must satisfy min <= desired <= max (got min ${gpu.min}, desired ${gpu.desired}, max ${gpu.max})`,
      });
    }
  });

/** Everything the templates ask for, checked the same way on the server. */
const environmentFieldsSchema = z.object({
  name: z
    .string()
    .max(AWS_SAFE_NAME_MAX_LENGTH, AWS_SAFE_NAME_MESSAGE)
    .regex(AWS_SAFE_NAME_PATTERN, AWS_SAFE_NAME_MESSAGE),
  project: dnsName('Project'),
  owner: z
    .string()
    .regex(
      OWNER_PATTERN,
      'Owner must be an entity reference such as group:default/ml-platform',
    ),
  description: z
    .string()
    .regex(
      DESCRIPTION_PATTERN,
      'Description may only hold letters, digits, spaces and , . ( ) _ / - (at most 200 characters)',
    )
    .optional(),
  shape: z.enum(ENVIRONMENT_SHAPES),
  tier: z
    .enum(EKS_TIERS, { message: `Tier must be one of ${EKS_TIERS.join(', ')}` })
    .optional(),
  size: z
    .enum(SHAPE_SIZES, {
      message: `Size must be one of ${SHAPE_SIZES.join(', ')}`,
    })
    .optional(),
  region: z
    .enum(ALLOWED_REGIONS, {
      message: `Region must be one of ${ALLOWED_REGIONS.join(', ')}`,
    })
    .optional(),
  vpcCidr: z
    .string()
    .regex(CIDR_PATTERN, 'VPC CIDR must look like 10.20.0.0/16')
    .optional(),
  gpu: gpuSizingSchema.optional(),
  adminCidr: z
    .string()
    .regex(CIDR_PATTERN, 'Admin CIDR must look like 203.0.113.0/24')
    .optional(),
  awsAccountId: z
    .string()
    .regex(/^[0-9]{12}$/, 'AWS account id must be 12 digits')
    .optional(),
  stateBucket: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'Terraform state bucket must be an S3 bucket name',
    )
    .optional(),
  domainName: z
    .string()
    .regex(
      /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'Domain name must be a lowercase host name such as ml.example.com',
    )
    .optional(),
  hostedZoneId: z
    .string()
    .regex(
      HOSTED_ZONE_ID_PATTERN,
      'Hosted zone id must look like Z0123456789ABCDEFGHIJ (a Route 53 hosted zone id)',
    )
    .optional(),
});

/**
 * The request with the range checks that depend on the shape: the VPC size
 * its subnets need, and the admin range of k3s.
 */
export const environmentRequestSchema = environmentFieldsSchema.superRefine(
  (request, ctx) => {
    const vpcLimits =
      VPC_PREFIX_LIMITS[request.shape as keyof typeof VPC_PREFIX_LIMITS];
    const checks: [string | undefined, string, PrefixLimits | undefined][] = [
      [request.vpcCidr, 'VPC CIDR', vpcLimits],
      [
        request.adminCidr,
        'Admin CIDR',
        request.shape === 'k3s' ? ADMIN_PREFIX_LIMITS : undefined,
      ],
    ];
    for (const [cidr, what, limits] of checks) {
      if (!cidr || !limits || !CIDR_PATTERN.test(cidr)) continue;
      const range = parseCidr(cidr, limits);
      if ('error' in range)
        ctx.addIssue({ code: 'custom', message: `${what} ${range.error}` });
    }
  },
);

export type EnvironmentRequest = z.infer<typeof environmentRequestSchema>;

/**
 * The GPU sizing the template passes: its three fields are unset for shapes
 * without a GPU node group, which means "no GPU sizing".
 */
export function presentGpu<
  T extends { min?: unknown; desired?: unknown; max?: unknown },
>(gpu: T | undefined): T | undefined {
  if (!gpu) return undefined;
  const unset = [gpu.min, gpu.desired, gpu.max].every(
    v => v === undefined || v === null || v === '',
  );
  return unset ? undefined : gpu;
}
