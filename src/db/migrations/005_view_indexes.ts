// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

// Covering indexes: a province's gaps read thousands of tasks by unit, and reading them from
// the index alone (now, or as of a position) avoids visiting scattered table rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index view_tasks_scope_now on view_tasks (unit_id)
    include (id, status, due_on, assigned_on, completed_on, closed_on) where to_pos is null`.execute(db);
  await sql`create index view_tasks_scope_asof on view_tasks (unit_id, from_pos)
    include (id, to_pos, status, due_on, assigned_on, completed_on, closed_on)`.execute(db);
  await sql`create index view_tasks_recurring on view_tasks (unit_id, from_pos)
    where doc->'deadline'->>'kind' = 'recurring_monthly'`.execute(db);
  await sql`create index view_shortcomings_scope_now on view_shortcomings (unit_id)
    include (id, status, target_date, flagged_on, closed_on, remediation_reported_on) where to_pos is null`.execute(
    db,
  );
  await sql`create index view_shortcomings_scope_asof on view_shortcomings (unit_id, from_pos)
    include (id, to_pos, status, target_date, flagged_on, closed_on, remediation_reported_on)`.execute(db);
  await sql`create index view_changes_stream on view_changes (type, stream_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'view_changes_stream',
    'view_shortcomings_scope_asof',
    'view_shortcomings_scope_now',
    'view_tasks_recurring',
    'view_tasks_scope_asof',
    'view_tasks_scope_now',
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
}
