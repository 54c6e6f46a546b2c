import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// A scope's items as of a position P are the versions with from_pos <= P < coalesce(to_pos, ∞).
// The (unit_id, from_pos) indexes of 005 reach them by reading every version begun by P: cheap
// for an early P, but at a late one a province's tasks meant 38,000 entries for 1,300 answers.
// These indexes reach them from the other end (versions still in force after P), and the
// planner takes whichever end is the narrower, as 008 does for the whole table: measured on a
// 1,000,000-event log, 21.7 ms became 5.6 ms at a late position.
const OPEN_END = '9223372036854775807';
const covered = {
  view_tasks: 'id, from_pos, to_pos, status, due_on, assigned_on, completed_on, closed_on',
  view_shortcomings:
    'id, from_pos, to_pos, status, severity, target_date, flagged_on, closed_on, remediation_reported_on',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of Object.entries(covered)) {
    await sql`create index ${sql.id(`${table}_scope_until`)} on ${sql.table(table)}
      (unit_id, (coalesce(to_pos, ${sql.raw(OPEN_END)}))) include (${sql.raw(columns)})`.execute(db);
    // The expression's statistics come only from ANALYZE; without them the planner cannot tell
    // which end is the narrower.
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(covered)) {
    await sql`drop index if exists ${sql.id(`${table}_scope_until`)}`.execute(db);
  }
}
