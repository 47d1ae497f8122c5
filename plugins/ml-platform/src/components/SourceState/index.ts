export { SourceState } from './SourceState';
export { formatAge } from './formatAge';
export { formatBytes, formatCores, percent } from './formatQuantity';
