import { z } from 'zod';
import { deadlineSchema } from '../../../events/deadline.js';
import { directiveKinds, referenceRelations } from '../../../events/directives.js';
import { unitKinds } from '../../../events/units.js';
import { isoDate, longText, occurredAt, shortText, unitId } from './common.js';

/**
 * A directive's code, which is its id: letters (Vietnamese included), digits, `.`, `_`, `-` and
 * `/`, e.g. 183-KL/TW, 56-KH/BCĐ. In a path it is URL-encoded: /directives/183-KL%2FTW.
 */
export const directiveCode = z
  .string()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,99}$/u,
    'letters, digits, ".", "_", "-" or "/", at most 100, e.g. 183-KL/TW',
  );

/** A person who signs for the issuing body. */
export const signer = z.object({
  name: z.string().trim().min(1).max(300),
  title: z.string().trim().min(1).max(300).describe('e.g. Thường trực Ban Bí thư'),
});

/** Issuing a numbered document: its code is its id. */
export const issueDirectiveBody = z.object({
  code: directiveCode,
  kind: z.enum(directiveKinds),
  title: z.string().trim().min(1).max(1000),
  issuedOn: isoDate,
  issuingUnitId: unitId.describe('the unit that issues it, e.g. the Politburo; must be registered'),
  signer: signer.nullable().optional(),
  references: z
    .array(z.object({ code: directiveCode, relation: z.enum(referenceRelations) }))
    .max(100)
    .optional()
    .describe('other documents it names; they need not be tracked here'),
  occurredAt,
});

/** Whom a clause addresses as a group, as written: its active members each get a task. */
export const clauseGroup = z.object({
  kind: z.enum(unitKinds),
  parentId: unitId.nullable().optional().describe('only the members under this unit; null for all'),
  label: shortText.describe('as the directive words it, e.g. "all provincial party committees"'),
});

/** What a clause assigns: lead units named one by one, or a group fanned out into its members. */
export const clauseAssignment = z
  .object({
    leadUnitIds: z.array(unitId).min(1).max(5000).optional(),
    group: clauseGroup.optional(),
    coordinatingUnitIds: z.array(unitId).max(200).optional(),
    expectedOutput: z.string().trim().min(1).max(2000).nullable().optional(),
    deadline: deadlineSchema,
    endsOn: isoDate.nullable().optional().describe('after this date the task ends'),
  })
  .refine((a) => a.leadUnitIds !== undefined || a.group !== undefined, {
    message: 'name the lead units (leadUnitIds) or a group',
  })
  .refine((a) => a.leadUnitIds === undefined || a.group === undefined, {
    message: 'name the lead units or a group, not both',
    path: ['group'],
  });

/** Adding a clause, e.g. 3.(1)(i); with an assignment it opens one task per lead unit. */
export const addClauseBody = z.object({
  reference: z.string().trim().min(1).max(100).describe('e.g. 3.(1)(i)'),
  text: longText,
  assignment: clauseAssignment.nullable().optional(),
  occurredAt,
});

/** What adding a clause answers: the clause and the tasks it opened. */
export const clauseAdded = z.object({
  directiveCode: z.string(),
  reference: z.string(),
  taskIds: z.array(z.string()),
  positions: z.array(z.number().int()),
});

const clauseView = z.object({
  reference: z.string(),
  text: z.string(),
  assignment: z
    .object({
      leadUnitIds: z.array(z.string()),
      group: z.object({ kind: z.string(), parentId: z.string().nullable(), label: z.string() }).nullable(),
      coordinatingUnitIds: z.array(z.string()),
      expectedOutput: z.string().nullable(),
      deadline: deadlineSchema,
      deadlineText: z.string().describe('the deadline in plain English'),
      endsOn: z.string().nullable(),
      taskIds: z.array(z.string()).describe('one per lead unit, in the same order'),
    })
    .nullable(),
});

/** A directive with its clauses and the tasks they opened. */
export const directiveView = z.object({
  code: z.string(),
  kind: z.enum(directiveKinds),
  title: z.string(),
  issuedOn: z.string(),
  issuingUnitId: z.string(),
  signer: z.object({ name: z.string(), title: z.string() }).nullable(),
  references: z.array(z.object({ code: z.string(), relation: z.enum(referenceRelations) })),
  clauses: z.array(clauseView),
  taskIds: z.array(z.string()).describe('every task its clauses opened'),
  version: z.number().int(),
});
