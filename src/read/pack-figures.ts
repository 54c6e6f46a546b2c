import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { inForce } from './documents.js';
import type { Knowledge } from './knowledge.js';

/** The days a pack covers: [since, at), in Vietnam; `at` is the meeting day. */
export interface PackWindow {
  since: string;
  at: string;
}

/** How many items a section holds, and the ids of the first ones it lists, in order. */
export interface Listing {
  total: number;
  ids: string[];
}

/** Tasks on the morning of the meeting, counted, and the window's task sections. */
export interface TaskFigures {
  state: {
    assigned: number;
    owed: number;
    overdue: number;
    completionPending: number;
    completed: number;
    closed: number;
  };
  completed: Listing & { onTime: number };
  newlyOverdue: Listing;
}

/** Shortcomings on the morning of the meeting, counted, and the window's shortcoming sections. */
export interface ShortcomingFigures {
  state: {
    flagged: number;
    open: number;
    awaitingVerification: number;
    remediationOverdue: number;
    closedImplemented: number;
    closedNotImplemented: number;
    dismissed: number;
  };
  flagged: Listing;
  verified: Listing;
  closedNotImplemented: Listing;
  dismissed: Listing;
  recurred: Listing;
}

const scoped = (unitIds: readonly string[] | null): RawBuilder<unknown>[] =>
  unitIds ? [sql`t.unit_id = any(${[...unitIds]}::text[])`] : [];

const where = (k: Knowledge, unitIds: readonly string[] | null) =>
  sql.join([inForce(k), ...scoped(unitIds)], sql` and `);

// The first `limit` ids matching `filter`, in `order`: one more aggregate of the same scan.
const firstIds = (filter: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) =>
  sql`coalesce((array_agg(t.id order by ${order}, t.id) filter (where ${filter}))[1:${limit}::int], '{}')`;

const count = (filter: RawBuilder<unknown>) => sql`count(*) filter (where ${filter})::int`;

// A listed section: how many match (`<name>_total`) and the first `limit` ids (`<name>_ids`).
const section = (name: string, filter: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) =>
  sql`${count(filter)} as ${sql.raw(`${name}_total`)}, ${firstIds(filter, order, limit)} as ${sql.raw(`${name}_ids`)}`;

const listing = (row: Record<string, unknown>, name: string): Listing => ({
  total: Number(row[`${name}_total`] ?? 0),
  ids: (row[`${name}_ids`] as string[] | undefined) ?? [],
});

/**
 * Every task in force at the knowledge's position, counted in one index-only scan of one end
 * of its position range (migration 008's indexes carry each column read here): the counts on
 * the morning of `w.at`; and the tasks completed in the window and those newly overdue in it,
 * at most `limit` of each listed, each list read in its own index order (migration 011).
 */
export async function taskFigures(
  database: Database,
  k: Knowledge,
  w: PackWindow,
  unitIds: readonly string[] | null,
  limit: number,
): Promise<TaskFigures> {
  const { at, since } = w;
  const assigned = sql`t.assigned_on < ${at}`;
  const done = sql`coalesce(t.completed_on < ${at} or t.closed_on < ${at}, false)`;
  const pending = sql`coalesce(t.completion_reported_on < ${at} and t.completed_on is null, false)`;
  const owed = sql`${assigned} and not ${done} and not ${pending}`;
  const completedIn = sql`t.completed_on >= ${since} and t.completed_on < ${at}`;
  const newlyOverdue = sql`t.due_on >= ${since} and t.due_on < ${at} and not ${done}
    and not coalesce(t.completion_reported_on < ${at}, false)`;
  const scope = where(k, unitIds);
  // The counts in one scan (parallel where the server chooses), and each listing in its own
  // index order, stopping once it has its first `limit` tasks.
  const first = async (filter: RawBuilder<unknown>, order: RawBuilder<unknown>) => {
    const rows = await database.sql.query<{ id: string }>(
      sql`select t.id from view_tasks t where ${scope} and ${filter}
        order by ${order}, t.id limit ${limit}`.compile(database.db),
    );
    return rows.map((r) => r.id);
  };
  const [[row = {}], completedIds, overdueIds] = await Promise.all([
    database.sql.query<Record<string, unknown>>(
      sql`select ${count(assigned)} as assigned, ${count(owed)} as owed,
        ${count(sql`${owed} and t.due_on < ${at}`)} as overdue,
        ${count(sql`${assigned} and not ${done} and ${pending}`)} as pending,
        ${count(sql`${assigned} and t.completed_on < ${at}`)} as completed,
        ${count(sql`${assigned} and t.closed_on < ${at}`)} as closed,
        ${count(completedIn)} as completed_total,
        ${count(sql`${completedIn} and (t.due_on is null or t.completed_on <= t.due_on)`)} as completed_on_time,
        ${count(newlyOverdue)} as overdue_total
      from view_tasks t where ${scope}`.compile(database.db),
    ),
    first(completedIn, sql`t.completed_on`),
    first(newlyOverdue, sql`t.due_on`),
  ]);
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    state: {
      assigned: n('assigned'),
      owed: n('owed'),
      overdue: n('overdue'),
      completionPending: n('pending'),
      completed: n('completed'),
      closed: n('closed'),
    },
    completed: { total: n('completed_total'), ids: completedIds, onTime: n('completed_on_time') },
    newlyOverdue: { total: n('overdue_total'), ids: overdueIds },
  };
}

/**
 * Every shortcoming in force at the knowledge's position, in one index-only scan: the counts
 * on the morning of `w.at`, and those flagged, closed (by verdict) or recurred in the window,
 * at most `limit` of each listed.
 */
export async function shortcomingFigures(
  database: Database,
  k: Knowledge,
  w: PackWindow,
  unitIds: readonly string[] | null,
  limit: number,
): Promise<ShortcomingFigures> {
  const { at, since } = w;
  const flagged = sql`t.flagged_on < ${at}`;
  const open = sql`${flagged} and (t.closed_on is null or t.closed_on >= ${at})`;
  const awaiting = sql`${open} and coalesce(t.remediation_reported_on < ${at} and t.status <> 'in_progress', false)`;
  const closedAs = (status: string) => sql`${flagged} and t.closed_on < ${at} and t.status = ${status}`;
  const flaggedIn = sql`t.flagged_on >= ${since} and t.flagged_on < ${at}`;
  const closedIn = (status: string) =>
    sql`t.status = ${status} and t.closed_on >= ${since} and t.closed_on < ${at}`;
  const recurred = sql`${flaggedIn} and t.recurrence_of is not null`;
  const [row = {}] = await database.sql.query<Record<string, unknown>>(
    sql`select ${count(flagged)} as flagged, ${count(open)} as open, ${count(awaiting)} as awaiting,
        ${count(sql`${open} and not (${awaiting}) and t.target_date < ${at}`)} as overdue,
        ${count(closedAs('closed_implemented'))} as implemented,
        ${count(closedAs('closed_not_implemented'))} as not_implemented,
        ${count(closedAs('dismissed'))} as dismissed,
        ${section('flagged', flaggedIn, sql`t.flagged_on`, limit)},
        ${section('verified', closedIn('closed_implemented'), sql`t.closed_on`, limit)},
        ${section('not_implemented', closedIn('closed_not_implemented'), sql`t.closed_on`, limit)},
        ${section('dismissed', closedIn('dismissed'), sql`t.closed_on`, limit)},
        ${section('recurred', recurred, sql`t.flagged_on`, limit)}
      from view_shortcomings t where ${where(k, unitIds)}`.compile(database.db),
  );
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    state: {
      flagged: n('flagged'),
      open: n('open'),
      awaitingVerification: n('awaiting'),
      remediationOverdue: n('overdue'),
      closedImplemented: n('implemented'),
      closedNotImplemented: n('not_implemented'),
      dismissed: n('dismissed'),
    },
    flagged: listing(row, 'flagged'),
    verified: listing(row, 'verified'),
    closedNotImplemented: listing(row, 'not_implemented'),
    dismissed: listing(row, 'dismissed'),
    recurred: listing(row, 'recurred'),
  };
}
