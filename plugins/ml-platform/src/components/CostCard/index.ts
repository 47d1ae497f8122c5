export { CostCard, CostSummary } from './CostCard';
