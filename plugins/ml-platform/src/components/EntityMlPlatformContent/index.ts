export { EntityMlPlatformContent } from './EntityMlPlatformContent';
export { isMlPlatformEntity } from './isMlPlatformEntity';
