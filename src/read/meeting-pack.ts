import { type RawBuilder, sql } from 'kysely';
import type { MonthlyReportDocument } from '../../projections/views/monthly-reports.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import { inForce, readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** The days a pack covers: [since, at), in Vietnam; `at` is the meeting day. */
export interface PackWindow {
  since: string;
  at: string;
}

/** How things stood on the morning of the meeting, counted. */
export interface PackCounts {
  tasks: {
    assigned: number;
    owed: number;
    overdue: number;
    completionPending: number;
    completed: number;
    closed: number;
  };
  shortcomings: {
    flagged: number;
    open: number;
    awaitingVerification: number;
    remediationOverdue: number;
    closedImplemented: number;
    closedNotImplemented: number;
    dismissed: number;
  };
}

/** A change that leaves no trace in an item's latest state (a rejection, an extension). */
export interface ChangeRow {
  position: number;
  streamType: string;
  streamId: string;
  type: string;
  occurredAt: string;
  actor: string;
  reason: string | null;
  data: Record<string, unknown>;
}

const scoped = (unitIds: readonly string[] | null): RawBuilder<unknown>[] =>
  unitIds ? [sql`t.unit_id = any(${[...unitIds]}::text[])`] : [];

/** The pack's counts, on the morning of `at`, from the milestone days of every item in scope. */
export async function packCounts(
  database: Database,
  k: Knowledge,
  at: string,
  unitIds: readonly string[] | null,
): Promise<PackCounts> {
  const where = (extra: RawBuilder<unknown>[]) =>
    sql.join([inForce(k), ...extra, ...scoped(unitIds)], sql` and `);
  const done = sql`coalesce(t.completed_on < ${at} or t.closed_on < ${at}, false)`;
  const pending = sql`coalesce(t.doc->>'completionReportedOn' < ${at} and t.completed_on is null, false)`;
  const [tasks] = await database.sql.query<Record<string, number>>(
    sql`select count(*)::int as assigned,
        count(*) filter (where not ${done} and not ${pending})::int as owed,
        count(*) filter (where not ${done} and not ${pending} and t.due_on < ${at})::int as overdue,
        count(*) filter (where not ${done} and ${pending})::int as pending,
        count(*) filter (where t.completed_on < ${at})::int as completed,
        count(*) filter (where t.closed_on < ${at})::int as closed
      from view_tasks t where ${where([sql`t.assigned_on < ${at}`])}`.compile(database.db),
  );
  const open = sql`(t.closed_on is null or t.closed_on >= ${at})`;
  const awaiting = sql`coalesce(${open} and t.remediation_reported_on < ${at} and t.status <> 'in_progress', false)`;
  const [shortcomings] = await database.sql.query<Record<string, number>>(
    sql`select count(*)::int as flagged,
        count(*) filter (where ${open})::int as open,
        count(*) filter (where ${awaiting})::int as awaiting,
        count(*) filter (where ${open} and not ${awaiting} and t.target_date < ${at})::int as overdue,
        count(*) filter (where t.closed_on < ${at} and t.status = 'closed_implemented')::int as implemented,
        count(*) filter (where t.closed_on < ${at} and t.status = 'closed_not_implemented')::int as not_implemented,
        count(*) filter (where t.closed_on < ${at} and t.status = 'dismissed')::int as dismissed
      from view_shortcomings t where ${where([sql`t.flagged_on < ${at}`])}`.compile(database.db),
  );
  const n = (r: Record<string, number> | undefined, key: string) => Number(r?.[key] ?? 0);
  return {
    tasks: {
      assigned: n(tasks, 'assigned'),
      owed: n(tasks, 'owed'),
      overdue: n(tasks, 'overdue'),
      completionPending: n(tasks, 'pending'),
      completed: n(tasks, 'completed'),
      closed: n(tasks, 'closed'),
    },
    shortcomings: {
      flagged: n(shortcomings, 'flagged'),
      open: n(shortcomings, 'open'),
      awaitingVerification: n(shortcomings, 'awaiting'),
      remediationOverdue: n(shortcomings, 'overdue'),
      closedImplemented: n(shortcomings, 'implemented'),
      closedNotImplemented: n(shortcomings, 'not_implemented'),
      dismissed: n(shortcomings, 'dismissed'),
    },
  };
}

/** Tasks completed in the window, and tasks whose due day fell in it. */
export function windowTasks(
  database: Database,
  k: Knowledge,
  w: PackWindow,
  unitIds: readonly string[] | null,
) {
  return readDocuments<TaskDocument>(database, 'view_tasks', k, {
    where: [
      sql`((t.completed_on >= ${w.since} and t.completed_on < ${w.at}) or (t.due_on >= ${w.since} and t.due_on < ${w.at}))`,
      ...scoped(unitIds),
    ],
    orderBy: sql`t.id`,
  });
}

/** Shortcomings flagged or closed in the window, or touched by a change in it. */
export function windowShortcomings(
  database: Database,
  k: Knowledge,
  w: PackWindow,
  unitIds: readonly string[] | null,
  touched: readonly string[],
) {
  return readDocuments<ShortcomingDocument>(database, 'view_shortcomings', k, {
    where: [
      sql`((t.flagged_on >= ${w.since} and t.flagged_on < ${w.at}) or (t.closed_on >= ${w.since} and t.closed_on < ${w.at})
        or t.id = any(${[...touched]}::text[]))`,
      ...scoped(unitIds),
    ],
    orderBy: sql`t.id`,
  });
}

/** Tasks in scope named by changes in the window (extended, returned). */
export function tasksById(
  database: Database,
  k: Knowledge,
  ids: readonly string[],
  unitIds: readonly string[] | null,
) {
  return readDocuments<TaskDocument>(database, 'view_tasks', k, {
    where: [sql`t.id = any(${[...ids]}::text[])`, ...scoped(unitIds)],
    orderBy: sql`t.id`,
  });
}

/** Rejections, returns, extensions and revisions recorded by the position and dated in the window. */
export async function windowChanges(
  database: Database,
  k: Knowledge,
  w: { from: Date; until: Date },
): Promise<ChangeRow[]> {
  const rows = await database.sql.query<{
    position: string;
    stream_type: string;
    stream_id: string;
    type: string;
    occurred_at: Date;
    actor: string;
    reason: string | null;
    data: Record<string, unknown>;
  }>(
    sql`select * from view_changes where position <= ${k.position}
      and occurred_at >= ${w.from} and occurred_at < ${w.until} order by position`.compile(database.db),
  );
  return rows.map((r) => ({
    position: Number(r.position),
    streamType: r.stream_type,
    streamId: r.stream_id,
    type: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actor: r.actor,
    reason: r.reason,
    data: r.data,
  }));
}

/** Units expected to report monthly (leading a task due every month), as known. */
export async function monthlyReporters(database: Database, k: Knowledge): Promise<string[]> {
  const rows = await database.sql.query<{ unit_id: string }>(
    sql`select distinct t.unit_id from view_tasks t where ${inForce(k)}
      and t.doc->'deadline'->>'kind' = 'recurring_monthly' order by t.unit_id`.compile(database.db),
  );
  return rows.map((r) => r.unit_id);
}

/** Monthly reports for the given periods, as known. */
export function reportsFor(database: Database, k: Knowledge, periods: readonly string[]) {
  return readDocuments<MonthlyReportDocument>(database, 'view_monthly_reports', k, {
    where: [sql`t.period = any(${[...periods]}::text[])`],
    orderBy: sql`t.id`,
  });
}

/** Items open on a day in a unit (what passed to its successor at a merger): owed tasks and open shortcomings. */
export async function openItemsOn(database: Database, k: Knowledge, unitId: string, day: string) {
  const [row] = await database.sql.query<{ tasks: number; shortcomings: number }>(
    sql`select
      (select count(*)::int from view_tasks t where ${inForce(k)} and t.unit_id = ${unitId} and t.assigned_on < ${day}
        and not coalesce(t.completed_on < ${day} or t.closed_on < ${day}, false)) as tasks,
      (select count(*)::int from view_shortcomings t where ${inForce(k)} and t.unit_id = ${unitId} and t.flagged_on < ${day}
        and (t.closed_on is null or t.closed_on >= ${day})) as shortcomings`.compile(database.db),
  );
  return { tasks: row?.tasks ?? 0, shortcomings: row?.shortcomings ?? 0 };
}
