import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createSourceCache } from './createSourceCache';

const key = { source: 'kubernetes' as const, environment: 'ml-prod' };

function setup(options = {}) {
  let clock = Date.parse('2026-11-23T10:00:00Z');
  const cache = CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store: 'memory' } } }),
  ).forPlugin('ml-platform');
  const sourceCache = createSourceCache({
    cache,
    logger: mockServices.logger.mock(),
    options: { ttlMs: 1000, timeoutMs: 5000, breakerThreshold: 3, ...options },
    now: () => clock,
  });
  return {
    sourceCache,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const failing = (message: string) =>
  jest.fn(async () => {
    throw new Error(message);
  });

describe('createSourceCache', () => {
  it('serves fresh data from the cache without calling the upstream again', async () => {
    const { sourceCache, advance } = setup();
    const load = jest.fn(async () => ({ nodes: 3 }));

    const first = await sourceCache.read(key, load);
    advance(500);
    const second = await sourceCache.read(key, load);

    expect(first).toEqual({
      environment: 'ml-prod',
      source: 'kubernetes',
      fetchedAt: '2026-11-23T10:00:00.000Z',
      stale: false,
      data: { nodes: 3 },
    });
    expect(second).toEqual(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets concurrent callers share one upstream load', async () => {
    const { sourceCache } = setup();
    let resolve: (v: { nodes: number }) => void = () => {};
    const load = jest.fn(
      () => new Promise<{ nodes: number }>(r => (resolve = r)),
    );

    const reads = Array.from({ length: 20 }, () => sourceCache.read(key, load));
    await new Promise(r => setImmediate(r));
    resolve({ nodes: 7 });
    const results = await Promise.all(reads);

    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every(r => r.data?.nodes === 7)).toBe(true);
  });

  it('returns the last good data marked stale, with the error, when a reload fails', async () => {
    const { sourceCache, advance } = setup();
    await sourceCache.read(key, async () => ({ nodes: 3 }));
    advance(5000);

    const result = await sourceCache.read(key, failing('connect ECONNREFUSED'));

    expect(result).toEqual({
      environment: 'ml-prod',
      source: 'kubernetes',
      fetchedAt: '2026-11-23T10:00:00.000Z',
      stale: true,
      error: { message: 'connect ECONNREFUSED' },
      data: { nodes: 3 },
    });
  });

  it('returns an error without data when there never was good data', async () => {
    const { sourceCache } = setup();
    const result = await sourceCache.read(key, failing('401 Unauthorized'));
    expect(result.error).toEqual({ message: '401 Unauthorized' });
    expect(result.data).toBeUndefined();
    expect(result.stale).toBe(false);
  });

  it('gives up on a hanging upstream within the timeout and aborts its request', async () => {
    const { sourceCache } = setup({ timeoutMs: 50 });
    let aborted = false;
    const result = await sourceCache.read(
      key,
      signal =>
        new Promise<{ nodes: number }>(() => {
          signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    );
    expect(result.error?.message).toBe(
      'kubernetes did not answer within 0.05 s',
    );
    expect(aborted).toBe(true);
  });

  it('stops calling an upstream that keeps failing', async () => {
    const { sourceCache } = setup({ breakerThreshold: 2 });
    const load = failing('500 Internal Server Error');

    for (let i = 0; i < 5; i++) {
      await sourceCache.read(key, load);
    }
    const last = await sourceCache.read(key, load);

    // the first read fails twice (one retry) and opens the breaker; later reads never reach the upstream
    expect(load).toHaveBeenCalledTimes(2);
    expect(last.error?.message).toMatch(/failing repeatedly/);
  });

  it('retries a failed load once before reporting an error', async () => {
    const { sourceCache } = setup();
    const load = jest
      .fn()
      .mockRejectedValueOnce(new Error('socket hang up'))
      .mockResolvedValueOnce({ nodes: 4 });
    const result = await sourceCache.read(key, load);
    expect(result.data).toEqual({ nodes: 4 });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
