export { createSandboxApp, startSandbox } from './server';
export type { RunningSandbox, SandboxOptions } from './server';
export { demoScenario } from './scenarios/demo';
export type * from './scenarios/types';
