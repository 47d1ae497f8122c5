import { Config } from '@backstage/config';
import { environmentSchema } from './schema';
import { EnvironmentConfig } from './types';

const CONFIG_KEY = 'mlPlatform.environments';

/**
 * Reads `mlPlatform.environments` once into typed objects. Throws at start-up
 * with a message naming the environment and the offending key, so a broken
 * config never reaches a request.
 */
export function readEnvironments(config: Config): EnvironmentConfig[] {
  const raw = config.getOptional<unknown>(CONFIG_KEY) ?? [];
  if (!Array.isArray(raw)) {
    throw new Error(`Invalid config: ${CONFIG_KEY} must be a list`);
  }

  const environments: EnvironmentConfig[] = [];
  const firstIndexByName = new Map<string, number>();

  raw.forEach((entry: unknown, index: number) => {
    const label = describeEntry(entry, index);
    const parsed = environmentSchema.safeParse(entry);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(issue => {
        const key = issue.path.join('.') || '(entry)';
        return `key '${key}' ${issue.message}`;
      });
      throw new Error(`Invalid config for ${label}: ${problems.join('; ')}`);
    }

    const env = parsed.data;
    const previous = firstIndexByName.get(env.name);
    if (previous !== undefined) {
      throw new Error(
        `Invalid config for ${label}: key 'name' duplicates ${CONFIG_KEY}[${previous}]; environment names must be unique`,
      );
    }
    firstIndexByName.set(env.name, index);
    environments.push({ ...env, title: env.title ?? env.name });
  });

  return environments;
}

function describeEntry(entry: unknown, index: number): string {
  const name =
    entry && typeof entry === 'object' && 'name' in entry
      ? (entry as { name: unknown }).name
      : undefined;
  const where = `${CONFIG_KEY}[${index}]`;
  return typeof name === 'string' && name
    ? `environment '${name}' (${where})`
    : `environment at ${where}`;
}
