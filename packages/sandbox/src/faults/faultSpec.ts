import { z } from 'zod';

export const UPSTREAMS = ['k8s', 'mlflow', 'cost'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export const FAULT_MODES = [
  'none',
  'timeout',
  '500',
  'malformed',
  '429',
  'reset',
  'slow',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** One fault: on one upstream, for every environment or just one. */
export const faultSchema = z
  .object({
    upstream: z.enum(UPSTREAMS),
    /** Environment name (cost: the scenario environment whose tag is filtered on); omitted = all. */
    environment: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a DNS label')
      .optional(),
    mode: z.enum(FAULT_MODES),
    /** For `slow`: how long before the valid answer. Default 10 000. */
    delayMs: z.number().int().min(0).max(600_000).optional(),
    /** For `429`: the Retry-After header in seconds. Default 5. */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
  })
  .strict();
export type Fault = z.infer<typeof faultSchema>;

export const DEFAULT_SLOW_DELAY_MS = 10_000;
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Parses the start-up form, as given to `--fault` or ML_SANDBOX_FAULTS:
 * comma-separated `upstream[:environment]=mode[:number]`, where the number is
 * the delay in ms for `slow` and Retry-After seconds for `429`.
 * e.g. `k8s:ml-dev=timeout,cost=429:30,mlflow=slow:2000`.
 */
export function parseFaultList(text: string): Fault[] {
  return text
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const match = /^([^:=]+)(?::([^=]+))?=([^:]+)(?::(\d+))?$/.exec(part);
      if (!match) {
        throw new Error(
          `bad fault "${part}": expected upstream[:environment]=mode[:number]`,
        );
      }
      const [, upstream, environment, mode, number] = match;
      const parsed = faultSchema.safeParse({
        upstream,
        mode,
        ...(environment && { environment }),
        ...(number !== undefined && mode === 'slow'
          ? { delayMs: Number(number) }
          : {}),
        ...(number !== undefined && mode === '429'
          ? { retryAfterSeconds: Number(number) }
          : {}),
      });
      if (!parsed.success) {
        throw new Error(
          `bad fault "${part}": ${parsed.error.issues
            .map(i => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
        );
      }
      return parsed.data;
    });
}
