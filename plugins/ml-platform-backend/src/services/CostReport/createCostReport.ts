import {
  EnvironmentCost,
  IdleGpuCost,
} from '@internal/backstage-plugin-ml-platform-common';
import { CostLedger } from '../CostLedger';
import { addDays, dayOfMonth, isoDate, monthStart } from '../CostRefresher';
import { budgetExhaustedOn } from './budget';
import { gpuHourPrice, isGpuInstanceType } from './gpuPricing';
import { periodStart } from './period';
import { CostEstimateSource, CostReport } from './types';

/** An estimate further than this from the forecast is flagged. */
const DRIFT_THRESHOLD = 0.2;
const RATE_DAYS = 7;
const round = (n: number) => Math.round(n * 100) / 100;

function groupBy<T extends { environment: string }>(rows: T[]) {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.environment) ?? [];
    list.push(row);
    map.set(row.environment, list);
  }
  return map;
}

const sumBetween = (daily: Map<string, number>, from: string, to: string) =>
  [...daily].reduce(
    (total, [date, amount]) =>
      date >= from && date <= to ? total + amount : total,
    0,
  );

export function createCostReport(options: {
  ledger: CostLedger;
  estimates?: CostEstimateSource;
  gpuHourPrices?: Record<string, number>;
  now?: () => Date;
}): CostReport {
  const { ledger } = options;
  const now = options.now ?? (() => new Date());

  return {
    async report(environments, { period, top }) {
      const names = environments.map(e => e.name);
      const today = isoDate(now());
      const thisMonth = monthStart(today);
      const lastMonth = monthStart(today, -1);
      const start = periodStart(period, today);
      const from = [start, lastMonth, addDays(today, -RATE_DAYS)].sort()[0];

      const [daily, services, types, idle, forecasts, estimates] =
        await Promise.all([
          ledger.dailyTotals(names, from, today),
          ledger.totalsByKey(names, 'service', start, today),
          ledger.totalsByKey(names, 'instance_type', thisMonth, today),
          ledger.idleGpuHours(names, start, today),
          ledger.forecasts(),
          options.estimates?.monthlyEstimates() ?? new Map<string, number>(),
        ]);
      const dailyByEnv = groupBy(daily);
      const servicesByEnv = groupBy(services);
      const typesByEnv = groupBy(types);
      const idleByEnv = groupBy(idle);

      return environments.map((env): EnvironmentCost => {
        const rows = dailyByEnv.get(env.name) ?? [];
        const currency =
          rows[0]?.currency ?? forecasts.get(env.name)?.currency ?? 'USD';
        const byDate = new Map(rows.map(r => [r.key, r.amount]));
        const monthToDate = sumBetween(byDate, thisMonth, today);
        const samePeriodEnd = addDays(lastMonth, dayOfMonth(today) - 1);
        const lastMonthSamePeriod = sumBetween(
          byDate,
          lastMonth,
          samePeriodEnd < thisMonth ? samePeriodEnd : addDays(thisMonth, -1),
        );

        const f = forecasts.get(env.name);
        // The forecast covers [f.start, month end); days before it are actuals.
        const forecast =
          f && f.end === monthStart(today, 1) && f.start >= thisMonth
            ? (() => {
                const actual = sumBetween(
                  byDate,
                  thisMonth,
                  addDays(f.start, -1),
                );
                return {
                  mean: round(actual + f.mean),
                  lower: round(actual + f.lower),
                  upper: round(actual + f.upper),
                };
              })()
            : null;

        const budget = env.cost?.monthlyBudget ?? null;
        const rate =
          sumBetween(byDate, addDays(today, -RATE_DAYS), addDays(today, -1)) /
          RATE_DAYS;

        const ranked = (servicesByEnv.get(env.name) ?? [])
          .map(s => ({ service: s.key, amount: s.amount }))
          .sort((a, b) => b.amount - a.amount);
        const rest = ranked.slice(top).reduce((t, s) => t + s.amount, 0);
        const byService = [
          ...ranked.slice(0, top),
          ...(rest > 0 ? [{ service: 'Other', amount: rest }] : []),
        ].map(s => ({ ...s, amount: round(s.amount) }));

        const typeRows = typesByEnv.get(env.name) ?? [];
        const gpuAmount = typeRows
          .filter(t => isGpuInstanceType(t.key))
          .reduce((t, r) => t + r.amount, 0);

        const estimateValue = estimates.get(env.name);
        const estimate =
          estimateValue && forecast
            ? (() => {
                const drift = (forecast.mean - estimateValue) / estimateValue;
                return {
                  monthly: estimateValue,
                  drift: Math.round(drift * 1000) / 1000,
                  flagged: Math.abs(drift) > DRIFT_THRESHOLD,
                };
              })()
            : null;

        return {
          environment: env.name,
          title: env.title,
          currency,
          period: { name: period, start, end: today },
          monthToDate: round(monthToDate),
          lastMonthSamePeriod: round(lastMonthSamePeriod),
          forecast,
          monthlyBudget: budget,
          budgetUsedRatio: budget
            ? round((monthToDate / budget) * 100) / 100
            : null,
          overBudget: budget !== null && monthToDate > budget,
          forecastOverBudget:
            budget !== null && forecast !== null && forecast.mean > budget,
          budgetExhaustedOn: budget
            ? budgetExhaustedOn({
                budget,
                today,
                daily: byDate,
                recentDailyRate: rate,
              })
            : null,
          byService,
          gpu:
            typeRows.length > 0
              ? {
                  amount: round(gpuAmount),
                  share:
                    monthToDate > 0
                      ? round((gpuAmount / monthToDate) * 100) / 100
                      : 0,
                }
              : null,
          idleGpu: idleCost(idleByEnv.get(env.name), options.gpuHourPrices),
          estimate,
          daily: [...byDate]
            .filter(([date]) => date >= start)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([date, amount]) => ({ date, amount: round(amount) })),
        };
      });
    },
  };
}

function idleCost(
  rows:
    | Array<{ date: string; instanceType: string; idleGpuHours: number }>
    | undefined,
  prices?: Record<string, number>,
): IdleGpuCost | null {
  if (!rows || rows.length === 0) {
    return null;
  }
  const byDate = new Map<string, { gpuHours: number; cost: number }>();
  for (const row of rows) {
    const day = byDate.get(row.date) ?? { gpuHours: 0, cost: 0 };
    day.gpuHours += row.idleGpuHours;
    day.cost +=
      row.idleGpuHours * (gpuHourPrice(row.instanceType, prices) ?? 0);
    byDate.set(row.date, day);
  }
  const daily = [...byDate]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({
      date,
      gpuHours: round(d.gpuHours),
      cost: round(d.cost),
    }));
  return {
    gpuHours: round(daily.reduce((t, d) => t + d.gpuHours, 0)),
    cost: round(daily.reduce((t, d) => t + d.cost, 0)),
    daily,
  };
}
