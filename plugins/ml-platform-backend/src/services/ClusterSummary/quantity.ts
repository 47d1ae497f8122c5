// client-node 1.4 ships its quantity parser but does not re-export it from the
// package root; the tests pin its behaviour.
import { quantityToScalar } from '@kubernetes/client-node/dist/util.js';

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * A Kubernetes quantity as a number: "1500m" → 1.5, "16Gi" → 17179869184,
 * "16106127360" → 16106127360. Uses client-node's parser, which returns
 * bigints for suffixed integers and rejects fractions such as "1.5Gi"; those
 * are handled here. Unparseable values count as 0 rather than breaking a
 * whole cluster's summary.
 */
export function parseQuantity(quantity: string | number | undefined): number {
  if (quantity === undefined || quantity === null || quantity === '') {
    return 0;
  }
  if (typeof quantity === 'number') {
    return quantity;
  }
  try {
    return Number(quantityToScalar(quantity));
  } catch {
    const match = /^([0-9.]+)([A-Za-z]+)$/.exec(quantity);
    if (match) {
      const factor = BINARY[match[2]] ?? DECIMAL[match[2]];
      const value = Number(match[1]);
      if (factor && !Number.isNaN(value)) {
        return value * factor;
      }
    }
    return 0;
  }
}
