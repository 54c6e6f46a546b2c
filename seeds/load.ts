import type { Ledger } from '../src/ledger/ledger.js';
import { loadFacts, type SeedTally } from './load-facts.js';
import { loadScenario } from './load-scenario.js';

/**
 * Loads the real seed set and, unless left out, the illustrative scenario on top; through the
 * command handlers, idempotently: a second load appends nothing.
 */
export async function loadSeeds(
  ledger: Ledger,
  options: { scenario?: boolean; progress?: (msg: string) => void } = {},
): Promise<SeedTally> {
  const t: SeedTally = { written: 0, alreadyThere: 0 };
  const progress = options.progress ?? (() => {});
  await loadFacts(ledger, t, progress);
  if (options.scenario !== false) await loadScenario(ledger, t, progress);
  return t;
}
