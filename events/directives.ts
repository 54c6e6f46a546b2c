import { z } from 'zod';
import { defineEvent } from './catalogue.js';
import { deadlineSchema } from './deadline.js';

/** The kinds of numbered document (DOMAIN.md): KL, NQ, KH, QĐ, BC, CT and the rest. */
export const directiveKinds = [
  'conclusion',
  'resolution',
  'plan',
  'regulation',
  'report',
  'directive',
  'decision',
  'other',
] as const;

/** How a directive stands to another document it names. */
export const referenceRelations = ['based_on', 'implements', 'references', 'amends', 'supersedes'] as const;

const isoDate = z.iso.date();
const id = z.string().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Whom a clause addresses when it names a group, as written ("all provincial party committees"). */
export const groupSchema = z.object({
  kind: text(100),
  parentId: id.nullable(),
  label: text(500),
});

/** A person who signs for the issuing body. */
export const signerSchema = z.object({ name: text(300), title: text(300) });

/** A numbered document is issued, e.g. Conclusion 183-KL/TW (2025-08-01) by the Politburo. */
export const DirectiveIssued = defineEvent(
  'DirectiveIssued',
  z.object({
    code: text(100),
    kind: z.enum(directiveKinds),
    title: text(1000),
    issuedOn: isoDate,
    issuingUnitId: id,
    signer: signerSchema.nullable(),
    references: z.array(z.object({ code: text(100), relation: z.enum(referenceRelations) })),
  }),
);

/**
 * A clause of the directive, e.g. 3.(1)(i). With an assignment, one task per lead unit:
 * `taskIds` is parallel to `leadUnitIds`.
 */
export const ClauseAdded = defineEvent(
  'ClauseAdded',
  z.object({
    reference: text(100),
    text: text(20_000),
    assignment: z
      .object({
        leadUnitIds: z.array(id).min(1),
        group: groupSchema.nullable(),
        coordinatingUnitIds: z.array(id),
        expectedOutput: text(2000).nullable(),
        deadline: deadlineSchema,
        endsOn: isoDate.nullable(),
        taskIds: z.array(id).min(1),
      })
      .refine((a) => a.taskIds.length === a.leadUnitIds.length, {
        message: 'one task id per lead unit',
        path: ['taskIds'],
      })
      .nullable(),
  }),
);

/** Every directive event, for the catalogue. */
export const directiveEvents = [DirectiveIssued, ClauseAdded] as const;

/** A directive event as the Directives decider sees it. */
export type DirectiveEvent =
  | { type: 'DirectiveIssued'; data: z.infer<typeof DirectiveIssued.schema> }
  | { type: 'ClauseAdded'; data: z.infer<typeof ClauseAdded.schema> };
