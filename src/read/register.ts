import { type RawBuilder, sql } from 'kysely';
import { shortcomingSeverities } from '../../events/shortcomings.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import type { Setback } from '../views/inspection-queue.js';
import { type RegisterSortKey, shortcomingStatuses } from '../views/register.js';
import { countDocuments, documentsById, inForce, readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** Conditions on view_shortcomings' columns (alias t); absent fields do not narrow. */
export interface ShortcomingColumns {
  unitIds?: readonly string[] | null;
  inspectionUnitId?: string | null;
  statuses?: readonly string[];
  categories?: readonly string[];
  severities?: readonly string[];
  /**
   * Those a person may answer for personally (the register checks each exactly): named for
   * them at some time, or against one of `unitIds` (units whose answering unit they head).
   */
  answerableBy?: { personName: string; unitIds: readonly string[] } | null;
  /** Open with a remedy date passed at this instant (remediationOverdue, in SQL). */
  overdueAt?: Date | null;
  /** Flagged on or before this day. */
  flaggedBy?: string | null;
  /** Not closed by the end of this day: closed items never reopen, so the rest cannot be open then. */
  openOn?: string | null;
  rejected?: boolean;
  recurrence?: boolean;
}

const anyOf = (column: string, values: readonly string[]) =>
  sql`${sql.ref(`t.${column}`)} = any(${[...values]}::text[])`;

/** The SQL conditions for the columns asked. */
export function shortcomingWhere(c: ShortcomingColumns): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (c.unitIds) where.push(anyOf('unit_id', c.unitIds));
  if (c.inspectionUnitId) where.push(sql`t.inspection_unit_id = ${c.inspectionUnitId}`);
  if (c.statuses?.length) where.push(anyOf('status', c.statuses));
  if (c.categories?.length) where.push(anyOf('category', c.categories));
  if (c.severities?.length) where.push(anyOf('severity', c.severities));
  if (c.answerableBy) {
    const named = JSON.stringify([{ personName: c.answerableBy.personName }]);
    where.push(
      sql`(t.varying->'officials' @> ${named}::jsonb or t.unit_id = any(${[...c.answerableBy.unitIds]}::text[]))`,
    );
  }
  if (c.overdueAt) {
    // deadlineOf(target) <= now exactly when the target day is before now's day in Vietnam.
    where.push(
      sql`t.status in ('open', 'in_progress') and t.target_date < ${dateInVietnam(c.overdueAt)}::date`,
    );
  }
  if (c.flaggedBy) where.push(sql`t.flagged_on <= ${c.flaggedBy}::date`);
  if (c.openOn) where.push(sql`(t.closed_on is null or t.closed_on > ${c.openOn}::date)`);
  if (c.rejected) where.push(sql`(t.varying->>'rejections')::int > 0`);
  if (c.recurrence) where.push(sql`t.recurrence_of is not null`);
  return where;
}

const ranked = (list: readonly string[], column: string) =>
  sql`array_position(${[...list]}::text[], ${sql.ref(`t.${column}`)})`;

/**
 * A page of shortcomings as of the knowledge and the total matching, in one round trip.
 * `unitOrder` gives each unit's place when sorting by unit.
 */
export async function shortcomingPage(
  database: Database,
  k: Knowledge,
  where: RawBuilder<unknown>[],
  order: { sort: RegisterSortKey; order: 'asc' | 'desc'; unitOrder: ReadonlyMap<string, number> | null },
  limit: number | null,
  offset: number,
): Promise<{ docs: ShortcomingDocument[]; total: number }> {
  const dir = order.order === 'asc' ? sql`asc` : sql`desc`;
  const key = {
    flaggedOn: sql`t.flagged_on`,
    targetDate: sql`t.target_date`,
    severity: ranked(shortcomingSeverities, 'severity'),
    unit: sql`o.ord`,
    status: ranked(shortcomingStatuses, 'status'),
  }[order.sort];
  const join =
    order.sort === 'unit' && order.unitOrder
      ? sql`left join unnest(${[...order.unitOrder.keys()]}::text[], ${[...order.unitOrder.values()]}::int[])
          as o(unit_id, ord) on o.unit_id = t.unit_id`
      : sql``;
  // The page is chosen from indexed columns alone, and documents read for its rows only. As of
  // a position the answer cannot move, so the total is counted at the same time on another
  // connection; the current view counts in the same statement, so page and total agree.
  const together = k.current;
  const query = sql`with page as materialized (
      select t.id, t.from_pos ${together ? sql`, count(*) over () as total` : sql``}
      from view_shortcomings t ${join}
      where ${sql.join([inForce(k), ...where], sql` and `)}
      order by ${key} ${dir}, t.id collate "C" ${dir}
      ${limit !== null ? sql`limit ${limit}` : sql``} ${offset ? sql`offset ${offset}` : sql``}
    ), ranked as (select page.*, row_number() over () as n from page)
    select v.doc ${together ? sql`, r.total` : sql``}
    from ranked r join view_shortcomings v on v.id = r.id and v.from_pos = r.from_pos
    order by r.n`;
  const pageRows = database.sql.query<{ doc: ShortcomingDocument; total?: string | number }>(
    query.compile(database.db),
  );
  const count = () => countDocuments(database, 'view_shortcomings', k, where);
  if (together) {
    const rows = await pageRows;
    const total = rows.length > 0 ? Number(rows[0]?.total) : offset > 0 ? await count() : 0;
    return { docs: rows.map((r) => r.doc), total };
  }
  const [rows, total] = await Promise.all([pageRows, limit === null && !offset ? null : count()]);
  return { docs: rows.map((r) => r.doc), total: total ?? rows.length };
}

/** Shortcomings as of the knowledge matching the columns, unordered. */
export function readShortcomings(
  database: Database,
  k: Knowledge,
  columns: ShortcomingColumns,
): Promise<ShortcomingDocument[]> {
  return readDocuments<ShortcomingDocument>(database, 'view_shortcomings', k, {
    where: shortcomingWhere(columns),
  });
}

/** Shortcomings by id as of the knowledge. */
export function shortcomingsById(
  database: Database,
  k: Knowledge,
  ids: readonly string[],
): Promise<ShortcomingDocument[]> {
  return documentsById<ShortcomingDocument>(database, 'view_shortcomings', k, ids);
}

/**
 * Tasks in scope whose completion has been returned at least once (as known), still not
 * finished; `assignedBy` keeps those assigned by a day, `owedNow` those still owed today.
 */
export function returnedTasks(
  database: Database,
  k: Knowledge,
  options: { unitIds: readonly string[] | null; assignedBy: string | null; owedNow: boolean },
): Promise<TaskDocument[]> {
  const where: RawBuilder<unknown>[] = [sql`(t.varying->>'returns')::int > 0`];
  if (options.unitIds) where.push(anyOf('unit_id', options.unitIds));
  if (options.assignedBy) where.push(sql`t.assigned_on <= ${options.assignedBy}::date`);
  if (options.owedNow) {
    where.push(sql`t.status not in ('completed', 'ended', 'cancelled', 'superseded', 'completion_reported')`);
  }
  return readDocuments<TaskDocument>(database, 'view_tasks', k, { where });
}

/**
 * The latest setback of each item (RemediationRejected or TaskCompletionReturned) known at
 * the knowledge's position and, when `until` is given, happening by then.
 */
export async function latestSetbacks(
  database: Database,
  k: Knowledge,
  type: 'RemediationRejected' | 'TaskCompletionReturned',
  streamIds: readonly string[],
  until: Date | null,
): Promise<Map<string, Setback>> {
  if (streamIds.length === 0) return new Map();
  const query = sql`select stream_id, occurred_at, reason,
      count(*) over (partition by stream_id)::int as n
    from view_changes c
    where c.type = ${type} and c.stream_id = any(${[...streamIds]}::text[])
      ${k.current ? sql`` : sql`and c.position <= ${k.position}`}
      ${until ? sql`and c.occurred_at <= ${until.toISOString()}::timestamptz` : sql``}
    order by c.position`;
  const rows = await database.sql.query<{
    stream_id: string;
    occurred_at: Date;
    reason: string | null;
    n: number;
  }>(query.compile(database.db));
  const latest = new Map<string, Setback>();
  for (const r of rows) {
    latest.set(r.stream_id, {
      occurredAt: new Date(r.occurred_at).toISOString(),
      reason: r.reason,
      count: r.n,
    });
  }
  return latest;
}
