export * from './types';
export { MlPlatformClient } from './MlPlatformClient';
