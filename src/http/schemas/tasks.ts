import { z } from 'zod';
import { deadlineSchema } from '../../../events/deadline.js';
import { evidenceSchema } from '../../../events/evidence.js';
import { isoDate, longText, occurredAt, reason } from './common.js';
import { directiveCode, signer } from './directives.js';

/** A task's id, as its clause opened it (a UUID over HTTP). */
export const taskId = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u, 'letters, digits, ".", "_" or "-", at most 100');

const note = z.string().trim().min(1).max(5000).nullable().optional();

/** Nothing is required: a request without a body will do. */
export const acknowledgeTaskBody = z.object({ note, occurredAt }).nullish();

export const reportProgressBody = z.object({
  narrative: longText,
  percent: z.number().int().min(0).max(100).nullable().optional(),
  occurredAt,
});

export const reportCompletionBody = z.object({
  summary: longText,
  evidence: evidenceSchema.describe('a document by its code, a published URL, or the SHA-256 of a file'),
  occurredAt,
});

export const confirmCompletionBody = z.object({ note, occurredAt }).nullish();

export const returnCompletionBody = z.object({ reason, note, occurredAt });

export const extendDeadlineBody = z.object({
  newDeadline: deadlineSchema,
  grantedBy: signer.describe('the official who granted the extension'),
  reason,
  occurredAt,
});

export const endTaskBody = z.object({
  endedOn: isoDate.describe('the date after which the task asks nothing more'),
  reason,
  occurredAt,
});

export const cancelTaskBody = z.object({ reason, occurredAt });

export const supersedeTaskBody = z.object({
  byDirectiveCode: directiveCode.describe(
    'the later directive that takes the task over; must be issued here',
  ),
  reason,
  occurredAt,
});

const entry = {
  occurredAt: z.string().describe('when it happened (valid time)'),
  recordedAt: z.string().describe('when the ledger recorded it'),
  scenario: z.boolean().describe('true for illustrative scenario data, never a real unit’s action'),
};

/** A task as it stands, with the unit answering for it today and its history. */
export const taskView = z.object({
  id: z.string(),
  status: z.enum([
    'assigned',
    'acknowledged',
    'in_progress',
    'completion_reported',
    'completed',
    'ended',
    'cancelled',
    'superseded',
  ]),
  directiveCode: z.string(),
  clauseReference: z.string(),
  description: z.string(),
  leadUnitId: z.string().describe('the unit the clause assigned it to'),
  answeringUnitId: z.string().describe('the unit answering for it today: after a merger, the successor'),
  coordinatingUnitIds: z.array(z.string()),
  fromGroup: z.object({ kind: z.string(), parentId: z.string().nullable(), label: z.string() }).nullable(),
  expectedOutput: z.string().nullable(),
  originalDeadline: deadlineSchema.describe('as the clause set it, before any extension'),
  deadline: deadlineSchema.describe('the deadline in force'),
  deadlineText: z.string(),
  dueDate: isoDate
    .nullable()
    .describe('the last day of the deadline in force; a recurring one from today in Vietnam'),
  endsOn: z.string().nullable(),
  extensions: z.array(
    z.object({
      from: deadlineSchema,
      to: deadlineSchema,
      grantedBy: z.object({ name: z.string(), title: z.string() }),
      reason: z.string().nullable(),
      ...entry,
    }),
  ),
  progress: z.array(z.object({ narrative: z.string(), percent: z.number().int().nullable(), ...entry })),
  completion: z
    .object({
      summary: z.string(),
      evidence: evidenceSchema,
      confirmed: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
  returns: z.number().int().describe('how often a reported completion was sent back'),
  endedOn: z.string().nullable(),
  supersededBy: z.string().nullable(),
  history: z.array(
    z.object({
      type: z.string(),
      role: z.string(),
      actorName: z.string().nullable(),
      onBehalfOf: z.string().nullable().describe('the unit the action was taken for'),
      reason: z.string().nullable(),
      ...entry,
    }),
  ),
  scenario: z.boolean().describe('some of its history is an illustrative scenario'),
  version: z.number().int(),
});
