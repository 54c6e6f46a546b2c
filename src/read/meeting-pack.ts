import { sql } from 'kysely';
import type { MonthlyReportDocument } from '../../projections/views/monthly-reports.js';
import type { Database } from '../db/database.js';
import { inForce, readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** A change that leaves no trace in an item's latest state (a rejection, an extension). */
export interface ChangeRef {
  position: number;
  streamType: string;
  streamId: string;
  type: string;
}

/** A change with its details: when, by whom, why, and what it set. */
export interface ChangeRow extends ChangeRef {
  occurredAt: string;
  actor: string;
  reason: string | null;
  data: Record<string, unknown>;
}

/** Which of `ids` are items of a unit in scope, as of the knowledge (all of them, unscoped). */
export async function idsInScope(
  database: Database,
  table: 'view_tasks' | 'view_shortcomings',
  k: Knowledge,
  ids: readonly string[],
  unitIds: readonly string[] | null,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await database.sql.query<{ id: string }>(
    sql`select t.id from ${sql.table(table)} t where ${inForce(k)} and t.id = any(${[...ids]}::text[])
      ${unitIds ? sql`and t.unit_id = any(${[...unitIds]}::text[])` : sql``}`.compile(database.db),
  );
  return new Set(rows.map((r) => r.id));
}

/** Rejections, returns, extensions and revisions recorded by the position and dated in the window. */
export async function windowChanges(
  database: Database,
  k: Knowledge,
  w: { from: Date; until: Date },
): Promise<ChangeRef[]> {
  const query =
    sql`select position, stream_type, stream_id, type from view_changes where position <= ${k.position}
    and occurred_at >= ${w.from} and occurred_at < ${w.until} order by position`.compile(database.db);
  const rows = await database.sql.query<[string, string, string, string]>({
    text: query.sql,
    values: query.parameters,
    rowMode: 'array',
  });
  return rows.map(([position, streamType, streamId, type]) => ({
    position: Number(position),
    streamType,
    streamId,
    type,
  }));
}

/** The details of the changes at `positions`, in position order. */
export async function changeDetails(database: Database, positions: readonly number[]): Promise<ChangeRow[]> {
  if (positions.length === 0) return [];
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
    sql`select * from view_changes where position = any(${positions.map(String)}::bigint[])
      order by position`.compile(database.db),
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
      and t.varying->'deadline'->>'kind' = 'recurring_monthly' order by t.unit_id`.compile(database.db),
  );
  return rows.map((r) => r.unit_id);
}

/** The reports of `unitIds` for the given periods, as known. */
export function reportsFor(
  database: Database,
  k: Knowledge,
  periods: readonly string[],
  unitIds: readonly string[],
) {
  return readDocuments<MonthlyReportDocument>(database, 'view_monthly_reports', k, {
    where: [sql`t.period = any(${[...periods]}::text[])`, sql`t.unit_id = any(${[...unitIds]}::text[])`],
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
