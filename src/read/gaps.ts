import { type RawBuilder, sql } from 'kysely';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import { finishedTaskStatuses, openShortcomingStatuses } from '../views/item-state.js';
import type { ShortcomingLine, TaskLine } from '../views/unit-gaps.js';
import { documentsById, inForce, type ViewTable } from './documents.js';
import type { Knowledge } from './knowledge.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the gaps of a scope are read for: the clock, the day described, the due-soon window. */
export interface GapsWindow {
  now: Date;
  validAt: string | null;
  dueWithinDays: number;
}

// The candidates are read as a few columns each (no documents): a province's scope may hold
// thousands of tasks, and only the listed ones need their documents. Today's statuses narrow
// exactly; a view of a past day (validAt) widens to every item that may have been open that
// day, and the item-state predicates then decide on the statuses of that day.
const transitionsOf = (w: GapsWindow) => (w.validAt ? sql`t.doc->'transitions'` : sql`'[]'::jsonb`);

/**
 * Tasks of the scope that may be overdue or due soon at `now`: owed (or owed on `validAt`) and
 * due before the end of the due-soon window (a due day ends at midnight in Vietnam).
 */
export async function readGapTasks(
  database: Database,
  k: Knowledge,
  scope: readonly string[],
  w: GapsWindow,
): Promise<TaskLine[]> {
  const horizon = dateInVietnam(new Date(w.now.getTime() + w.dueWithinDays * DAY_MS));
  const notOwed = [...finishedTaskStatuses, 'completion_reported'];
  const owed: RawBuilder<unknown> = w.validAt
    ? sql`t.assigned_on <= ${w.validAt}::date and (t.status <> all(${[...finishedTaskStatuses]}::text[])
        or t.completed_on >= ${w.validAt}::date or t.closed_on >= ${w.validAt}::date)`
    : sql`t.status <> all(${notOwed}::text[])`;
  const query = sql`select t.id, t.unit_id, t.status, t.due_on::text as due_on, ${transitionsOf(w)} as transitions
    from view_tasks t
    where ${inForce(k)} and t.unit_id = any(${[...scope]}::text[]) and t.due_on < ${horizon}::date and ${owed}`;
  const rows = await database.sql.query<{
    id: string;
    unit_id: string;
    status: string;
    due_on: string;
    transitions: TaskLine['transitions'];
  }>(query.compile(database.db));
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    status: r.status,
    dueOn: r.due_on,
    transitions: r.transitions,
  }));
}

/** Shortcomings of the scope still owing a remedy now (or possibly on `validAt`). */
export async function readGapShortcomings(
  database: Database,
  k: Knowledge,
  scope: readonly string[],
  w: GapsWindow,
): Promise<ShortcomingLine[]> {
  const open: RawBuilder<unknown> = w.validAt
    ? sql`t.flagged_on <= ${w.validAt}::date and (t.closed_on is null or t.closed_on >= ${w.validAt}::date)`
    : sql`t.status = any(${[...openShortcomingStatuses]}::text[])`;
  const query = sql`select t.id, t.unit_id, t.status, t.severity, t.target_date::text as target_date,
      ${transitionsOf(w)} as transitions
    from view_shortcomings t
    where ${inForce(k)} and t.unit_id = any(${[...scope]}::text[]) and ${open}`;
  const rows = await database.sql.query<{
    id: string;
    unit_id: string;
    status: string;
    severity: string;
    target_date: string | null;
    transitions: ShortcomingLine['transitions'];
  }>(query.compile(database.db));
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    status: r.status,
    severity: r.severity,
    targetDate: r.target_date,
    transitions: r.transitions,
  }));
}

async function byIds<D extends { id: string }>(
  database: Database,
  table: ViewTable,
  k: Knowledge,
  ids: readonly string[],
) {
  const docs = await documentsById<D>(database, table, k, ids);
  return new Map(docs.map((d) => [d.id, d]));
}

/** The documents of the listed tasks, by id. */
export const readTasksById = (database: Database, k: Knowledge, ids: readonly string[]) =>
  byIds<TaskDocument>(database, 'view_tasks', k, ids);

/** The documents of the listed shortcomings, by id. */
export const readShortcomingsById = (database: Database, k: Knowledge, ids: readonly string[]) =>
  byIds<ShortcomingDocument>(database, 'view_shortcomings', k, ids);
