import type { z } from 'zod';
import type { Deadline } from '../../../events/deadline.js';
import type {
  DirectiveEvent,
  directiveKinds,
  groupSchema,
  referenceRelations,
  signerSchema,
} from '../../../events/directives.js';

/** Where a directive stands: not yet issued, or issued and open to clauses. */
export type DirectiveStatus = 'unissued' | 'issued';

/** A group a clause addresses as written, e.g. "all provincial party committees". */
export type ClauseGroup = z.infer<typeof groupSchema>;

/** Who signed for the issuing body. */
export type Signer = z.infer<typeof signerSchema>;

/** What a clause assigns: the lead units (one task each), their helpers, output and deadline. */
export interface ClauseAssignment {
  leadUnitIds: string[];
  group: ClauseGroup | null;
  coordinatingUnitIds: string[];
  expectedOutput: string | null;
  deadline: Deadline;
  endsOn: string | null;
  taskIds: string[];
}

/** One clause of a directive, by its reference, e.g. "3.(1)(i)". */
export interface Clause {
  reference: string;
  text: string;
  assignment: ClauseAssignment | null;
}

/** A directive as its own events make it. */
export interface Directive {
  status: DirectiveStatus;
  code: string | null;
  kind: (typeof directiveKinds)[number] | null;
  title: string | null;
  issuedOn: string | null;
  issuingUnitId: string | null;
  signer: Signer | null;
  references: { code: string; relation: (typeof referenceRelations)[number] }[];
  clauses: Clause[];
}

/** A directive before its first event. */
export const unissuedDirective: Directive = {
  status: 'unissued',
  code: null,
  kind: null,
  title: null,
  issuedOn: null,
  issuingUnitId: null,
  signer: null,
  references: [],
  clauses: [],
};

/** Folds one event into the directive. */
export function evolveDirective(directive: Directive, event: DirectiveEvent): Directive {
  switch (event.type) {
    case 'DirectiveIssued':
      return { ...directive, status: 'issued', ...event.data };
    case 'ClauseAdded':
      return { ...directive, clauses: [...directive.clauses, event.data] };
  }
}

/** The clause with this reference, if the directive has it. */
export function clauseOf(directive: Directive, reference: string): Clause | null {
  return directive.clauses.find((c) => c.reference === reference) ?? null;
}
