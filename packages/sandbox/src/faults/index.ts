export { controlRouter } from './controlRouter';
export { FaultState } from './faultState';
export type { UpstreamCounts } from './faultState';
export { injectFaults } from './injectFaults';
export {
  FAULT_MODES,
  UPSTREAMS,
  faultSchema,
  parseFaultList,
} from './faultSpec';
export type { Fault, FaultMode, Upstream } from './faultSpec';
