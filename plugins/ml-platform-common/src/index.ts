/**
 * Types, constants and permissions shared by the ML Platform frontend,
 * backend and scaffolder packages.
 *
 * @packageDocumentation
 */

export * from './environment';
export * from './permissions';
export * from './envelope';
export * from './models';
export * from './cluster';
export * from './summary';
export * from './cost';
