import { EnvironmentCost } from '@internal/backstage-plugin-ml-platform-common';

/** Ledger-shaped figures for component tests. */
export const prodCost: EnvironmentCost = {
  environment: 'ml-prod',
  title: 'Production',
  currency: 'USD',
  period: { name: 'mtd', start: '2026-11-01', end: '2026-11-23' },
  monthToDate: 3900,
  lastMonthSamePeriod: 3500,
  forecast: { mean: 5600, lower: 5200, upper: 6000 },
  monthlyBudget: 3000,
  budgetUsedRatio: 1.3,
  overBudget: true,
  forecastOverBudget: true,
  budgetExhaustedOn: '2026-11-17',
  byService: [
    { service: 'Amazon Elastic Compute Cloud - Compute', amount: 3000 },
    { service: 'Other', amount: 900 },
  ],
  gpu: { amount: 2000, share: 0.51 },
  idleGpu: {
    gpuHours: 30,
    cost: 15.78,
    daily: [{ date: '2026-11-22', gpuHours: 30, cost: 15.78 }],
  },
  estimate: { monthly: 3000, drift: 0.867, flagged: true },
  daily: [
    { date: '2026-11-21', amount: 170 },
    { date: '2026-11-22', amount: 180 },
  ],
};

export const devCost: EnvironmentCost = {
  ...prodCost,
  environment: 'ml-dev',
  title: 'Development',
  monthToDate: 190,
  lastMonthSamePeriod: 185,
  forecast: { mean: 250, lower: 230, upper: 270 },
  monthlyBudget: 400,
  budgetUsedRatio: 0.48,
  overBudget: false,
  forecastOverBudget: false,
  budgetExhaustedOn: null,
  byService: [{ service: 'Amazon Relational Database Service', amount: 12 }],
  gpu: { amount: 0, share: 0 },
  idleGpu: null,
  estimate: null,
  daily: [
    { date: '2026-11-21', amount: 8 },
    { date: '2026-11-22', amount: 9 },
  ],
};
