import type { MonthlyReportDocument } from '../../projections/views/monthly-reports.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import { dueDate } from '../domain/deadline.js';
import { filingStatus } from '../domain/monthly-reports/filing-status.js';
import type { ChangeRow, PackCounts, PackWindow } from '../read/meeting-pack.js';
import type { UnitTree } from '../read/unit-tree.js';

/** A unit as a pack names it. */
export interface UnitRef {
  id: string;
  name: string;
}

/** Everything a pack is computed from: knowledge, window, and the documents the window touches. */
export interface PackInput {
  window: PackWindow;
  scope: UnitRef | null;
  ledger: { position: number; headHash: string; recordedAt: string };
  /** The start of the meeting day in Vietnam: the pack's clock. */
  morning: Date;
  tree: UnitTree;
  counts: PackCounts;
  tasks: TaskDocument[];
  shortcomings: ShortcomingDocument[];
  changes: ChangeRow[];
  changedTasks: TaskDocument[];
  reporters: string[];
  reports: MonthlyReportDocument[];
  transfers: { from: string; to: string; on: string; openTasks: number; openShortcomings: number }[];
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
 * the last meeting, all as known at one ledger position. Pure and ordered, so the same
 * position gives the same bytes.
 */
export function meetingPack(input: PackInput) {
  const { tree, window: w, morning } = input;
  const completed = input.tasks.filter((t) => within(t.completedOn, w));
  const stillOwed = (t: TaskDocument) =>
    !(t.completedOn && t.completedOn < w.at) &&
    !(t.closedOn && t.closedOn < w.at) &&
    !(t.completionReportedOn && t.completionReportedOn < w.at);
  const newlyOverdue = input.tasks.filter((t) => within(t.dueOn, w) && stillOwed(t));
  const byId = new Map(input.shortcomings.map((s) => [s.id, s]));
  const tasksById = new Map(input.changedTasks.map((t) => [t.id, t]));
  const inScope = (c: ChangeRow) =>
    c.streamType === 'task' ? tasksById.has(c.streamId) : byId.has(c.streamId);
  const changes = input.changes.filter(inScope);
  const change = (c: ChangeRow) => ({
    on: c.occurredAt,
    position: c.position,
    reason: c.reason,
    actor: c.actor,
  });
  const flagged = input.shortcomings.filter((s) => within(s.flaggedOn, w));
  const closedAs = (status: string) =>
    input.shortcomings
      .filter((s) => s.status === status && within(s.closedOn, w))
      .map((s) => shortcomingRow(tree, s, w.at));
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
  const rejected = changes.filter((c) => c.type === 'RemediationRejected');
  const items = [...input.tasks, ...input.shortcomings, ...input.reports];
  return {
    meeting: { at: w.at, since: w.since, scope: input.scope },
    ledger: input.ledger,
    labels: {
      illustrative: items.some((i) => i.scenario),
      synthetic: items.some((i) => i.synthetic),
    },
    state: input.counts,
    changes: {
      tasksCompleted: {
        onTime: completed.filter((t) => t.dueOn === null || (t.completedOn as string) <= t.dueOn).length,
        late: completed.filter((t) => t.dueOn !== null && (t.completedOn as string) > t.dueOn).length,
        items: completed.map((t) => ({
          ...taskRow(tree, t, w.at),
          onTime: t.dueOn === null || (t.completedOn as string) <= t.dueOn,
        })),
      },
      newlyOverdue: newlyOverdue.map((t) => taskRow(tree, t, w.at)),
      shortcomingsFlagged: flagged.map((s) => shortcomingRow(tree, s, w.at)),
      shortcomingsVerified: closedAs('closed_implemented'),
      shortcomingsClosedNotImplemented: closedAs('closed_not_implemented'),
      shortcomingsDismissed: closedAs('dismissed'),
      shortcomingsReopened: [
        ...rejected.map((c) => ({
          how: 'remediation_rejected' as const,
          ...shortcomingRow(tree, byId.get(c.streamId) as ShortcomingDocument, w.at),
          ...change(c),
        })),
        ...flagged
          .filter((s) => s.recurrenceOf)
          .map((s) => ({
            how: 'recurred' as const,
            ...shortcomingRow(tree, s, w.at),
            on: s.flaggedOn,
            position: null,
            reason: null,
            actor: null,
          })),
      ],
      deadlineExtensions: changes
        .filter((c) => c.type === 'TaskDeadlineExtended' || c.type === 'RemediationTargetDateRevised')
        .map((c) => ({ kind: c.streamType, id: c.streamId, type: c.type, ...change(c), data: c.data })),
      completionsReturned: changes
        .filter((c) => c.type === 'TaskCompletionReturned')
        .map((c) => ({ ...taskRow(tree, tasksById.get(c.streamId) as TaskDocument, w.at), ...change(c) })),
      monthlyReports: {
        periods,
        onTime: reportRows.filter((r) => r.status === 'on_time').length,
        late: reportRows.filter((r) => r.status === 'late'),
        missing: reportRows.filter((r) => r.status === 'missing'),
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
