import { z } from 'zod';
import { defineEvent, EventCatalogue } from '../../events/catalogue.js';

// Fixture events for ledger tests: shaped like the domain, kept out of the real catalogue.

const kindOf = (code: string) =>
  code.includes('-KL/') ? 'conclusion' : code.includes('-NQ/') ? 'resolution' : 'other';

/** v1 carried only code and title; v2 adds the kind, which v1 readers derive from the code. */
export const DirectiveNoted = defineEvent(
  'DirectiveNoted',
  z.object({ code: z.string().min(1), title: z.string(), kind: z.string() }),
  [{ version: 1, schema: z.object({ code: z.string(), title: z.string() }) }],
  (previous) => {
    const p = previous as { code: string; title: string };
    return { ...p, kind: kindOf(p.code) };
  },
);

/** A task given to a unit under a clause. */
export const TaskAssigned = defineEvent(
  'TaskAssigned',
  z.object({ clause: z.string(), unit: z.string(), deadline: z.string().nullable() }),
);

/** Catalogue with the fixture events. */
export const testCatalogue = new EventCatalogue([DirectiveNoted, TaskAssigned]);
