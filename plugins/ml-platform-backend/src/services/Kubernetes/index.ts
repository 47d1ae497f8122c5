export type * from './types';
export { createKubeConfig, serviceAccountToken } from './createKubeConfig';
export {
  createKubernetesClientFactory,
  DEFAULT_PAGE_SIZE,
} from './createKubernetesClientFactory';
export { createEksToken, cachedEksTokenProvider } from './eksToken';
export { ListExpiredError, MAX_LIST_RESTARTS } from './ListExpiredError';
