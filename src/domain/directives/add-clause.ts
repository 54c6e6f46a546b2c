import type { DirectiveEvent } from '../../../events/directives.js';
import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { StreamAppend } from '../../ledger/types.js';
import type { CommandContext } from '../decider.js';
import { loadState, requireStream, toNewEvents } from '../handle-command.js';
import { validTime } from '../occurred-at.js';
import { taskDecider } from '../tasks/decide.js';
import { type AddClause, directiveDecider } from './decide.js';

type ClauseAddedEvent = Extract<DirectiveEvent, { type: 'ClauseAdded' }>;

/** A clause to add; without `taskIds`, a new id is drawn from the context per lead unit. */
export type ClauseInput = Omit<AddClause, 'type'>;

/** What adding a clause answers: the clause, the tasks it opened, where the events landed. */
export interface AddClauseResult {
  directiveCode: string;
  reference: string;
  taskIds: string[];
  positions: number[];
}

/**
 * Adds a clause and opens one task stream per lead unit, all in one append or none. Task ids
 * are new by construction, so their streams are not read: each is written expecting no stream,
 * and an id already in use makes the whole clause a conflict. The directive's version guards
 * against a concurrent clause with the same reference.
 */
export async function addClause(
  ledger: Ledger,
  directiveCode: string,
  input: ClauseInput,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<AddClauseResult>> {
  if (idempotency) {
    const earlier = await ledger.earlier<AddClauseResult>(idempotency);
    if (earlier) return earlier;
  }
  const leads = input.assignment?.leadUnitIds ?? [];
  const taskIds = input.taskIds ?? (input.assignment ? leads.map(() => context.newId()) : []);
  // Every event of the clause shares one valid time.
  const occurredAt = validTime(input, context);
  const command: AddClause = { ...input, type: 'AddClause', taskIds, occurredAt };

  const { state, version } = await loadState(ledger, directiveDecider, directiveCode);
  requireStream(directiveDecider as never, directiveCode, version, command);
  const decided = directiveDecider.decide(command, state, context);
  const appends: StreamAppend[] = [
    {
      streamType: directiveDecider.streamType,
      streamId: directiveCode,
      expectedVersion: version,
      events: toNewEvents(decided, context),
    },
  ];

  const clause = decided.find((d) => d.event.type === 'ClauseAdded')?.event as ClauseAddedEvent;
  const { reference, text, assignment } = clause.data;
  assignment?.leadUnitIds.forEach((leadUnitId, i) => {
    const assigned = taskDecider.decide(
      {
        type: 'AssignTask',
        directiveCode,
        clauseReference: reference,
        leadUnitId,
        coordinatingUnitIds: assignment.coordinatingUnitIds,
        description: text,
        expectedOutput: assignment.expectedOutput,
        deadline: assignment.deadline,
        endsOn: assignment.endsOn,
        fromGroup: assignment.group,
        occurredAt,
      },
      taskDecider.initialState,
      context,
    );
    appends.push({
      streamType: taskDecider.streamType,
      streamId: assignment.taskIds[i] as string,
      expectedVersion: 'no_stream',
      events: toNewEvents(assigned, context),
    });
  });

  return ledger.write(
    appends,
    (result) => ({
      directiveCode,
      reference,
      taskIds: assignment?.taskIds ?? [],
      positions: result.events.map((e) => e.position),
    }),
    idempotency,
  );
}
