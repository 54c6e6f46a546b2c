import type { Deadline } from '../../../events/deadline.js';
import type { Evidence } from '../../../events/evidence.js';
import type { TaskEvent } from '../../../events/tasks.js';
import { dueDate } from '../deadline.js';
import type { Decided, Decider } from '../decider.js';
import type { ClauseGroup, Signer } from '../directives/directive.js';
import { dateInVietnam, validTime } from '../occurred-at.js';
import { refuseIf, requireAllowed, requireText } from '../refuse.js';
import { evolveTask, type Task, unassignedTask } from './task.js';

type At = { occurredAt?: Date };

/** What may be asked of a task's stream; `occurredAt` is when it happened, if not now. */
export type TaskCommand = At &
  (
    | {
        type: 'AssignTask';
        directiveCode: string;
        clauseReference: string;
        leadUnitId: string;
        coordinatingUnitIds?: string[];
        description: string;
        expectedOutput?: string | null;
        deadline: Deadline;
        endsOn?: string | null;
        fromGroup?: ClauseGroup | null;
      }
    | { type: 'AcknowledgeTask'; note?: string | null }
    | { type: 'ReportTaskProgress'; narrative: string; percent?: number | null }
    | { type: 'ReportTaskCompletion'; summary: string; evidence: Evidence }
    | { type: 'ConfirmTaskCompletion'; note?: string | null }
    | { type: 'ReturnTaskCompletion'; reason: string; note?: string | null }
    | { type: 'ExtendTaskDeadline'; newDeadline: Deadline; grantedBy: Signer; reason: string }
    | { type: 'EndTask'; endedOn: string; reason: string }
    | { type: 'CancelTask'; reason: string }
    | { type: 'SupersedeTask'; byDirectiveCode: string; reason: string }
  );

// Whoever holds an open task may have its deadline moved, or have it stop.
const closing: TaskCommand['type'][] = ['ExtendTaskDeadline', 'EndTask', 'CancelTask', 'SupersedeTask'];

const allowed: Record<Task['status'], TaskCommand['type'][]> = {
  unassigned: ['AssignTask'],
  assigned: ['AcknowledgeTask', ...closing],
  acknowledged: ['ReportTaskProgress', 'ReportTaskCompletion', ...closing],
  in_progress: ['ReportTaskProgress', 'ReportTaskCompletion', ...closing],
  completion_reported: ['ConfirmTaskCompletion', 'ReturnTaskCompletion', ...closing],
  completed: [],
  ended: [],
  cancelled: [],
  superseded: [],
};

// A return, an extension or a stop is a decision someone must be able to explain later.
const needsReason = new Set<TaskCommand['type']>(['ReturnTaskCompletion', ...closing]);

const optional = (note: string | null | undefined) => note?.trim() || null;

function refuseUnlessLater(current: Deadline | null, next: Deadline): void {
  refuseIf(!current || current.kind === 'none', 'newDeadline', 'the task has no deadline to extend');
  refuseIf(JSON.stringify(current) === JSON.stringify(next), 'newDeadline', 'is the deadline already set');
  const [from, to] = [dueDate(current as Deadline), dueDate(next)];
  refuseIf(from !== null && to !== null && to <= from, 'newDeadline', `must fall after ${from}`);
}

function eventFor(command: TaskCommand, task: Task, now: Date): TaskEvent {
  switch (command.type) {
    case 'AssignTask': {
      const lead = requireText(command.leadUnitId, 'leadUnitId');
      const coordinating = command.coordinatingUnitIds ?? [];
      refuseIf(coordinating.includes(lead), 'coordinatingUnitIds', 'the lead unit is not also coordinating');
      return {
        type: 'TaskAssigned',
        data: {
          directiveCode: requireText(command.directiveCode, 'directiveCode'),
          clauseReference: requireText(command.clauseReference, 'clauseReference'),
          leadUnitId: lead,
          coordinatingUnitIds: coordinating,
          description: requireText(command.description, 'description'),
          expectedOutput: optional(command.expectedOutput),
          deadline: command.deadline,
          endsOn: command.endsOn ?? null,
          fromGroup: command.fromGroup ?? null,
        },
      };
    }
    case 'AcknowledgeTask':
      return { type: 'TaskAcknowledged', data: { note: optional(command.note) } };
    case 'ReportTaskProgress': {
      const percent = command.percent ?? null;
      refuseIf(
        percent !== null && !(Number.isInteger(percent) && percent >= 0 && percent <= 100),
        'percent',
        'a whole number from 0 to 100',
      );
      return {
        type: 'TaskProgressReported',
        data: { narrative: requireText(command.narrative, 'narrative'), percent },
      };
    }
    case 'ReportTaskCompletion':
      refuseIf(command.evidence.length === 0, 'evidence', 'at least one piece of evidence');
      return {
        type: 'TaskCompletionReported',
        data: { summary: requireText(command.summary, 'summary'), evidence: command.evidence },
      };
    case 'ConfirmTaskCompletion':
      return { type: 'TaskCompletionConfirmed', data: { note: optional(command.note) } };
    case 'ReturnTaskCompletion':
      return { type: 'TaskCompletionReturned', data: { note: optional(command.note) } };
    case 'ExtendTaskDeadline':
      refuseUnlessLater(task.deadline, command.newDeadline);
      return {
        type: 'TaskDeadlineExtended',
        data: {
          previousDeadline: task.deadline as Deadline,
          newDeadline: command.newDeadline,
          grantedBy: command.grantedBy,
        },
      };
    case 'EndTask':
      refuseIf(command.endedOn > dateInVietnam(now), 'endedOn', 'must not be in the future');
      return { type: 'TaskEnded', data: { endedOn: command.endedOn } };
    case 'CancelTask':
      return { type: 'TaskCancelled', data: {} };
    case 'SupersedeTask': {
      const by = requireText(command.byDirectiveCode, 'byDirectiveCode');
      refuseIf(by === task.directiveCode, 'byDirectiveCode', 'must name another directive');
      return { type: 'TaskSuperseded', data: { byDirectiveCode: by } };
    }
  }
}

/** The Tasks stream: one clause's work for one lead unit, from assignment to its end. */
export const taskDecider: Decider<TaskCommand, TaskEvent, Task> = {
  streamType: 'task',
  creates: ['AssignTask'],
  initialState: unassignedTask,
  evolve: evolveTask,
  decide(command, task, context): Decided<TaskEvent>[] {
    requireAllowed('task', allowed, task.status, command.type);
    const reason = needsReason.has(command.type)
      ? requireText((command as { reason?: string }).reason, 'reason')
      : null;
    const occurredAt = validTime(command, context);
    return [{ event: eventFor(command, task, context.now), occurredAt, reason }];
  },
};
