import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// No query is planned on a whole document: filters and sorts use the columns beside it, or
// expressions (which have statistics of their own only through an index). ANALYZE still
// sampled and compared every document, a third of its time after a rebuild; it skips them now.
const documents = [
  ['view_units', 'doc'],
  ['view_directives', 'doc'],
  ['view_task_versions', 'doc'],
  ['view_task_items', 'fixed'],
  ['view_shortcoming_versions', 'doc'],
  ['view_shortcoming_items', 'fixed'],
  ['view_monthly_reports', 'doc'],
  ['view_changes', 'data'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of documents) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 0`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of documents) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics -1`.execute(db);
  }
}
