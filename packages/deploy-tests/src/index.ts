/**
 * Checks of the portal's deployment artefacts (packages/backend/Dockerfile and
 * deploy/helm/ml-platform-portal), used by this package's tests.
 *
 * @packageDocumentation
 */
export * from './dockerfile';
export * from './helm';
export * from './kubernetes';
export * from './repo';
