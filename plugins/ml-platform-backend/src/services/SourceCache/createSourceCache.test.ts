import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createSourceCache, ERROR_HOLD_MS } from './createSourceCache';
import { parseRetryAfter, RetryAfterError } from './retryAfter';

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

  it('serves a fresh envelope from this process, and asks the shared cache again once it is old', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const shared = CacheManager.fromConfig(
      new ConfigReader({ backend: { cache: { store: 'memory' } } }),
    ).forPlugin('ml-platform');
    const options = { ttlMs: 1000, timeoutMs: 5000, breakerThreshold: 3 };
    const replica = () =>
      createSourceCache({
        cache: shared,
        logger: mockServices.logger.mock(),
        options,
        now: () => clock,
      });
    const a = replica();
    const b = replica();
    const get = jest.spyOn(shared, 'get');

    const first = await a.read(key, async () => ({ nodes: 3 }));
    get.mockClear();
    clock += 500;
    const again = await a.read(key, async () => ({ nodes: 99 }));
    expect(again).toBe(first); // same object: routes reuse its serialised body
    expect(get).not.toHaveBeenCalled();

    // Replica B refreshes the shared entry later; A picks it up once its own copy is old.
    clock += 600;
    await b.read(key, async () => ({ nodes: 4 }));
    clock += 100;
    const picked = await a.read(key, async () => ({ nodes: 99 }));
    expect(picked.data).toEqual({ nodes: 4 });
    expect(get).toHaveBeenCalled();
  });

  it('logs a failure once per reason while it lasts, and once when it works again', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const logger = mockServices.logger.mock();
    const sourceCache = createSourceCache({
      cache: CacheManager.fromConfig(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ).forPlugin('ml-platform'),
      logger,
      options: { ttlMs: 1000, timeoutMs: 5000, breakerThreshold: 100 },
      now: () => clock,
    });
    // each read past the hold of the last failure (the TTL here)
    for (let i = 0; i < 5; i++) {
      await sourceCache.read(key, failing('500 Internal Server Error'));
      clock += 1001;
    }
    await sourceCache.read(key, failing('connect ECONNREFUSED'));
    expect(logger.warn).toHaveBeenCalledTimes(2);
    clock += 1001;

    await sourceCache.read(key, async () => ({ nodes: 3 }));
    expect(logger.info).toHaveBeenCalledWith(
      'Reading kubernetes of environment ml-prod works again',
    );
    clock += 2000;
    await sourceCache.read(key, failing('500 Internal Server Error'));
    expect(logger.warn).toHaveBeenCalledTimes(3);
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

  it('answers callers that come while a reload is pending with the last good data at once', async () => {
    const { sourceCache, advance } = setup();
    await sourceCache.read(key, async () => ({ nodes: 3 }));
    advance(5000);
    let resolve: (v: { nodes: number }) => void = () => {};
    const load = jest.fn(
      () => new Promise<{ nodes: number }>(r => (resolve = r)),
    );

    const first = sourceCache.read(key, load);
    await new Promise(r => setImmediate(r));
    const second = await sourceCache.read(key, load);
    expect(second).toEqual({
      environment: 'ml-prod',
      source: 'kubernetes',
      fetchedAt: '2026-11-23T10:00:00.000Z',
      stale: true,
      data: { nodes: 3 },
    });
    // The same object for every caller of the pending period, so the routes
    // serialise it once rather than once per request.
    expect(await sourceCache.read(key, load)).toBe(second);
    resolve({ nodes: 4 });
    expect((await first).data).toEqual({ nodes: 4 });
    expect(load).toHaveBeenCalledTimes(1);
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
    const { sourceCache, advance } = setup({ breakerThreshold: 2 });
    const load = failing('500 Internal Server Error');

    for (let i = 0; i < 5; i++) {
      await sourceCache.read(key, load);
      advance(1001); // past the hold of the last failure
    }
    const last = await sourceCache.read(key, load);

    // the first read fails twice (one retry) and opens the breaker; later reads never reach the upstream
    expect(load).toHaveBeenCalledTimes(2);
    expect(last.error?.message).toMatch(/failing repeatedly/);
  });

  it('answers reads soon after a failure from memory: no upstream, no shared cache, one envelope', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const cache = CacheManager.fromConfig(
      new ConfigReader({ backend: { cache: { store: 'memory' } } }),
    ).forPlugin('ml-platform');
    const sourceCache = createSourceCache({
      cache,
      logger: mockServices.logger.mock(),
      options: { ttlMs: 60_000, timeoutMs: 5000, breakerThreshold: 3 },
      now: () => clock,
    });
    await sourceCache.read(key, async () => ({ nodes: 3 }));
    clock += 61_000;
    const load = failing('Kubernetes API answered 503');
    const first = await sourceCache.read(key, load);
    const get = jest.spyOn(cache, 'get');
    clock += ERROR_HOLD_MS - 1;
    const again = await sourceCache.read(key, load);
    expect(again).toBe(first);
    expect(again).toMatchObject({ stale: true, data: { nodes: 3 } });
    expect(load).toHaveBeenCalledTimes(2); // the first read and its retry
    expect(get).not.toHaveBeenCalled();

    clock += 2; // the hold is over: the upstream is tried again
    await sourceCache.read(key, async () => ({ nodes: 4 }));
    expect((await sourceCache.read(key, load)).data).toEqual({ nodes: 4 });
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

  it('redacts the error message it returns and logs', async () => {
    const logger = mockServices.logger.mock();
    const sourceCache = createSourceCache({
      cache: CacheManager.fromConfig(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ).forPlugin('ml-platform'),
      logger,
      options: { breakerThreshold: 3 },
      redact: text => text.split('s3cr3t-token').join('[REDACTED]'),
    });
    const result = await sourceCache.read(
      key,
      failing('500: echo Bearer s3cr3t-token'),
    );
    expect(result.error).toEqual({ message: '500: echo Bearer [REDACTED]' });
    expect(logger.warn).toHaveBeenCalledWith(
      'Reading kubernetes of environment ml-prod failed: 500: echo Bearer [REDACTED]',
    );
  });

  it('does not retry or call again an upstream that asked to wait (Retry-After)', async () => {
    const { sourceCache, advance } = setup();
    await sourceCache.read(key, async () => ({ nodes: 3 }));
    advance(5000);
    const load = jest.fn(async () => {
      throw new RetryAfterError('Kubernetes API answered 429', 20_000);
    });

    const first = await sourceCache.read(key, load);
    advance(10_000);
    const during = await sourceCache.read(key, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(first.error?.message).toBe(
      'Kubernetes API answered 429 (Retry-After: 20 s)',
    );
    expect(during).toEqual(first);
    expect(during.data).toEqual({ nodes: 3 });

    advance(10_001);
    await sourceCache.read(key, async () => ({ nodes: 5 }));
    const after = await sourceCache.read(key, load);
    expect(after.data).toEqual({ nodes: 5 });
    expect(after.error).toBeUndefined();
  });
});

describe('createSourceCache when the shared cache fails', () => {
  const brokenCache = (how: 'rejects' | 'hangs') => {
    const fail = () =>
      how === 'rejects'
        ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379'))
        : new Promise<never>(() => {});
    return {
      get: jest.fn(fail),
      set: jest.fn(fail),
      delete: jest.fn(fail),
      withOptions: jest.fn(),
    };
  };
  const make = (cache: ReturnType<typeof brokenCache>, clock: () => number) => {
    const logger = mockServices.logger.mock();
    const sourceCache = createSourceCache({
      cache: cache as any,
      logger,
      options: { ttlMs: 1000, timeoutMs: 5000, breakerThreshold: 3 },
      sharedCache: {
        timeoutMs: 50,
        breakerThreshold: 2,
        breakerHalfOpenAfterMs: 60_000,
      },
      now: clock,
    });
    return { sourceCache, logger };
  };

  it.each(['rejects', 'hangs'] as const)(
    'reads the upstream when the cache %s, and logs it once',
    async how => {
      const cache = brokenCache(how);
      const { sourceCache, logger } = make(cache, Date.now);
      const load = jest.fn(async () => ({ nodes: 3 }));
      const envelope = await sourceCache.read(key, load);
      expect(envelope).toMatchObject({ stale: false, data: { nodes: 3 } });
      expect(envelope.error).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toMatch(/Shared cache unavailable/);
    },
  );

  it('skips a cache that keeps failing, and keeps its own last good data to show', async () => {
    let clock = Date.parse('2026-11-23T10:00:00Z');
    const cache = brokenCache('hangs');
    const { sourceCache } = make(cache, () => clock);
    await sourceCache.read(key, async () => ({ nodes: 3 }));
    clock += 5000;
    const down = await sourceCache.read(key, async () => {
      throw new Error('Kubernetes API answered 503');
    });
    expect(down).toMatchObject({
      stale: true,
      data: { nodes: 3 },
      error: { message: expect.stringMatching(/503/) },
    });
    // get + set of the first read, then one get: the breaker is open now.
    const calls = cache.get.mock.calls.length + cache.set.mock.calls.length;
    clock += 1001; // past the hold of the failure, so the read goes on
    const up = await sourceCache.read(key, async () => ({ nodes: 4 }));
    expect(up.data).toEqual({ nodes: 4 });
    expect(cache.get.mock.calls.length + cache.set.mock.calls.length).toBe(
      calls,
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
  });
});
