export type { CostExplorerGateway, CostForecast, DailyCost } from './types';
export {
  createCostExplorerGateway,
  EC2_COMPUTE_SERVICE,
} from './createCostExplorerGateway';
export type { CostExplorerGatewayOptions } from './createCostExplorerGateway';
