export { createCostRefresher } from './createCostRefresher';
export type {
  CostRefresher,
  CostRefresherOptions,
} from './createCostRefresher';
export * from './dates';
