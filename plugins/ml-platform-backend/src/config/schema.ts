import { z } from 'zod';
import {
  ENVIRONMENT_NAME_PATTERN,
  ENVIRONMENT_TIERS,
} from '@internal/backstage-plugin-ml-platform-common';

const httpUrl = z.string().refine(
  value => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { message: 'must be an absolute http(s) URL' },
);

const kubernetesSchema = z
  .object({
    url: httpUrl,
    authProvider: z.enum(['serviceAccount', 'aws', 'none']),
    serviceAccountToken: z.string().min(1).optional(),
    serviceAccountTokenFile: z.string().min(1).optional(),
    caData: z.string().optional(),
    skipTLSVerify: z.boolean().default(false),
    aws: z
      .object({
        clusterName: z.string().min(1),
        region: z.string().min(1),
        assumeRoleArn: z.string().optional(),
      })
      .optional(),
    namespaces: z.array(z.string().min(1)).default([]),
  })
  .superRefine((k, ctx) => {
    if (
      k.authProvider === 'serviceAccount' &&
      !k.serviceAccountToken &&
      !k.serviceAccountTokenFile
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceAccountToken'],
        message:
          'is required for authProvider serviceAccount (or set serviceAccountTokenFile)',
      });
    }
    if (k.authProvider === 'aws' && !k.aws) {
      ctx.addIssue({
        code: 'custom',
        path: ['aws'],
        message: 'is required for authProvider aws (clusterName, region)',
      });
    }
  });

const mlflowSchema = z.object({
  url: httpUrl,
  token: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
});

const costSchema = z.object({
  tagKey: z.string().min(1),
  tagValue: z.string().min(1),
  region: z.string().min(1).default('us-east-1'),
  monthlyBudget: z.number().positive().optional(),
  endpoint: httpUrl.optional(),
  assumeRoleArn: z.string().optional(),
});

/** One entry of mlPlatform.environments. */
export const environmentSchema = z.object({
  name: z
    .string()
    .regex(
      ENVIRONMENT_NAME_PATTERN,
      'must be a DNS label: lowercase letters, digits and -, at most 63 characters',
    ),
  title: z.string().min(1).optional(),
  tier: z.enum(ENVIRONMENT_TIERS),
  owner: z.string().min(1),
  kubernetes: kubernetesSchema.optional(),
  mlflow: mlflowSchema.optional(),
  cost: costSchema.optional(),
});

export type EnvironmentConfigInput = z.input<typeof environmentSchema>;
