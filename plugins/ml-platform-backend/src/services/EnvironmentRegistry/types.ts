import { EnvironmentConfig } from '../../config/types';

/** The configured environments, read once at start-up. */
export interface EnvironmentRegistry {
  list(): EnvironmentConfig[];
  /** Throws NotFoundError for an unknown name. */
  get(name: string): EnvironmentConfig;
}
