import { type RawBuilder, sql } from 'kysely';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import type { OwedTaskGroup } from '../views/accountable-officials.js';
import { finishedTaskStatuses, openShortcomingStatuses } from '../views/item-state.js';
import { inForce, readDocuments } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** Which items to read: of these units (all when null), as known or as they stood on a day. */
export interface ItemFilter {
  unitIds: readonly string[] | null;
  /**
   * A day in valid time: statuses then may differ from the latest, so every item that existed
   * by that day is read and mapped in the view; without one, only items owed or open now.
   */
  validAt: string | null;
}

// Nothing is owed on a task once finished, or while its completion claim awaits review.
const notOwed = [...finishedTaskStatuses, 'completion_reported'];

function taskConditions(f: ItemFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.unitIds) where.push(sql`t.unit_id = any(${[...f.unitIds]}::text[])`);
  if (f.validAt) where.push(sql`t.assigned_on <= ${f.validAt}::date`);
  else where.push(sql`t.status <> all(${notOwed}::text[])`);
  return where;
}

function shortcomingConditions(f: ItemFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.unitIds) where.push(sql`t.unit_id = any(${[...f.unitIds]}::text[])`);
  if (f.validAt) where.push(sql`t.flagged_on <= ${f.validAt}::date`);
  else where.push(sql`t.status = any(${[...openShortcomingStatuses]}::text[])`);
  return where;
}

/** Tasks led by the units that may be owed (as known, or as candidates for the day). */
export function readOwedTasks(database: Database, k: Knowledge, f: ItemFilter): Promise<TaskDocument[]> {
  return readDocuments<TaskDocument>(database, 'view_tasks', k, { where: taskConditions(f) });
}

/** Shortcomings against the units that may be open (as known, or as candidates for the day). */
export function readOpenShortcomings(
  database: Database,
  k: Knowledge,
  f: ItemFilter,
): Promise<ShortcomingDocument[]> {
  return readDocuments<ShortcomingDocument>(database, 'view_shortcomings', k, {
    where: shortcomingConditions(f),
  });
}

/**
 * Tasks owed now, counted by lead unit and due day in SQL (no documents read): what the
 * officials list needs when it answers for the latest state rather than a past day.
 */
export async function countOwedTasks(
  database: Database,
  k: Knowledge,
  unitIds: readonly string[] | null,
): Promise<OwedTaskGroup[]> {
  const where = [inForce(k), ...taskConditions({ unitIds, validAt: null })];
  const query = sql`select t.unit_id, to_char(t.due_on, 'YYYY-MM-DD') as due_on, count(*)::int as n
    from view_tasks t where ${sql.join(where, sql` and `)} group by t.unit_id, t.due_on`;
  const rows = await database.sql.query<{ unit_id: string; due_on: string | null; n: number }>(
    query.compile(database.db),
  );
  return rows.map((r) => ({ unitId: r.unit_id, dueOn: r.due_on, count: Number(r.n) }));
}

/** One task or shortcoming document as known, or undefined. */
export async function readItem<D>(
  database: Database,
  k: Knowledge,
  kind: 'task' | 'shortcoming',
  id: string,
): Promise<D | undefined> {
  const table = kind === 'task' ? 'view_tasks' : 'view_shortcomings';
  const [doc] = await readDocuments<D>(database, table, k, { where: [sql`t.id = ${id}`] });
  return doc;
}
