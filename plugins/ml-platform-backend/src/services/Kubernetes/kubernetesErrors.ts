import { ApiException } from '@kubernetes/client-node';
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
  if (
    error instanceof ApiException ||
    (typeof e?.code === 'number' && e.body !== undefined)
  ) {
    // client-node's ApiException; its message also carries the headers, and
    // its body is undefined for statuses the API spec does not list (401).
    const code = e.code as number;
    let detail = '';
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      detail = (body as { message?: string })?.message ?? '';
    } catch {
      detail = '';
    }
    const headers = e.headers ?? {};
    return withRetryAfter(
      withStatus(
        new Error(
          `Kubernetes API answered ${code}${detail ? `: ${detail}` : ''}`,
        ),
        code,
      ),
      code,
      { get: name => headers[name] ?? headers[name.toLowerCase()] ?? null },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** The HTTP status the API answered, kept on the safe error. */
function withStatus(error: Error, status: number): Error {
  return Object.assign(error, { status });
}

/** Whether the API refused the credentials (401): the token, not the request. */
export function isUnauthorized(error: unknown): boolean {
  return (error as { status?: unknown })?.status === 401;
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
    withStatus(
      new Error(`Kubernetes API answered ${response.status}: ${detail}`),
      response.status,
    ),
    response.status,
    response.headers,
  );
}
