import { Entity } from '@backstage/catalog-model';
import { environmentNameOfEntity } from '@internal/backstage-plugin-ml-platform-common';

/** Whether an entity gets the "ML Platform" tab. @public */
export const isMlPlatformEntity = (entity: Entity): boolean =>
  environmentNameOfEntity(entity) !== undefined;
