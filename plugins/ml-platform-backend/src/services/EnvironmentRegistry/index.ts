export type { EnvironmentRegistry } from './types';
export { createEnvironmentRegistry } from './createEnvironmentRegistry';
