export type * from './types';
export { createCostLedger, createCostLedgerFromKnex } from './createCostLedger';
export {
  withLedgerStateMemo,
  LEDGER_STATE_TTL_MS,
} from './withLedgerStateMemo';
