import { TestDatabases } from '@backstage/backend-test-utils';
import { createCostLedger } from './createCostLedger';
import { withLedgerStateMemo } from './withLedgerStateMemo';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function twoReplicas() {
  const knex = await databases.init('SQLITE_3');
  const raw = await createCostLedger({ getClient: async () => knex });
  let clock = Date.parse('2026-11-23T10:00:00Z');
  const memoised = () =>
    withLedgerStateMemo(raw, { ttlMs: 2000, now: () => clock });
  const queries: string[] = [];
  knex.on('query', (q: { sql: string }) => queries.push(q.sql));
  return {
    a: memoised(),
    b: memoised(),
    queries,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const refresh = (at: string) => ({ at, requests: 3 });

describe('withLedgerStateMemo', () => {
  it('answers version and refresh states from memory while they are young', async () => {
    const { a, queries, advance } = await twoReplicas();
    await a.recordRefresh('ml-prod', refresh('2026-11-23T09:00:00Z'));
    const version = await a.version();
    const states = await a.refreshStates();
    queries.length = 0;

    advance(1500);
    const [v2, s2] = await Promise.all([a.version(), a.refreshStates()]);
    await Promise.all(Array.from({ length: 20 }, () => a.version()));

    expect(v2).toBe(version);
    expect(s2).toBe(states);
    expect(queries).toEqual([]);
  });

  it('forgets at once after a write through it, and within the TTL after a write elsewhere', async () => {
    const { a, b, advance } = await twoReplicas();
    await a.recordRefresh('ml-prod', refresh('2026-11-23T09:00:00Z'));
    const before = await a.version();
    expect(await b.version()).toBe(before);

    await a.recordRefresh('ml-prod', refresh('2026-11-23T10:00:00Z'));
    const own = await a.version();
    expect(own).not.toBe(before);
    expect((await a.refreshStates()).get('ml-prod')?.lastSuccessAt).toBe(
      '2026-11-23T10:00:00Z',
    );

    // Replica B still trusts its answer for the TTL, then reads the change.
    expect(await b.version()).toBe(before);
    advance(2001);
    expect(await b.version()).toBe(own);
  });
});
