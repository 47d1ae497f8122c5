export {
  mlPlatformPlugin,
  MlPlatformPage,
  MlPlatformCostsPage,
  EntityMlPlatformContent,
} from './plugin';
export { isMlPlatformEntity } from './components/EntityMlPlatformContent/isMlPlatformEntity';
export * from './api';
