import { type RawBuilder, sql } from 'kysely';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { Database } from '../db/database.js';
import type { Statement } from '../db/sql-runner.js';
import { dateInVietnam } from '../domain/occurred-at.js';
import { finishedTaskStatuses, openShortcomingStatuses } from '../views/item-state.js';
import {
  type ShortcomingLine,
  type TaskLine,
  unlistedShortcomingKeys,
  unlistedTaskKeys,
} from '../views/unit-gaps.js';
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
// Today's view has no use for the transitions (null stands for none).
const transitionsOf = (w: GapsWindow) => (w.validAt ? sql`t.varying->'transitions'` : sql`null::jsonb`);

// Lines come back as arrays, cheaper than objects over the thousands a province can hold.
const asArrays = (query: RawBuilder<unknown>, database: Database): Statement => {
  const compiled = query.compile(database.db);
  return { text: compiled.sql, values: compiled.parameters, rowMode: 'array' };
};

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
  const query = sql`select t.id, t.unit_id, t.status, t.due_on::text, ${transitionsOf(w)}
    from view_tasks t
    where ${inForce(k)} and t.unit_id = any(${[...scope]}::text[]) and t.due_on < ${horizon}::date and ${owed}`;
  const rows = await database.sql.query<[string, string, string, string, TaskLine['transitions'] | null]>(
    asArrays(query, database),
  );
  return rows.map(([id, unitId, status, dueOn, transitions]) => ({
    id,
    unitId,
    status,
    dueOn,
    transitions: transitions ?? [],
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
  const query = sql`select t.id, t.unit_id, t.status, t.severity, t.target_date::text, ${transitionsOf(w)}
    from view_shortcomings t
    where ${inForce(k)} and t.unit_id = any(${[...scope]}::text[]) and ${open}`;
  const rows = await database.sql.query<
    [string, string, string, string, string | null, ShortcomingLine['transitions'] | null]
  >(asArrays(query, database));
  return rows.map(([id, unitId, status, severity, targetDate, transitions]) => ({
    id,
    unitId,
    status,
    severity,
    targetDate,
    transitions: transitions ?? [],
  }));
}

async function byIds<D extends { id: string }, K extends Exclude<keyof D, 'id'>>(
  database: Database,
  table: ViewTable,
  k: Knowledge,
  ids: readonly string[],
  omit: readonly (K & string)[],
) {
  const docs = await documentsById<D, K>(database, table, k, ids, omit);
  return new Map(docs.map((d) => [d.id, d]));
}

/** The listed tasks' documents, by id. */
export const readTasksById = (database: Database, k: Knowledge, ids: readonly string[]) =>
  byIds<TaskDocument, (typeof unlistedTaskKeys)[number]>(database, 'view_tasks', k, ids, unlistedTaskKeys);

/** The listed shortcomings' documents, by id. */
export const readShortcomingsById = (database: Database, k: Knowledge, ids: readonly string[]) =>
  byIds<ShortcomingDocument, (typeof unlistedShortcomingKeys)[number]>(
    database,
    'view_shortcomings',
    k,
    ids,
    unlistedShortcomingKeys,
  );
