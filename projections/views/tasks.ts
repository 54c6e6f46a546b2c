import type { Deadline } from '../../events/deadline.js';
import type { TaskEvent } from '../../events/tasks.js';
import { dueDate } from '../../src/domain/deadline.js';
import { type DocumentProjection, streamsOf } from '../../src/projections/projection.js';
import { advance, clip, dayOf, type Provenance, provenanceOf, type Transition, transition } from './marks.js';

/** A task as the views list it: who leads it, by when, where it stands, and its status history. */
export interface TaskDocument extends Provenance {
  id: string;
  directiveCode: string;
  clauseReference: string;
  leadUnitId: string;
  coordinatingUnitIds: string[];
  groupLabel: string | null;
  description: string;
  deadline: Deadline;
  originalDeadline: Deadline;
  /** The last day the deadline now in force allows; null for recurring or open-ended work. */
  dueOn: string | null;
  status: string;
  assignedOn: string;
  percent: number | null;
  /** The day the lead unit said it was done, once that claim stands (reported or confirmed). */
  completionReportedOn: string | null;
  /** The completion day of a confirmed completion: done on that day, whenever confirmed. */
  completedOn: string | null;
  returns: number;
  extensions: number;
  /** The day it ended, was cancelled or superseded. */
  closedOn: string | null;
  transitions: Transition[];
}

function assigned(
  e: TaskEvent & { type: 'TaskAssigned' },
  id: string,
  at: Parameters<typeof dayOf>[0],
): TaskDocument {
  const d = e.data;
  return {
    id,
    directiveCode: d.directiveCode,
    clauseReference: d.clauseReference,
    leadUnitId: d.leadUnitId,
    coordinatingUnitIds: d.coordinatingUnitIds,
    groupLabel: d.fromGroup?.label ?? null,
    description: clip(d.description),
    deadline: d.deadline,
    originalDeadline: d.deadline,
    dueOn: dueDate(d.deadline),
    status: 'assigned',
    assignedOn: dayOf(at),
    percent: null,
    completionReportedOn: null,
    completedOn: null,
    returns: 0,
    extensions: 0,
    closedOn: null,
    transitions: [transition(at, 'assigned')],
    ...provenanceOf(at),
  };
}

/** Tasks, versioned: the register of every task and its state as of any position. */
export const taskDocuments: DocumentProjection<TaskDocument> = {
  name: 'view_tasks',
  version: 3,
  table: 'view_task_versions',
  tables: ['view_task_versions', 'view_task_items'],
  // What a task was assigned with; its deadline and state move on (migration 013).
  fixed: {
    keys: [
      'id',
      'directiveCode',
      'clauseReference',
      'leadUnitId',
      'coordinatingUnitIds',
      'groupLabel',
      'description',
      'originalDeadline',
      'assignedOn',
    ],
    table: 'view_task_items',
    view: 'view_tasks',
  },
  keysOf: streamsOf('task'),
  evolve(doc, e, id) {
    const event = { type: e.type, data: e.data } as TaskEvent;
    if (event.type === 'TaskAssigned') return assigned(event, id, e);
    if (!doc) return doc;
    const to = (status: string, change: Partial<TaskDocument> = {}) => advance(doc, e, status, change);
    switch (event.type) {
      case 'TaskAcknowledged':
        return to('acknowledged');
      case 'TaskProgressReported':
        return to('in_progress', { percent: event.data.percent ?? doc.percent });
      case 'TaskCompletionReported':
        return to('completion_reported', { completionReportedOn: dayOf(e) });
      case 'TaskCompletionConfirmed':
        return to('completed', { completedOn: doc.completionReportedOn ?? dayOf(e), percent: 100 });
      case 'TaskCompletionReturned':
        return to('in_progress', { completionReportedOn: null, returns: doc.returns + 1 });
      case 'TaskDeadlineExtended':
        return to(doc.status, {
          deadline: event.data.newDeadline,
          dueOn: dueDate(event.data.newDeadline),
          extensions: doc.extensions + 1,
        });
      case 'TaskEnded':
        return to('ended', { closedOn: event.data.endedOn });
      case 'TaskCancelled':
        return to('cancelled', { closedOn: dayOf(e) });
      case 'TaskSuperseded':
        return to('superseded', { closedOn: dayOf(e) });
    }
  },
  columns: (d) => ({
    unit_id: d.leadUnitId,
    directive_code: d.directiveCode,
    status: d.status,
    due_on: d.dueOn,
    assigned_on: d.assignedOn,
    completed_on: d.completedOn,
    closed_on: d.closedOn,
    completion_reported_on: d.completionReportedOn,
  }),
};
