import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// A meeting pack lists the first tasks completed in its window (by completion day) and the
// first newly overdue (by due day). Read in the order of these indexes, the listing stops after
// as many versions in force as it lists, instead of sorting every task in force; the counting
// left behind has no ordered aggregate, so the server can share it among parallel workers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index view_tasks_by_completion on view_tasks (completed_on, id)
    include (from_pos, to_pos, unit_id) where completed_on is not null`.execute(db);
  await sql`create index view_tasks_by_due on view_tasks (due_on, id)
    include (from_pos, to_pos, unit_id, completed_on, closed_on, completion_reported_on)
    where due_on is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists view_tasks_by_completion`.execute(db);
  await sql`drop index if exists view_tasks_by_due`.execute(db);
}
