import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

export interface LoadFigures {
  requests: number;
  /** Requests per second over the run. */
  throughput: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** autocannon's own result, for counts this summary leaves out. */
  result: autocannon.Result;
}

/**
 * Runs autocannon against one URL and records every response time in an HDR
 * histogram, so p95 is read off exactly (autocannon's own summary stops at
 * p90 and p97.5).
 */
export async function measureLoad(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** Paths to cycle through on each connection (default: the URL's own). */
  requests?: autocannon.Request[];
  /** Per-request timeout in seconds (autocannon's default is 10). */
  timeoutSeconds?: number;
  /**
   * Seconds of the same load before recording starts, so the figures are of
   * a warmed-up process (JIT done, the garbage of an earlier phase collected).
   */
  warmupSeconds?: number;
}): Promise<LoadFigures> {
  if (options.warmupSeconds) {
    await autocannon({
      url: options.url,
      connections: options.connections,
      duration: options.warmupSeconds,
      headers: options.headers,
      requests: options.requests,
      timeout: options.timeoutSeconds,
    });
  }
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.requests,
    timeout: options.timeoutSeconds,
  });
  // responseTime is in milliseconds (fractional); record microseconds.
  instance.on('response', (_client, _status, _bytes, responseTime: number) => {
    histogram.recordValue(Math.max(1, Math.round(responseTime * 1000)));
  });
  const result = await instance;
  const ms = (microseconds: number) => Math.round(microseconds / 10) / 100;
  const at = (percentile: number) =>
    ms(histogram.getValueAtPercentile(percentile));
  const figures = {
    requests: result.requests.total,
    throughput: Math.round(result.requests.total / options.durationSeconds),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: ms(histogram.maxValue),
    result,
  };
  histogram.destroy();
  return figures;
}

export const describeLoad = (f: LoadFigures) =>
  `${f.requests} requests (${f.throughput}/s), non-2xx ${f.non2xx}, errors ${f.errors}; ` +
  `latency p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms`;
