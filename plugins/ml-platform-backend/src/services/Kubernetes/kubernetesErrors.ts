import { withRetryAfter } from '../SourceCache/retryAfter';

/**
 * Errors as callers may see them: the status and the API's own message, or
 * the network error code; never the URL, headers or token.
 */
export function describeKubernetesError(error: unknown): Error {
  const e = error as {
    name?: string;
    code?: number | string;
    body?: unknown;
    type?: string;
    headers?: Record<string, string>;
  };
  if (e?.name === 'AbortError') {
    return error as Error;
  }
  if (e?.name === 'FetchError') {
    const reason = typeof e.code === 'string' ? e.code : e.type ?? 'failed';
    return new Error(`Kubernetes API unreachable (${reason})`);
  }
  if (typeof e?.code === 'number' && e.body !== undefined) {
    // client-node's ApiException; its message also carries the headers.
    let detail = '';
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      detail = (body as { message?: string })?.message ?? '';
    } catch {
      detail = '';
    }
    const headers = e.headers ?? {};
    return withRetryAfter(
      new Error(
        `Kubernetes API answered ${e.code}${detail ? `: ${detail}` : ''}`,
      ),
      e.code,
      { get: name => headers[name] ?? headers[name.toLowerCase()] ?? null },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs a request, turning its failure into a safe error. */
export async function safely<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw describeKubernetesError(error);
  }
}

export async function apiError(response: {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}): Promise<Error> {
  let detail = response.statusText;
  try {
    // Kubernetes answers a Status object; its message says what went wrong.
    const status = JSON.parse(await response.text());
    detail = status.message ?? detail;
  } catch {
    // not JSON: keep the status text
  }
  return withRetryAfter(
    new Error(`Kubernetes API answered ${response.status}: ${detail}`),
    response.status,
    response.headers,
  );
}
