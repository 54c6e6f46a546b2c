import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// Today's unit gaps read, for every unit of a scope, only the tasks still owed and the
// shortcomings still open: about a third of the current rows. These partial indexes hold just
// those, so a province's page reads 2,300 index entries instead of 9,200. The statuses are the
// ones the gaps queries exclude or include (views/item-state.ts at the time of writing); the
// planner uses an index only when the query's status list implies its predicate, so if those
// lists ever change, a new migration must follow them (the answers stay right either way).
const OWED_TASK = `to_pos is null and status not in
  ('completed', 'ended', 'cancelled', 'superseded', 'completion_reported')`;
const OPEN_SHORTCOMING = `to_pos is null and status in ('open', 'in_progress', 'remediation_reported')`;

// The gaps of a past position list each shortcoming with its severity: without it in the
// index, every candidate version was fetched from the table (thousands of scattered pages).
const SCOPE_ASOF_COLUMNS = 'id, to_pos, status, target_date, flagged_on, closed_on, remediation_reported_on';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index view_tasks_owed_now on view_tasks (unit_id)
    include (id, status, due_on) where ${sql.raw(OWED_TASK)}`.execute(db);
  await sql`create index view_shortcomings_open_now on view_shortcomings (unit_id)
    include (id, status, severity, target_date) where ${sql.raw(OPEN_SHORTCOMING)}`.execute(db);
  await sql`drop index if exists view_shortcomings_scope_asof`.execute(db);
  await sql`create index view_shortcomings_scope_asof on view_shortcomings (unit_id, from_pos)
    include (${sql.raw(SCOPE_ASOF_COLUMNS)}, severity)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists view_tasks_owed_now`.execute(db);
  await sql`drop index if exists view_shortcomings_open_now`.execute(db);
  await sql`drop index if exists view_shortcomings_scope_asof`.execute(db);
  await sql`create index view_shortcomings_scope_asof on view_shortcomings (unit_id, from_pos)
    include (${sql.raw(SCOPE_ASOF_COLUMNS)})`.execute(db);
}
