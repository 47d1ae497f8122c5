/** Longest wait an upstream can ask for; beyond it the TTL decides. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * An upstream said how long to leave it alone (HTTP 429 or 503 with
 * Retry-After). SourceCache neither retries it nor calls it again before then.
 */
export class RetryAfterError extends Error {
  constructor(message: string, readonly retryAfterMs: number) {
    super(message);
    this.name = 'RetryAfterError';
  }
}

/** Retry-After as delay-seconds or an HTTP date, in ms from `now`. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms) || ms < 0) {
    return undefined;
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** The error as it should be thrown: with its Retry-After when the status asks to wait. */
export function withRetryAfter(
  error: Error,
  status: number,
  headers: { get(name: string): string | null },
): Error {
  if (status !== 429 && status !== 503) {
    return error;
  }
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  return retryAfterMs === undefined
    ? error
    : Object.assign(new RetryAfterError(error.message, retryAfterMs), {
        cause: error,
      });
}

/** How long the upstream asked to be left alone, from any client's error that says. */
export function retryAfterOf(error: unknown): number | undefined {
  const ms = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === 'number' ? ms : undefined;
}
