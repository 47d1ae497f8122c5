import { CatalogService } from '@backstage/plugin-catalog-node';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createCheckWorkspaceAction } from './checkWorkspace';
import { createEstimateCostAction } from './estimateCost';
import { createValidateEnvironmentAction } from './validateEnvironment';

export {
  createCheckWorkspaceAction,
  createEstimateCostAction,
  createValidateEnvironmentAction,
};
export { VPC_CIDR_ANNOTATION } from './validateEnvironment';

/** Every action this module contributes. */
export function createMlPlatformActions(options: {
  catalog: CatalogService;
}): TemplateAction<any, any, any>[] {
  return [
    createValidateEnvironmentAction({ catalog: options.catalog }),
    createEstimateCostAction(),
    createCheckWorkspaceAction(),
  ];
}
