import type { MonthlyReportDocument } from '../../projections/views/monthly-reports.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { dueDate } from '../domain/deadline.js';
import { filingStatus } from '../domain/monthly-reports/filing-status.js';
import type { ChangeRef, ChangeRow } from '../read/meeting-pack.js';
import type { PackWindow, ShortcomingFigures, TaskFigures } from '../read/pack-figures.js';
import type { UnitTree } from '../read/unit-tree.js';

/** A unit as a pack names it. */
export interface UnitRef {
  id: string;
  name: string;
}

/** A section of the pack: how many items it holds, and the first of them. */
export interface Listed<T> {
  total: number;
  items: T[];
}

/** Everything a pack is computed from: knowledge, window, figures and the documents it lists. */
export interface PackInput {
  window: PackWindow;
  scope: UnitRef | null;
  /** At most this many items listed per section; null lists every one. */
  limit: number | null;
  ledger: { position: number; headHash: string; recordedAt: string };
  /** The start of the meeting day in Vietnam: the pack's clock. */
  morning: Date;
  tree: UnitTree;
  tasks: {
    state: TaskFigures['state'];
    completed: Listed<TaskDocument> & { onTime: number };
    newlyOverdue: Listed<TaskDocument>;
  };
  shortcomings: {
    state: ShortcomingFigures['state'];
    flagged: Listed<ShortcomingDocument>;
    verified: Listed<ShortcomingDocument>;
    closedNotImplemented: Listed<ShortcomingDocument>;
    dismissed: Listed<ShortcomingDocument>;
    recurred: Listed<ShortcomingDocument>;
  };
  /** Every change in the window to an item in scope, in position order. */
  changes: ChangeRef[];
  /** The details of the changes listed (see listedChanges). */
  changeDetails: ChangeRow[];
  /** The items the listed changes name (see listedChanges). */
  changedTasks: TaskDocument[];
  changedShortcomings: ShortcomingDocument[];
  reporters: string[];
  reports: MonthlyReportDocument[];
  transfers: { from: string; to: string; on: string; openTasks: number; openShortcomings: number }[];
}

const capped = <T>(items: readonly T[], limit: number | null): T[] =>
  limit === null ? [...items] : items.slice(0, limit);

/** The window's changes by section, each section's listed part capped at `limit`. */
export function listedChanges(changes: readonly ChangeRef[], limit: number | null) {
  const section = (types: readonly string[]) => {
    const all = changes.filter((c) => types.includes(c.type));
    return { total: all.length, items: capped(all, limit) };
  };
  return {
    rejected: section(['RemediationRejected']),
    extensions: section(['TaskDeadlineExtended', 'RemediationTargetDateRevised']),
    returned: section(['TaskCompletionReturned']),
  };
}

const ref = (tree: UnitTree, id: string): UnitRef => ({ id, name: tree.nameOf(id) });

function taskRow(tree: UnitTree, t: TaskDocument, at: string) {
  return {
    id: t.id,
    directiveCode: t.directiveCode,
    clauseReference: t.clauseReference,
    unit: ref(tree, t.leadUnitId),
    answeringUnit: ref(tree, tree.answeringFor(t.leadUnitId, at)),
    dueOn: t.dueOn,
    completedOn: t.completedOn,
    scenario: t.scenario,
  };
}

function shortcomingRow(tree: UnitTree, s: ShortcomingDocument, at: string) {
  return {
    id: s.id,
    category: s.category,
    severity: s.severity,
    description: s.description,
    unit: ref(tree, s.unitId),
    answeringUnit: ref(tree, tree.answeringFor(s.unitId, at)),
    flaggedOn: s.flaggedOn,
    targetDate: s.targetDate,
    closedOn: s.closedOn,
    recurrenceOf: s.recurrenceOf,
    scenario: s.scenario,
  };
}

const within = (day: string | null, w: PackWindow) => day !== null && day >= w.since && day < w.at;

// Reporting months whose due day (the 25th) fell in the window.
function periodsDueIn(w: PackWindow): string[] {
  const periods: string[] = [];
  for (let month = w.since.slice(0, 7); month <= w.at.slice(0, 7); ) {
    const due = dueDate({ kind: 'recurring_monthly', dayOfMonth: 25 }, `${month}-01`) as string;
    if (within(due, w)) periods.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return periods;
}

/** The periods a pack's monthly-report section covers. */
export { periodsDueIn };

/**
 * The meeting pack: how things stood on the morning of the meeting day and what changed since
 * the last meeting, all as known at one ledger position. Every section states how many items
 * it holds and lists the first of them (at most `limit`). Pure and ordered, so the same
 * position and limit give the same bytes.
 */
export function meetingPack(input: PackInput) {
  const { tree, window: w, morning, limit, tasks, shortcomings: sc } = input;
  const tasksById = new Map(input.changedTasks.map((t) => [t.id, t]));
  const shortcomingsById = new Map(input.changedShortcomings.map((s) => [s.id, s]));
  const details = new Map(input.changeDetails.map((c) => [c.position, c]));
  const detailed = (refs: readonly ChangeRef[]) => refs.flatMap((r) => details.get(r.position) ?? []);
  const listed = listedChanges(input.changes, limit);
  const change = (c: ChangeRow) => ({
    on: c.occurredAt,
    position: c.position,
    reason: c.reason,
    actor: c.actor,
  });
  const shortcomingList = (l: Listed<ShortcomingDocument>) => ({
    total: l.total,
    items: l.items.map((s) => shortcomingRow(tree, s, w.at)),
  });
  const periods = periodsDueIn(w);
  const filed = new Map(input.reports.map((r) => [`${r.unitId}|${r.period}`, r]));
  const reportRows = periods.flatMap((period) =>
    input.reporters.map((unitId) => {
      const r = filed.get(`${unitId}|${period}`);
      const dueOn = `${period}-25`;
      const status = filingStatus(dueOn, r ? new Date(r.filedAt) : null, morning);
      return {
        period,
        unit: ref(tree, unitId),
        dueOn,
        filedAt: r?.filedAt ?? null,
        status,
        scenario: r?.scenario ?? false,
      };
    }),
  );
  const reports = (status: string) => {
    const all = reportRows.filter((r) => r.status === status);
    return { total: all.length, items: capped(all, limit) };
  };
  const reopened = [
    ...detailed(listed.rejected.items).flatMap((c) => {
      const s = shortcomingsById.get(c.streamId);
      return s
        ? [{ how: 'remediation_rejected' as const, ...shortcomingRow(tree, s, w.at), ...change(c) }]
        : [];
    }),
    ...sc.recurred.items.map((s) => ({
      how: 'recurred' as const,
      ...shortcomingRow(tree, s, w.at),
      on: s.flaggedOn,
      position: null,
      reason: null,
      actor: null,
    })),
  ];
  const items = [
    ...tasks.completed.items,
    ...tasks.newlyOverdue.items,
    ...sc.flagged.items,
    ...sc.verified.items,
    ...sc.closedNotImplemented.items,
    ...sc.dismissed.items,
    ...sc.recurred.items,
    ...input.changedTasks,
    ...input.changedShortcomings,
    ...input.reports,
  ];
  const onTime = (t: TaskDocument) => t.dueOn === null || (t.completedOn as string) <= t.dueOn;
  return {
    meeting: { at: w.at, since: w.since, scope: input.scope },
    ledger: input.ledger,
    listing: { itemsPerSection: limit ?? 'all' },
    labels: {
      illustrative: items.some((i) => i.scenario),
      synthetic: items.some((i) => i.synthetic),
    },
    state: { tasks: tasks.state, shortcomings: sc.state },
    changes: {
      tasksCompleted: {
        total: tasks.completed.total,
        onTime: tasks.completed.onTime,
        late: tasks.completed.total - tasks.completed.onTime,
        items: tasks.completed.items.map((t) => ({ ...taskRow(tree, t, w.at), onTime: onTime(t) })),
      },
      newlyOverdue: {
        total: tasks.newlyOverdue.total,
        items: tasks.newlyOverdue.items.map((t) => taskRow(tree, t, w.at)),
      },
      shortcomingsFlagged: shortcomingList(sc.flagged),
      shortcomingsVerified: shortcomingList(sc.verified),
      shortcomingsClosedNotImplemented: shortcomingList(sc.closedNotImplemented),
      shortcomingsDismissed: shortcomingList(sc.dismissed),
      shortcomingsReopened: {
        total: listed.rejected.total + sc.recurred.total,
        rejected: listed.rejected.total,
        recurred: sc.recurred.total,
        items: capped(reopened, limit),
      },
      deadlineExtensions: {
        total: listed.extensions.total,
        items: detailed(listed.extensions.items).map((c) => ({
          kind: c.streamType,
          id: c.streamId,
          type: c.type,
          ...change(c),
          data: c.data,
        })),
      },
      completionsReturned: {
        total: listed.returned.total,
        items: detailed(listed.returned.items).flatMap((c) => {
          const t = tasksById.get(c.streamId);
          return t ? [{ ...taskRow(tree, t, w.at), ...change(c) }] : [];
        }),
      },
      monthlyReports: {
        periods,
        onTime: reports('on_time').total,
        late: reports('late'),
        missing: reports('missing'),
      },
      accountabilityTransfers: input.transfers.map((t) => ({
        from: ref(tree, t.from),
        to: ref(tree, t.to),
        on: t.on,
        openTasks: t.openTasks,
        openShortcomings: t.openShortcomings,
      })),
    },
  };
}

/** A meeting pack as served. */
export type MeetingPack = ReturnType<typeof meetingPack>;
