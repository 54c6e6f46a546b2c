import { z } from 'zod';
import { defineEvent } from './catalogue.js';
import { deadlineSchema } from './deadline.js';
import { groupSchema, signerSchema } from './directives.js';
import { evidenceSchema } from './evidence.js';

const isoDate = z.iso.date();
const id = z.string().min(1);
const text = (max: number) => z.string().trim().min(1).max(max);
const note = text(5000).nullable();

/** A clause's work falls to one lead unit: one task per (clause, lead unit). */
export const TaskAssigned = defineEvent(
  'TaskAssigned',
  z.object({
    directiveCode: text(100),
    clauseReference: text(100),
    leadUnitId: id,
    coordinatingUnitIds: z.array(id),
    description: text(20_000),
    expectedOutput: text(2000).nullable(),
    deadline: deadlineSchema,
    endsOn: isoDate.nullable(),
    fromGroup: groupSchema.nullable(),
  }),
);

/** The lead unit takes the task on. */
export const TaskAcknowledged = defineEvent('TaskAcknowledged', z.object({ note }));

/** The lead unit says how far it has got. */
export const TaskProgressReported = defineEvent(
  'TaskProgressReported',
  z.object({ narrative: text(20_000), percent: z.number().int().min(0).max(100).nullable() }),
);

/** The lead unit says it is done, and shows the evidence. */
export const TaskCompletionReported = defineEvent(
  'TaskCompletionReported',
  z.object({ summary: text(20_000), evidence: evidenceSchema }),
);

/** The assigning side accepts the completion. */
export const TaskCompletionConfirmed = defineEvent('TaskCompletionConfirmed', z.object({ note }));

/** The assigning side sends the completion back; why is the event's reason. */
export const TaskCompletionReturned = defineEvent('TaskCompletionReturned', z.object({ note }));

/** A later deadline is granted by a named official; the earlier one stays in the history. */
export const TaskDeadlineExtended = defineEvent(
  'TaskDeadlineExtended',
  z.object({ previousDeadline: deadlineSchema, newDeadline: deadlineSchema, grantedBy: signerSchema }),
);

/** The task stops on a date, done or not ("after this date it ends"). */
export const TaskEnded = defineEvent('TaskEnded', z.object({ endedOn: isoDate }));

/** The task is withdrawn. */
export const TaskCancelled = defineEvent('TaskCancelled', z.object({}));

/** A later directive takes the task over. */
export const TaskSuperseded = defineEvent('TaskSuperseded', z.object({ byDirectiveCode: text(100) }));

/** Every task event, for the catalogue. */
export const taskEvents = [
  TaskAssigned,
  TaskAcknowledged,
  TaskProgressReported,
  TaskCompletionReported,
  TaskCompletionConfirmed,
  TaskCompletionReturned,
  TaskDeadlineExtended,
  TaskEnded,
  TaskCancelled,
  TaskSuperseded,
] as const;

type Data<D extends { schema: z.ZodType }> = z.infer<D['schema']>;

/** A task event as the Tasks decider sees it. */
export type TaskEvent =
  | { type: 'TaskAssigned'; data: Data<typeof TaskAssigned> }
  | { type: 'TaskAcknowledged'; data: Data<typeof TaskAcknowledged> }
  | { type: 'TaskProgressReported'; data: Data<typeof TaskProgressReported> }
  | { type: 'TaskCompletionReported'; data: Data<typeof TaskCompletionReported> }
  | { type: 'TaskCompletionConfirmed'; data: Data<typeof TaskCompletionConfirmed> }
  | { type: 'TaskCompletionReturned'; data: Data<typeof TaskCompletionReturned> }
  | { type: 'TaskDeadlineExtended'; data: Data<typeof TaskDeadlineExtended> }
  | { type: 'TaskEnded'; data: Data<typeof TaskEnded> }
  | { type: 'TaskCancelled'; data: Data<typeof TaskCancelled> }
  | { type: 'TaskSuperseded'; data: Data<typeof TaskSuperseded> };
