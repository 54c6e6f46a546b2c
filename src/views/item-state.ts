import type { Transition } from '../../projections/views/marks.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { deadlineOf } from '../domain/monthly-reports/filing-status.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Task states in which nothing more is owed. */
export const finishedTaskStatuses: readonly string[] = ['completed', 'ended', 'cancelled', 'superseded'];

/** Shortcoming states in which the unit still owes a remedy. */
export const openShortcomingStatuses: readonly string[] = ['open', 'in_progress', 'remediation_reported'];

/** The status an item's transitions give at an instant; undefined before it existed. */
export function statusAt(transitions: readonly Transition[], at: Date): string | undefined {
  const iso = at.toISOString();
  let status: string | undefined;
  for (const [occurredAt, , to] of transitions) if (occurredAt <= iso) status = to;
  return status;
}

/**
 * The item as it stood at an instant in valid time (everything known still counts: a
 * completion recorded late but dated earlier is done on its date); undefined before it
 * existed. Only the status moves; the rest stays as known.
 */
export function onDay<D extends { transitions: Transition[]; status: string }>(
  doc: D,
  at: Date,
): D | undefined {
  const status = statusAt(doc.transitions, at);
  return status === undefined ? undefined : status === doc.status ? doc : { ...doc, status };
}

/** Whether the lead unit still owes the task: not finished, and no completion claim pending. */
export function taskOwed(t: Pick<TaskDocument, 'status'>): boolean {
  return !finishedTaskStatuses.includes(t.status) && t.status !== 'completion_reported';
}

/** Past its due day (the end of it, in Vietnam) at `now` and still owed. */
export function taskOverdue(t: Pick<TaskDocument, 'status' | 'dueOn'>, now: Date): boolean {
  return t.dueOn !== null && taskOwed(t) && deadlineOf(t.dueOn).getTime() <= now.getTime();
}

/** Still owed and due within `days` days of `now` (not yet overdue). */
export function taskDueSoon(t: Pick<TaskDocument, 'status' | 'dueOn'>, now: Date, days = 14): boolean {
  if (t.dueOn === null || !taskOwed(t)) return false;
  const due = deadlineOf(t.dueOn).getTime();
  return due > now.getTime() && due <= now.getTime() + days * DAY_MS;
}

/** For a completed task: on time when the completion day is on or before the due day. */
export function completedOnTime(t: Pick<TaskDocument, 'completedOn' | 'dueOn'>): boolean | null {
  if (!t.completedOn) return null;
  return t.dueOn === null || t.completedOn <= t.dueOn;
}

/** Open, with a remedy date that has passed at `now`. */
export function remediationOverdue(
  s: Pick<ShortcomingDocument, 'status' | 'targetDate'>,
  now: Date,
): boolean {
  return (
    s.targetDate !== null &&
    openShortcomingStatuses.includes(s.status) &&
    s.status !== 'remediation_reported' &&
    deadlineOf(s.targetDate).getTime() <= now.getTime()
  );
}
