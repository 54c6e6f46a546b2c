// SYNTHETIC — who the generated events say wrote them, and ids that repeat with the seed.
import { createHash } from 'node:crypto';
import type { Role } from '../../src/auth/principal.js';
import type { CommandContext } from '../../src/domain/decider.js';

/** The actor id every synthetic event carries. */
export const SYNTHETIC_ACTOR = 'seed:synthetic';
const ACTOR_NAME = 'Oversight synthetic generator (not real data)';
const TAGS = Object.freeze({ synthetic: true });
/**
 * Reproducible ids: UUIDv8 (RFC 9562's custom layout), 64 bits of a digest of the seed and a
 * 60-bit counter. The same seed draws the same ids in the same order; ids of different seeds
 * differ in their first half. A name-based uuid v5 per id would cost a SHA-1 each, which shows
 * at a million events.
 */
export class SyntheticIds {
  private counter = 0;
  private readonly prefix: string;

  constructor(seed: number) {
    const h = createHash('sha256').update(`oversight:synthetic:${seed}`).digest('hex');
    this.prefix = `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-8`;
  }

  /** The next id. */
  next = (): string => {
    const c = (this.counter++).toString(16).padStart(15, '0');
    return `${this.prefix}${c.slice(0, 3)}-${c.slice(3)}`;
  };
}

/** The context of a synthetic command: the simulated clock, deterministic ids, the synthetic tag. */
export function syntheticContext(
  ids: SyntheticIds,
  at: number,
  role: Role,
  onBehalfOf: string | null = null,
): CommandContext {
  return {
    now: new Date(at),
    newId: ids.next,
    actor: { id: SYNTHETIC_ACTOR, role, name: ACTOR_NAME, onBehalfOf },
    tags: TAGS,
  };
}
