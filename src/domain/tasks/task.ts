import type { Deadline } from '../../../events/deadline.js';
import type { Evidence } from '../../../events/evidence.js';
import type { TaskEvent } from '../../../events/tasks.js';
import type { ClauseGroup, Signer } from '../directives/directive.js';

/** Where a task stands in its life; completed, ended, cancelled and superseded are final. */
export type TaskStatus =
  | 'unassigned'
  | 'assigned'
  | 'acknowledged'
  | 'in_progress'
  | 'completion_reported'
  | 'completed'
  | 'ended'
  | 'cancelled'
  | 'superseded';

/** A deadline moved later, and who granted it (the why is the event's reason). */
export interface Extension {
  from: Deadline;
  to: Deadline;
  grantedBy: Signer;
}

/** The lead unit's latest claim to be done, and whether it was confirmed. */
export interface Completion {
  summary: string;
  evidence: Evidence;
  confirmed: boolean;
  note: string | null;
}

/** A task as its own events make it: one clause's work for one lead unit. */
export interface Task {
  status: TaskStatus;
  directiveCode: string | null;
  clauseReference: string | null;
  leadUnitId: string | null;
  coordinatingUnitIds: string[];
  fromGroup: ClauseGroup | null;
  description: string | null;
  expectedOutput: string | null;
  originalDeadline: Deadline | null;
  /** The deadline now in force, after any extensions. */
  deadline: Deadline | null;
  endsOn: string | null;
  extensions: Extension[];
  progress: { narrative: string; percent: number | null }[];
  completion: Completion | null;
  /** How often a reported completion was sent back. */
  returns: number;
  endedOn: string | null;
  supersededBy: string | null;
}

/** A task before its first event. */
export const unassignedTask: Task = {
  status: 'unassigned',
  directiveCode: null,
  clauseReference: null,
  leadUnitId: null,
  coordinatingUnitIds: [],
  fromGroup: null,
  description: null,
  expectedOutput: null,
  originalDeadline: null,
  deadline: null,
  endsOn: null,
  extensions: [],
  progress: [],
  completion: null,
  returns: 0,
  endedOn: null,
  supersededBy: null,
};

/** The states in which a task still asks something of its lead unit. */
export const openTaskStatuses: readonly TaskStatus[] = [
  'assigned',
  'acknowledged',
  'in_progress',
  'completion_reported',
];

/** Folds one event into the task. */
export function evolveTask(task: Task, event: TaskEvent): Task {
  switch (event.type) {
    case 'TaskAssigned': {
      const d = event.data;
      return {
        ...task,
        status: 'assigned',
        directiveCode: d.directiveCode,
        clauseReference: d.clauseReference,
        leadUnitId: d.leadUnitId,
        coordinatingUnitIds: d.coordinatingUnitIds,
        fromGroup: d.fromGroup,
        description: d.description,
        expectedOutput: d.expectedOutput,
        originalDeadline: d.deadline,
        deadline: d.deadline,
        endsOn: d.endsOn,
      };
    }
    case 'TaskAcknowledged':
      return { ...task, status: 'acknowledged' };
    case 'TaskProgressReported':
      return { ...task, status: 'in_progress', progress: [...task.progress, event.data] };
    case 'TaskCompletionReported':
      return {
        ...task,
        status: 'completion_reported',
        completion: { ...event.data, confirmed: false, note: null },
      };
    case 'TaskCompletionConfirmed':
      return {
        ...task,
        status: 'completed',
        completion: task.completion && { ...task.completion, confirmed: true, note: event.data.note },
      };
    case 'TaskCompletionReturned':
      return {
        ...task,
        status: 'in_progress',
        completion: task.completion && { ...task.completion, note: event.data.note },
        returns: task.returns + 1,
      };
    case 'TaskDeadlineExtended': {
      const { previousDeadline, newDeadline, grantedBy } = event.data;
      return {
        ...task,
        deadline: newDeadline,
        extensions: [...task.extensions, { from: previousDeadline, to: newDeadline, grantedBy }],
      };
    }
    case 'TaskEnded':
      return { ...task, status: 'ended', endedOn: event.data.endedOn };
    case 'TaskCancelled':
      return { ...task, status: 'cancelled' };
    case 'TaskSuperseded':
      return { ...task, status: 'superseded', supersededBy: event.data.byDirectiveCode };
  }
}
