import { addDays, daysBetween, monthStart } from '../CostRefresher';

/**
 * The day month-to-date spend reaches the budget: the past day it did, or,
 * at the average rate of the last complete days, the day it will this month.
 */
export function budgetExhaustedOn(options: {
  budget: number;
  today: string;
  /** Daily totals of the current month, by date. */
  daily: Map<string, number>;
  recentDailyRate: number;
}): string | null {
  const { budget, today, daily, recentDailyRate } = options;
  let spent = 0;
  for (let d = monthStart(today); d <= today; d = addDays(d, 1)) {
    spent += daily.get(d) ?? 0;
    if (spent >= budget) {
      return d;
    }
  }
  if (recentDailyRate <= 0) {
    return null;
  }
  const days = Math.ceil((budget - spent) / recentDailyRate);
  const date = addDays(today, days);
  const monthEnd = addDays(monthStart(today, 1), -1);
  return daysBetween(date, monthEnd) >= 0 ? date : null;
}
