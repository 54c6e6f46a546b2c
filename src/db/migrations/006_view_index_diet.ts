// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

// Every index on a versioned view table is paid on every event twice (the new version, and the
// old one closed): the plain unit indexes are covered by 005's, and a range index on the
// positions a version was in force finds "as of P" rows without visiting the closed ones.
const dropped = [
  'view_tasks_unit_id_now',
  'view_tasks_unit_id_asof',
  'view_tasks_directive_code_now',
  'view_tasks_from',
  'view_shortcomings_unit_id_now',
  'view_shortcomings_unit_id_asof',
  'view_shortcomings_from',
  'view_monthly_reports_from',
  'view_directives_from',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of dropped) await sql`drop index if exists ${sql.id(index)}`.execute(db);
  for (const table of ['view_tasks', 'view_shortcomings']) {
    await sql`create index ${sql.id(`${table}_known`)} on ${sql.table(table)} using gist (int8range(from_pos, to_pos))`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists view_tasks_known`.execute(db);
  await sql`drop index if exists view_shortcomings_known`.execute(db);
}
