export {
  createCatalogEstimateSource,
  MONTHLY_ESTIMATE_ANNOTATION,
} from './createCatalogEstimateSource';
