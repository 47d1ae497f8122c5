export { PromotionView } from './PromotionView';
