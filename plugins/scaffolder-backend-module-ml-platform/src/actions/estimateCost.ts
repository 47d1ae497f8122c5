import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  EKS_TIERS,
  ENVIRONMENT_SHAPES,
  SHAPE_SIZES,
  gpuSizingSchema,
  presentGpu,
} from '../environment/request';
import { environmentSizing } from '../environment/sizing';
import { estimateMonthlyCost } from '../pricing/estimate';
import { examples } from './estimateCost.examples';

/**
 * `ml-platform:cost:estimate` prices the always-on resources of the chosen
 * shape from the price table kept in this module, and hands the sizing it
 * priced to the templates so the rendered Terraform matches the estimate.
 */
export function createEstimateCostAction() {
  return createTemplateAction({
    id: 'ml-platform:cost:estimate',
    description:
      'Estimates the monthly cost of an ML environment shape from the in-repo AWS price table, and returns the sizing it priced',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        shape: z =>
          z.enum(ENVIRONMENT_SHAPES, { description: 'eks, kind, k3s or ecs' }),
        tier: z => z.enum(EKS_TIERS, { description: 'EKS tier' }).optional(),
        size: z =>
          z
            .enum(SHAPE_SIZES, {
              description: 'k3s / ECS size (default small)',
            })
            .optional(),
        region: z => z.string({ description: 'AWS region' }),
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
        monthlyEstimate: z =>
          z.number({ description: 'Estimated USD per month, rounded' }),
        currency: z => z.string(),
        summary: z => z.string({ description: 'One line for the result page' }),
        lineItems: z =>
          z.array(
            z.object({
              item: z.string(),
              quantity: z.number(),
              monthly: z.number(),
              status: z.string(),
            }),
          ),
        priceTable: z =>
          z.object({
            region: z.string(),
            date: z.string(),
            source: z.string(),
          }),
        notes: z => z.array(z.string()),
        sizing: z =>
          z.record(z.string(), z.unknown(), {
            description: 'The sizing that was priced; templates render it',
          }),
      },
    },
    async handler(ctx) {
      const { shape, tier, size, region } = ctx.input;
      if (size !== undefined && !SHAPE_SIZES.includes(size))
        throw new InputError(
          `Size must be one of ${SHAPE_SIZES.join(', ')} (got '${size}')`,
        );
      const requested = shape === 'eks' ? presentGpu(ctx.input.gpu) : undefined;
      const gpu = requested ? gpuSizingSchema.safeParse(requested) : undefined;
      if (gpu && !gpu.success)
        throw new InputError(gpu.error.issues.map(i => i.message).join('; '));
      const sizing = environmentSizing(
        shape,
        tier ?? 'dev',
        gpu?.data,
        size ?? 'small',
      );
      const estimate = estimateMonthlyCost(sizing, region);
      const summary = `About ${estimate.monthlyEstimate} ${estimate.currency}/month (${estimate.priceTable.region} on-demand prices of ${estimate.priceTable.date})`;
      ctx.logger.info(summary);
      ctx.output('monthlyEstimate', estimate.monthlyEstimate);
      ctx.output('currency', estimate.currency);
      ctx.output('summary', summary);
      ctx.output('lineItems', estimate.lineItems);
      ctx.output('priceTable', estimate.priceTable);
      ctx.output('notes', estimate.notes);
      ctx.output('sizing', sizing as unknown as Record<string, unknown>);
    },
  });
}
