import { CostLedger } from './types';

/** How long this process trusts its last read of the ledger's state. */
export const LEDGER_STATE_TTL_MS = 2_000;

/**
 * Every cost page view asks the ledger two small questions — has it changed
 * (`version`) and how fresh is each environment (`refreshStates`) — before
 * any cached report can be served. Asked per request they cost two database
 * round trips each time; here they are answered from memory for a couple of
 * seconds, concurrent callers share one query, and any write through this
 * process forgets the answers at once. A write on another replica (refreshes
 * run every few hours) shows up here within `ttlMs`.
 */
export function withLedgerStateMemo(
  ledger: CostLedger,
  options: { ttlMs?: number; now?: () => number } = {},
): CostLedger {
  const ttlMs = options.ttlMs ?? LEDGER_STATE_TTL_MS;
  const now = options.now ?? Date.now;
  const memo = new Map<
    'version' | 'refreshStates',
    { at: number; value: Promise<any> }
  >();

  function remembered<T>(
    name: 'version' | 'refreshStates',
    read: () => Promise<T>,
  ): Promise<T> {
    const hit = memo.get(name);
    if (hit && now() - hit.at < ttlMs) {
      return hit.value;
    }
    const value = read();
    memo.set(name, { at: now(), value });
    value.catch(() => memo.delete(name));
    return value;
  }

  const afterWrite =
    <A extends unknown[]>(write: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await write(...args);
      } finally {
        memo.clear();
      }
    };

  return {
    ...ledger,
    version: () => remembered('version', () => ledger.version()),
    refreshStates: () =>
      remembered('refreshStates', () => ledger.refreshStates()),
    upsertDailyCosts: afterWrite(ledger.upsertDailyCosts.bind(ledger)),
    setForecast: afterWrite(ledger.setForecast.bind(ledger)),
    recordRefresh: afterWrite(ledger.recordRefresh.bind(ledger)),
    addGpuSamples: afterWrite(ledger.addGpuSamples.bind(ledger)),
  };
}
