import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// A task or shortcoming keeps what it was given when it began (its text, its directive or
// report, whom it was assigned to or flagged against) for good; only its state moves on. Those
// parts were repeated in every version, half of each row. They now sit once per item, in
// `<kind>_items`, and the versions keep the rest. Readers still read `view_tasks` and
// `view_shortcomings`: views that put the two back together (`doc`), and show the versions'
// own part too (`varying`) for the queries and partial indexes that need nothing else. A
// version written before this keeps its whole document; the join leaves it as it was.
const parts = [
  {
    view: 'view_tasks',
    versions: 'view_task_versions',
    items: 'view_task_items',
    columns: `v.unit_id, v.directive_code, v.status, v.due_on, v.assigned_on, v.completed_on, v.closed_on,
      v.completion_reported_on`,
  },
  {
    view: 'view_shortcomings',
    versions: 'view_shortcoming_versions',
    items: 'view_shortcoming_items',
    columns: `v.unit_id, v.inspection_unit_id, v.status, v.category, v.severity, v.official_name,
      v.target_date, v.flagged_on, v.remediation_reported_on, v.closed_on, v.recurrence_of`,
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const p of parts) {
    await sql`alter table ${sql.table(p.view)} rename to ${sql.table(p.versions)}`.execute(db);
    await sql`create table ${sql.table(p.items)} (id text primary key, fixed jsonb not null)`.execute(db);
    // A left join on the items' key: a query that reads no `doc` does not join at all.
    await sql`create view ${sql.table(p.view)} as
      select v.id, v.from_pos, v.to_pos, coalesce(i.fixed, '{}'::jsonb) || v.doc as doc, v.doc as varying,
        ${sql.raw(p.columns)}
      from ${sql.table(p.versions)} v left join ${sql.table(p.items)} i on i.id = v.id`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const p of parts) {
    await sql`drop view if exists ${sql.table(p.view)}`.execute(db);
    // Versions written since keep only their own part: they get their whole document back.
    await sql`update ${sql.table(p.versions)} v set doc = i.fixed || v.doc
      from ${sql.table(p.items)} i where i.id = v.id`.execute(db);
    await sql`drop table ${sql.table(p.items)}`.execute(db);
    await sql`alter table ${sql.table(p.versions)} rename to ${sql.table(p.view)}`.execute(db);
  }
}
