export { ModelsCard } from './ModelsCard';
