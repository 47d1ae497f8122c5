export type * from './types';
export { createCostLedger, createCostLedgerFromKnex } from './createCostLedger';
