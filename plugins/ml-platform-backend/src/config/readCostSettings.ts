import { Config } from '@backstage/config';

/** How the cost ledger is kept; every key optional. */
export interface CostSettings {
  refreshIntervalHours: number;
  historyMonths: number;
  maxAttempts: number;
  requestTimeoutSeconds: number;
  gpuSampleIntervalMinutes: number;
  gpuSampleInitialDelaySeconds: number;
  gpuHourPrices: Record<string, number>;
}

export function readCostSettings(config: Config): CostSettings {
  const cost = config.getOptionalConfig('mlPlatform.cost');
  const positive = (key: string, fallback: number) => {
    const value = cost?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0)) {
      throw new Error(
        `Invalid config: mlPlatform.cost.${key} must be a positive number`,
      );
    }
    return value;
  };
  const nonNegative = (key: string, fallback: number) => {
    const value = cost?.getOptionalNumber(key) ?? fallback;
    if (!(value >= 0)) {
      throw new Error(
        `Invalid config: mlPlatform.cost.${key} must be zero or more`,
      );
    }
    return value;
  };
  const prices = cost?.getOptionalConfig('gpuHourPrices');
  return {
    refreshIntervalHours: positive('refreshIntervalHours', 6),
    historyMonths: Math.round(positive('historyMonths', 3)),
    maxAttempts: Math.round(positive('maxAttempts', 5)),
    requestTimeoutSeconds: positive('requestTimeoutSeconds', 30),
    gpuSampleIntervalMinutes: positive('gpuSampleIntervalMinutes', 5),
    gpuSampleInitialDelaySeconds: nonNegative(
      'gpuSampleInitialDelaySeconds',
      60,
    ),
    gpuHourPrices: Object.fromEntries(
      (prices?.keys() ?? []).map(k => [k, prices!.getNumber(k)]),
    ),
  };
}
