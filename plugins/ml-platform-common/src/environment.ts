import type { Entity } from '@backstage/catalog-model';

/** The tiers an ML environment can have, from a laptop to production. @public */
export const ENVIRONMENT_TIERS = ['local', 'dev', 'staging', 'prod'] as const;

/** @public */
export type EnvironmentTier = (typeof ENVIRONMENT_TIERS)[number];

/**
 * What any signed-in caller may know about an environment. Connection details
 * and credentials stay in the backend's config and never take this shape.
 * @public
 */
export interface EnvironmentInfo {
  name: string;
  title: string;
  tier: EnvironmentTier;
  owner: string;
}

/** Response of `GET /api/ml-platform/environments`. @public */
export interface EnvironmentList {
  items: EnvironmentInfo[];
}

/**
 * Annotation that links a catalog entity to an environment by name. It only
 * names an environment; the URL and credentials live in app-config.
 * @public
 */
export const ML_PLATFORM_ENVIRONMENT_ANNOTATION = 'ml-platform/environment';

/** `spec.type` of the Resource entities that represent environments. @public */
export const ML_ENVIRONMENT_RESOURCE_TYPE = 'ml-environment';

/** Environment names are DNS labels: they appear in routes, annotations and hostnames. @public */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The environment an entity belongs to: its annotation when present, else, for
 * an ml-environment Resource, the entity's own name.
 * @public
 */
export function environmentNameOfEntity(entity: Entity): string | undefined {
  const annotated =
    entity.metadata.annotations?.[ML_PLATFORM_ENVIRONMENT_ANNOTATION];
  if (annotated) {
    return annotated;
  }
  if (isMlEnvironmentResource(entity)) {
    return entity.metadata.name;
  }
  return undefined;
}

/** True for Resource entities of spec.type ml-environment. @public */
export function isMlEnvironmentResource(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === ML_ENVIRONMENT_RESOURCE_TYPE
  );
}
