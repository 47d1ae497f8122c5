export { createSandboxApp, startSandbox } from './server';
export type { RunningSandbox, SandboxOptions } from './server';
export { demoScenario } from './scenarios/demo';
export type * from './scenarios/types';
export { scaleScenario } from './scenarios/scale';
export { MODEL_NAME_LABEL, MODEL_VERSION_LABEL } from './kubernetes/workloads';
