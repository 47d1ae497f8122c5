export { CostDashboardPage } from './CostDashboardPage';
