import { Config } from '@backstage/config';
import { z } from 'zod';
import { MlflowClientOptions } from '../services/Mlflow';
import { DEFAULT_MLFLOW_CLIENT_OPTIONS } from '../services/Mlflow/createMlflowClient';
import { ModelsOptions } from '../services/Models';
import { DEFAULT_MODELS_OPTIONS } from '../services/Models/createModelsService';

const CONFIG_KEY = 'mlPlatform.models';

const modelsSchema = z.object({
  keyMetrics: z
    .array(z.string().min(1))
    .default(DEFAULT_MODELS_OPTIONS.keyMetrics),
  championAlias: z
    .string()
    .min(1)
    .default(DEFAULT_MODELS_OPTIONS.championAlias),
  metricsForNewestVersions: z
    .number()
    .int()
    .min(0)
    .default(DEFAULT_MODELS_OPTIONS.metricsForNewestVersions),
  pageSize: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(DEFAULT_MLFLOW_CLIENT_OPTIONS.pageSize),
  requestTimeoutMs: z
    .number()
    .int()
    .positive()
    .default(DEFAULT_MLFLOW_CLIENT_OPTIONS.requestTimeoutMs),
});

/** Reads `mlPlatform.models` once; a bad value stops the backend at start-up. */
export function readModelsOptions(config: Config): {
  models: ModelsOptions;
  mlflow: MlflowClientOptions;
} {
  const parsed = modelsSchema.safeParse(
    config.getOptional<unknown>(CONFIG_KEY) ?? {},
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `key '${issue.path.join('.') || '(entry)'}' ${issue.message}`,
    );
    throw new Error(`Invalid config for ${CONFIG_KEY}: ${problems.join('; ')}`);
  }
  const { pageSize, requestTimeoutMs, ...models } = parsed.data;
  return { models, mlflow: { pageSize, requestTimeoutMs } };
}
