import { Document, LineCounter, isNode } from 'yaml';

/**
 * Line (1-based) of the node at a JSON-pointer-like path such as
 * `/jobs/plan/steps/0`, falling back to the closest existing parent, so schema
 * errors that only carry a path can still name a line.
 */
export function lineOfPath(
  doc: Document,
  lineCounter: LineCounter,
  path: string,
  fallbackOffset = 0,
): number {
  const segments = path
    .split('/')
    .filter(Boolean)
    .map(s => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) {
      return lineCounter.linePos(node.range[0]).line;
    }
  }
  return lineCounter.linePos(fallbackOffset).line;
}
