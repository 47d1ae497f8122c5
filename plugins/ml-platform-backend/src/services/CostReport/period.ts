import { CostPeriod } from '@internal/backstage-plugin-ml-platform-common';
import { addDays, monthStart } from '../CostRefresher';

/** First day of a period ending today (inclusive). */
export function periodStart(period: CostPeriod, today: string): string {
  switch (period) {
    case 'mtd':
      return monthStart(today);
    case '30d':
      return addDays(today, -29);
    case '90d':
      return addDays(today, -89);
    case '6m':
      return monthStart(today, -5);
    case '12m':
    default:
      return monthStart(today, -11);
  }
}
