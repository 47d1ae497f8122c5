import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import {
  ML_ENVIRONMENT_RESOURCE_TYPE,
  ML_PLATFORM_ENVIRONMENT_ANNOTATION,
} from '@internal/backstage-plugin-ml-platform-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANY_PREFIX,
  Ipv4Range,
  VPC_PREFIX_LIMITS,
  parseCidr,
  rangesOverlap,
} from '../environment/cidr';
import {
  EKS_TIERS,
  ENVIRONMENT_SHAPES,
  environmentRequestSchema,
  presentGpu,
} from '../environment/request';
import { environmentSizing } from '../environment/sizing';
import { examples } from './validateEnvironment.examples';

/** Annotation on ml-environment Resources that records the VPC range they use. */
export const VPC_CIDR_ANNOTATION = 'ml-platform/vpc-cidr';

/**
 * `ml-platform:environment:validate` checks an environment request before any
 * file is written: DNS-safe names, supported region, CIDR syntax and overlap
 * with the environments already in the catalog, GPU sizing. All problems are
 * reported at once.
 */
export function createValidateEnvironmentAction(options: {
  catalog: CatalogService;
}) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'ml-platform:environment:validate',
    description:
      'Validates an ML environment request (names, region, VPC CIDR overlap with catalog environments, GPU sizing) before anything is rendered',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string({ description: 'Environment name (DNS label)' }),
        project: z =>
          z.string({
            description: 'Project the environment belongs to (DNS label)',
          }),
        owner: z =>
          z.string({ description: 'Owning group or user entity reference' }),
        description: z =>
          z.string({ description: 'Free-text description' }).optional(),
        shape: z => z.string({ description: 'eks, kind, k3s or ecs' }),
        tier: z =>
          z
            .string({ description: 'EKS tier: dev, staging or prod' })
            .optional(),
        size: z =>
          z
            .string({ description: 'k3s / ECS size: small, medium or large' })
            .optional(),
        region: z =>
          z.string({ description: 'AWS region (not for kind)' }).optional(),
        vpcCidr: z =>
          z.string({ description: 'VPC CIDR, e.g. 10.20.0.0/16' }).optional(),
        adminCidr: z =>
          z
            .string({ description: 'Range allowed to reach the k3s host' })
            .optional(),
        awsAccountId: z =>
          z.string({ description: 'AWS account id' }).optional(),
        stateBucket: z =>
          z.string({ description: 'Terraform state bucket' }).optional(),
        domainName: z =>
          z.string({ description: 'Host name behind the ALB' }).optional(),
        hostedZoneId: z =>
          z
            .string({
              description:
                'Route 53 hosted zone of the domain (validates the ACM certificate)',
            })
            .optional(),
        gpu: z =>
          z
            .object(
              {
                min: z.number().optional(),
                desired: z.number().optional(),
                max: z.number().optional(),
              },
              { description: 'GPU node group sizing (EKS)' },
            )
            .optional(),
      },
      output: {
        name: z => z.string({ description: 'The validated environment name' }),
        vpcCidr: z =>
          z.string({ description: 'The validated VPC CIDR' }).optional(),
        checkedAgainst: z =>
          z.number({
            description:
              'How many catalog environments the CIDR was compared with',
          }),
      },
    },
    async handler(ctx) {
      // Only EKS has a GPU node group; other shapes leave the fields unset
      // (or keep stale ones when the user switched shape in the form).
      const gpu =
        ctx.input.shape === 'eks' ? presentGpu(ctx.input.gpu) : undefined;
      const request = { ...ctx.input, gpu };
      const problems = shapeProblems(request);
      const parsed = environmentRequestSchema.safeParse(request);
      if (!parsed.success) {
        problems.unshift(...parsed.error.issues.map(i => i.message));
      }

      const existing = await catalog.getEntities(
        {
          filter: {
            kind: 'Resource',
            'spec.type': ML_ENVIRONMENT_RESOURCE_TYPE,
          },
          fields: [
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      const environments = existing.items.map(e => ({
        name:
          e.metadata.annotations?.[ML_PLATFORM_ENVIRONMENT_ANNOTATION] ??
          e.metadata.name,
        ref: `resource:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
        cidr: e.metadata.annotations?.[VPC_CIDR_ANNOTATION],
      }));
      const clash = environments.find(e => e.name === request.name);
      if (clash) {
        problems.push(
          `An environment named '${request.name}' already exists (${clash.ref})`,
        );
      }

      let checkedAgainst = 0;
      const shapeLimits =
        VPC_PREFIX_LIMITS[request.shape as keyof typeof VPC_PREFIX_LIMITS];
      if (request.vpcCidr && shapeLimits) {
        // A range that does not parse is already a problem of the schema.
        const range = parseCidr(request.vpcCidr, shapeLimits);
        if (!('error' in range)) {
          for (const env of environments) {
            if (!env.cidr) continue;
            const other = parseCidr(env.cidr, ANY_PREFIX);
            if ('error' in other) continue;
            checkedAgainst += 1;
            if (rangesOverlap(range, other as Ipv4Range)) {
              problems.push(
                `VPC CIDR ${request.vpcCidr} overlaps ${env.cidr} of environment '${env.name}' (${env.ref}); pick a free range`,
              );
            }
          }
        }
      }

      const unique = [...new Set(problems)];
      if (unique.length > 0) {
        throw new InputError(
          `The environment request is not valid:\n- ${unique.join('\n- ')}`,
        );
      }
      ctx.logger.info(
        `Environment '${request.name}' is valid; CIDR compared with ${checkedAgainst} catalog environments`,
      );
      ctx.output('name', request.name);
      if (request.vpcCidr) ctx.output('vpcCidr', request.vpcCidr);
      ctx.output('checkedAgainst', checkedAgainst);
    },
  });
}

/** Whether the shape and tier put an ALB with an ACM certificate in front. */
function hasLoadBalancer(request: { shape: string; tier?: string }) {
  const shape = ENVIRONMENT_SHAPES.find(s => s === request.shape);
  const tier = EKS_TIERS.find(t => t === request.tier) ?? 'dev';
  return shape ? environmentSizing(shape, tier).loadBalancer : false;
}

/**
 * What a shape needs beyond the common fields. Fields another shape uses are
 * ignored (the form keeps them when the user switches shape).
 */
function shapeProblems(request: {
  shape: string;
  tier?: string;
  size?: string;
  region?: string;
  vpcCidr?: string;
  adminCidr?: string;
  awsAccountId?: string;
  stateBucket?: string;
  domainName?: string;
  hostedZoneId?: string;
}): string[] {
  const problems: string[] = [];
  const { shape } = request;
  if (shape === 'kind') return problems;
  if (shape === 'eks' && !request.tier)
    problems.push('An EKS environment needs a tier: dev, staging or prod');
  if ((shape === 'k3s' || shape === 'ecs') && !request.size)
    problems.push(
      `A ${shape} environment needs a size: small, medium or large`,
    );
  const needs: [keyof typeof request, string][] = [
    ['region', 'a region'],
    ['vpcCidr', 'a VPC CIDR'],
    ['awsAccountId', 'an AWS account id'],
    ['stateBucket', 'a Terraform state bucket'],
  ];
  if (shape === 'k3s') needs.push(['adminCidr', 'an admin CIDR']);
  if (shape === 'ecs') needs.push(['domainName', 'a domain name']);
  for (const [field, what] of needs) {
    if (!request[field]) problems.push(`A ${shape} environment needs ${what}`);
  }
  if (hasLoadBalancer(request) && request.domainName && !request.hostedZoneId)
    problems.push(
      `An ${[shape, shape === 'eks' ? request.tier : undefined]
        .filter(Boolean)
        .join(' ')} environment needs the Route 53 hosted zone id of ${
        request.domainName
      }: its ACM certificate is validated with DNS records in that zone`,
    );
  return problems;
}
