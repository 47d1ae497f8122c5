import { TemplateAction } from '@backstage/plugin-scaffolder-node';

/** Every action this module contributes. */
export function createMlPlatformActions(): TemplateAction<any, any, any>[] {
  return [];
}
