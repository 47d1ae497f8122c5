import { ResponseError } from '@backstage/errors';

/** Money in the currency the data carries, without cents above 1000. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(amount) >= 1000 ? 0 : 2,
  }).format(amount);
}

export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** True when the backend said the caller lacks ml-platform.cost.read. */
export function isNotAllowed(error: unknown): boolean {
  return error instanceof ResponseError
    ? error.statusCode === 403
    : (error as { statusCode?: number } | undefined)?.statusCode === 403;
}

export const NOT_ALLOWED_MESSAGE =
  'You are not allowed to see cost data. Ask a platform admin for the ml-platform.cost.read permission.';
