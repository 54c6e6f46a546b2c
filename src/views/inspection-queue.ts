import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import type { UnitTree } from '../read/unit-tree.js';
import { onDay, openShortcomingStatuses, remediationOverdue, taskOverdue, taskOwed } from './item-state.js';
import {
  endOfDay,
  type NamedUnit,
  named,
  type RegisterRow,
  registerRow,
  remediationReportedBy,
  shortcomingOnDay,
} from './register.js';

/** The last time an item was sent back (a rejected remedy, a returned completion), and how often. */
export interface Setback {
  occurredAt: string;
  reason: string | null;
  count: number;
}

/** What the queue is built from: candidate documents as known, and the setbacks known. */
export interface QueueInput {
  shortcomings: readonly ShortcomingDocument[];
  tasks: readonly TaskDocument[];
  /** The earlier shortcomings the recurrences repeat. */
  earlier: readonly ShortcomingDocument[];
  /** Latest RemediationRejected per shortcoming id, by the queue's day. */
  rejections: ReadonlyMap<string, Setback>;
  /** Latest TaskCompletionReturned per task id, by the queue's day. */
  returns: ReadonlyMap<string, Setback>;
}

/** Whose queue: a unit's scope (UnitTree.scopeOf) and/or one inspection commission. */
export interface QueueFilter {
  scope: ReadonlySet<string> | null;
  inspectionUnitId: string | null;
}

/** A remedy waiting for the commission's verdict. */
export type AwaitingRow = RegisterRow & { remediationReportedOn: string | null };
/** A remedy rejected and back with the unit. */
export type RejectedRow = RegisterRow & {
  kind: 'shortcoming';
  lastRejectedOn: string;
  lastRejectionReason: string | null;
};
/** A task whose completion was returned and is owed again. */
export interface ReturnedTaskRow {
  kind: 'task';
  id: string;
  directiveCode: string;
  clauseReference: string;
  description: string;
  status: string;
  dueOn: string | null;
  returns: number;
  lastReturnedOn: string;
  lastReturnReason: string | null;
  leadUnit: NamedUnit;
  answeringUnit: NamedUnit;
  overdue: boolean;
  scenario: boolean;
  synthetic: boolean;
}
/** A shortcoming found again, with the one it repeats as it stood. */
export type RecurrenceRow = RegisterRow & {
  earlier: { id: string; status: string | null; flaggedOn: string | null; unit: NamedUnit | null };
};

/** The inspection queue: what waits on the commission, and what came back to the units. */
export interface InspectionQueue {
  counts: { awaitingVerification: number; overdue: number; returned: number; recurrences: number };
  awaitingVerification: AwaitingRow[];
  overdue: RegisterRow[];
  returned: (RejectedRow | ReturnedTaskRow)[];
  recurrences: RecurrenceRow[];
}

const byThenId =
  <R extends { id: string }>(key: (r: R) => string) =>
  (a: R, b: R) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

const dayOf = (iso: string) => dateInVietnam(new Date(iso));

/**
 * The queue from documents: each item as it stood at the end of `validAt` (when given), in
 * four sections, oldest first: remedies reported and awaiting verification, remedies past
 * their date, items sent back (rejected remedies, returned completions) still open, and
 * recurrences still open. Overdue is judged at `now`.
 */
export function inspectionQueue(
  input: QueueInput,
  tree: UnitTree,
  clock: { now: Date; validAt: string | null },
  filter: QueueFilter,
): InspectionQueue {
  const { now, validAt } = clock;
  const inFilter = (unitId: string) => filter.scope === null || filter.scope.has(unitId);
  const shortcomings = input.shortcomings
    .map((d) => (validAt ? shortcomingOnDay(d, validAt) : d))
    .filter(
      (d): d is ShortcomingDocument =>
        d !== undefined &&
        inFilter(d.unitId) &&
        (filter.inspectionUnitId === null || d.inspectionUnitId === filter.inspectionUnitId),
    );
  const row = (d: ShortcomingDocument) => registerRow(d, tree, now, validAt);
  const open = shortcomings.filter((d) => openShortcomingStatuses.includes(d.status));

  const awaitingVerification = open
    .filter((d) => d.status === 'remediation_reported')
    .map((d) => ({ ...row(d), remediationReportedOn: remediationReportedBy(d, validAt) }))
    .sort(byThenId((r) => r.remediationReportedOn ?? ''));

  const overdue = open
    .filter((d) => remediationOverdue(d, now))
    .map(row)
    .sort(byThenId((r) => r.targetDate ?? ''));

  const rejected: RejectedRow[] = open.flatMap((d) => {
    const last = input.rejections.get(d.id);
    if (!last || last.count === 0) return [];
    return [
      {
        ...row(d),
        kind: 'shortcoming' as const,
        rejections: last.count,
        lastRejectedOn: dayOf(last.occurredAt),
        lastRejectionReason: last.reason,
      },
    ];
  });
  // Tasks carry no inspection commission: a queue for one commission lists its shortcomings only.
  const tasks =
    filter.inspectionUnitId === null
      ? input.tasks
          .map((t) => (validAt ? onDay(t, endOfDay(validAt)) : t))
          .filter((t): t is TaskDocument => t !== undefined && inFilter(t.leadUnitId) && taskOwed(t))
      : [];
  const returnedTasks: ReturnedTaskRow[] = tasks.flatMap((t) => {
    const last = input.returns.get(t.id);
    if (!last || last.count === 0) return [];
    return [
      {
        kind: 'task' as const,
        id: t.id,
        directiveCode: t.directiveCode,
        clauseReference: t.clauseReference,
        description: t.description,
        status: t.status,
        dueOn: t.dueOn,
        returns: last.count,
        lastReturnedOn: dayOf(last.occurredAt),
        lastReturnReason: last.reason,
        leadUnit: { id: t.leadUnitId, name: tree.nameOf(t.leadUnitId) },
        answeringUnit: named(tree, tree.answeringFor(t.leadUnitId, validAt ?? dateInVietnam(now))),
        overdue: taskOverdue(t, now),
        scenario: t.scenario,
        synthetic: t.synthetic,
      },
    ];
  });
  const returned = [...rejected, ...returnedTasks].sort(
    byThenId((r) => (r.kind === 'task' ? r.lastReturnedOn : r.lastRejectedOn)),
  );

  const earlier = new Map(input.earlier.map((d) => [d.id, validAt ? shortcomingOnDay(d, validAt) : d]));
  const recurrences = open
    .filter((d) => d.recurrenceOf !== null)
    .map((d) => {
      const before = earlier.get(d.recurrenceOf as string);
      return {
        ...row(d),
        earlier: {
          id: d.recurrenceOf as string,
          status: before?.status ?? null,
          flaggedOn: before?.flaggedOn ?? null,
          unit: before ? { id: before.unitId, name: tree.nameOf(before.unitId) } : null,
        },
      };
    })
    .sort(byThenId((r) => r.flaggedOn));

  return {
    counts: {
      awaitingVerification: awaitingVerification.length,
      overdue: overdue.length,
      returned: returned.length,
      recurrences: recurrences.length,
    },
    awaitingVerification,
    overdue,
    returned,
    recurrences,
  };
}
