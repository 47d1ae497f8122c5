import { NotFoundError } from '@backstage/errors';
import { EnvironmentConfig } from '../../config/types';
import { EnvironmentRegistry } from './types';

export function createEnvironmentRegistry(
  environments: EnvironmentConfig[],
): EnvironmentRegistry {
  const byName = new Map(environments.map(env => [env.name, env]));
  return {
    list: () => environments,
    get(name) {
      const env = byName.get(name);
      if (!env) {
        throw new NotFoundError(`No ML environment named '${name}'`);
      }
      return env;
    },
  };
}
