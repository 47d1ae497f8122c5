import { CostLedger } from '../CostLedger';
import { isoDate } from '../CostRefresher';
import { CostReport } from './types';

const MAX_ENTRIES = 200;

/**
 * Keeps derived reports until the ledger changes (a refresh or a GPU sample,
 * on any replica), the day turns, or `ttlMs` passes (catalog estimates).
 */
export function createCachedCostReport(
  inner: CostReport,
  ledger: CostLedger,
  ttlMs = 60_000,
): CostReport {
  const cache = new Map<
    string,
    { version: string; at: number; value: ReturnType<CostReport['report']> }
  >();
  return {
    async report(environments, options) {
      const version = `${await ledger.version()}|${isoDate(new Date())}`;
      const key = JSON.stringify([environments.map(e => e.name), options]);
      const hit = cache.get(key);
      if (hit && hit.version === version && Date.now() - hit.at < ttlMs) {
        return hit.value;
      }
      const value = inner.report(environments, options);
      if (cache.size >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.set(key, { version, at: Date.now(), value });
      value.catch(() => cache.delete(key));
      return value;
    },
  };
}
