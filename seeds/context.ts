import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Role } from '../src/auth/principal.js';
import type { CommandContext } from '../src/domain/decider.js';

// Seed ids are derived from names, so every machine that loads the seed set gets the same ids
// (a task of 183-KL/TW clause 3.(2) has the same URL everywhere).
const NAMESPACE = '6f1c7a52-3b0e-4d8a-9a51-0c2a4e1d7b90';

/** A stable uuid for a seed item named by `name`. */
export function seedId(name: string): string {
  return uuidv5(name, NAMESPACE);
}

/** The context seed commands run in: the loader as actor, in a role, perhaps for a unit. */
export function seedContext(
  role: Role,
  options: { onBehalfOf?: string; scenario?: boolean; now?: Date } = {},
): CommandContext {
  return {
    now: options.now ?? new Date(),
    // Event ids only: every seed entity's id is given by the loader.
    newId: uuidv7,
    actor: {
      id: options.scenario ? 'seed:scenario' : 'seed:facts',
      role,
      name: options.scenario
        ? 'Oversight seed loader (illustrative scenario)'
        : 'Oversight seed loader (facts)',
      onBehalfOf: options.onBehalfOf ?? null,
    },
    ...(options.scenario ? { tags: { scenario: true } } : {}),
  };
}

/** The idempotency of one seed step: its key, and the step's data as the request. */
export function seedKey(key: string, request: unknown) {
  return { key: `seed:v1:${key}`, request };
}
