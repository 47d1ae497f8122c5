import { EnvironmentScenario } from '../scenarios/types';

function tagFilters(
  node: unknown,
  found: { Key?: string; Values?: unknown[] }[],
) {
  if (Array.isArray(node)) {
    node.forEach(n => tagFilters(n, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Tags' && value && typeof value === 'object') {
        found.push(value as { Key?: string; Values?: unknown[] });
      } else {
        tagFilters(value, found);
      }
    }
  }
  return found;
}

/**
 * Which scenario environment a Cost Explorer request is about: the one whose
 * cost allocation tag the request's Filter names.
 */
export function costEnvironmentOf(
  body: unknown,
  environments: EnvironmentScenario[],
): string | undefined {
  const filters = tagFilters((body as { Filter?: unknown })?.Filter, []);
  return environments.find(
    e =>
      e.cost &&
      filters.some(
        f => f.Key === e.cost!.tagKey && f.Values?.includes(e.cost!.tagValue),
      ),
  )?.name;
}
