/**
 * On-demand Linux prices (USD per hour, us-east-1) and GPUs per instance for
 * the GPU families ML platforms run, to price idle GPU-hours.
 */
const GPU_INSTANCES: Record<string, { hourly: number; gpus: number }> = {
  'g4dn.xlarge': { hourly: 0.526, gpus: 1 },
  'g4dn.2xlarge': { hourly: 0.752, gpus: 1 },
  'g4dn.4xlarge': { hourly: 1.204, gpus: 1 },
  'g4dn.12xlarge': { hourly: 3.912, gpus: 4 },
  'g5.xlarge': { hourly: 1.006, gpus: 1 },
  'g5.2xlarge': { hourly: 1.212, gpus: 1 },
  'g5.12xlarge': { hourly: 5.672, gpus: 4 },
  'g5.48xlarge': { hourly: 16.288, gpus: 8 },
  'g6.xlarge': { hourly: 0.805, gpus: 1 },
  'p3.2xlarge': { hourly: 3.06, gpus: 1 },
  'p3.8xlarge': { hourly: 12.24, gpus: 4 },
  'p4d.24xlarge': { hourly: 32.773, gpus: 8 },
  'p5.48xlarge': { hourly: 98.32, gpus: 8 },
};

/** Families with GPUs (or ML accelerators) attached. */
const GPU_FAMILY = /^(p\d|g\d|gr\d|dl\d|trn\d|inf\d)[a-z]*\./;

export function isGpuInstanceType(instanceType: string): boolean {
  return GPU_FAMILY.test(instanceType);
}

/** Price of one GPU for one hour on this instance type, if known. */
export function gpuHourPrice(
  instanceType: string,
  overrides: Record<string, number> = {},
): number | undefined {
  if (overrides[instanceType] !== undefined) {
    return overrides[instanceType];
  }
  const known = GPU_INSTANCES[instanceType];
  return known ? known.hourly / known.gpus : undefined;
}
