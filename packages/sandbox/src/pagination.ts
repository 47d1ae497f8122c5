/**
 * Opaque page tokens over an offset, like the real APIs hand out: clients
 * must pass them back as they are.
 */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

export function decodePageToken(token: string | undefined): number | undefined {
  if (!token) {
    return 0;
  }
  try {
    const { offset } = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    );
    return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/** Page `[offset, offset + limit)` of `total` items; the next offset when there is more. */
export function pageBounds(offset: number, limit: number, total: number) {
  const end = Math.min(offset + limit, total);
  return { start: offset, end, next: end < total ? end : undefined };
}
