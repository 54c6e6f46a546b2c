import type { Deadline } from '../../../events/deadline.js';
import type { TaskEvent } from '../../../events/tasks.js';
import type { Database } from '../../db/database.js';
import { describeDeadline, dueDate } from '../../domain/deadline.js';
import type { Signer } from '../../domain/directives/directive.js';
import { dateInVietnam } from '../../domain/occurred-at.js';
import { taskDecider } from '../../domain/tasks/decide.js';
import { NotFoundError } from '../../errors.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { RecordedEvent } from '../../ledger/types.js';
import { answeringUnit } from '../../read/units.js';

type Status = Exclude<ReturnType<typeof taskDecider.evolve>['status'], 'unassigned'>;

// Illustrative seed data is marked on its events and must stay marked wherever it is shown.
const isScenario = (e: RecordedEvent) => e.tags.scenario === true;

const when = (e: RecordedEvent) => ({
  occurredAt: e.occurredAt.toISOString(),
  recordedAt: e.recordedAt.toISOString(),
  scenario: isScenario(e),
});

/**
 * A task as the API shows it, from its stream up to `version` (all of it without): the state,
 * the unit answering for it today, the due date of the deadline in force, and who did what, for
 * whom and why. A replayed write thus shows the task as that write left it.
 */
export async function taskView(database: Database, ledger: Ledger, id: string, version?: number) {
  const history = (await ledger.store.readStream(taskDecider.streamType, id)).slice(0, version);
  if (history.length === 0) throw new NotFoundError(`no task ${id}`, { streamType: 'task', streamId: id });
  const events = history.map((e) => ({ type: e.type, data: e.data }) as TaskEvent);
  const task = events.reduce(taskDecider.evolve, taskDecider.initialState);
  const leadUnitId = task.leadUnitId as string;
  const deadline = task.deadline as Deadline;
  const extended = history.filter((e) => e.type === 'TaskDeadlineExtended');
  const reported = history.filter((e) => e.type === 'TaskProgressReported');
  return {
    id,
    status: task.status as Status,
    directiveCode: task.directiveCode ?? '',
    clauseReference: task.clauseReference ?? '',
    description: task.description ?? '',
    leadUnitId,
    answeringUnitId: (await answeringUnit(database, leadUnitId)).id,
    coordinatingUnitIds: task.coordinatingUnitIds,
    fromGroup: task.fromGroup,
    expectedOutput: task.expectedOutput,
    originalDeadline: task.originalDeadline as Deadline,
    deadline,
    deadlineText: describeDeadline(deadline),
    dueDate: dueDate(deadline, dateInVietnam(new Date())),
    endsOn: task.endsOn,
    extensions: extended.map((e) => {
      const data = e.data as { previousDeadline: Deadline; newDeadline: Deadline; grantedBy: Signer };
      return {
        from: data.previousDeadline,
        to: data.newDeadline,
        grantedBy: data.grantedBy,
        reason: e.reason,
        ...when(e),
      };
    }),
    progress: reported.map((e) => ({
      ...(e.data as { narrative: string; percent: number | null }),
      ...when(e),
    })),
    completion: task.completion,
    returns: task.returns,
    endedOn: task.endedOn,
    supersededBy: task.supersededBy,
    history: history.map((e) => ({
      type: e.type,
      role: e.role,
      actorName: typeof e.tags.actorName === 'string' ? e.tags.actorName : null,
      onBehalfOf: e.onBehalfOf,
      reason: e.reason,
      ...when(e),
    })),
    scenario: history.some(isScenario),
    version: history.length,
  };
}
