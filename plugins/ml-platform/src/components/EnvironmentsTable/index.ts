export { EnvironmentsTable } from './EnvironmentsTable';
export { TierChip } from './TierChip';
