// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

// Every view table keeps versions: a row holds a document from ledger position `from_pos` until
// the position that replaced it (`to_pos`, null while current), so a view as of any position
// is a plain indexed read. The columns beside `doc` are what the views filter and sort on.
const versioned = (name: string, columns: string) => sql`
  create table ${sql.table(name)} (
    id       text not null,
    from_pos bigint not null,
    to_pos   bigint,
    doc      jsonb not null,
    ${sql.raw(columns)},
    primary key (id, from_pos)
  )`;

async function indexes(db: Kysely<unknown>, table: string, scoped: string[]): Promise<void> {
  await sql`create unique index ${sql.id(`${table}_current`)} on ${sql.table(table)} (id) where to_pos is null`.execute(
    db,
  );
  await sql`create index ${sql.id(`${table}_from`)} on ${sql.table(table)} (from_pos)`.execute(db);
  for (const column of scoped) {
    await sql`create index ${sql.id(`${table}_${column}_now`)} on ${sql.table(table)} (${sql.ref(column)}) where to_pos is null`.execute(
      db,
    );
    await sql`create index ${sql.id(`${table}_${column}_asof`)} on ${sql.table(table)} (${sql.ref(column)}, from_pos)`.execute(
      db,
    );
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await versioned('view_units', 'kind text not null, parent_id text, status text not null').execute(db);
  await indexes(db, 'view_units', []);
  await versioned('view_directives', 'issued_on date not null').execute(db);
  await indexes(db, 'view_directives', []);
  await versioned(
    'view_tasks',
    `unit_id text not null, directive_code text not null, status text not null,
     due_on date, assigned_on date not null, completed_on date, closed_on date`,
  ).execute(db);
  await indexes(db, 'view_tasks', ['unit_id', 'directive_code']);
  await versioned(
    'view_shortcomings',
    `unit_id text not null, inspection_unit_id text not null, status text not null,
     category text not null, severity text not null, official_name text, target_date date,
     flagged_on date not null, remediation_reported_on date, closed_on date, recurrence_of text`,
  ).execute(db);
  await indexes(db, 'view_shortcomings', ['unit_id']);
  await versioned(
    'view_monthly_reports',
    'unit_id text not null, period text not null, due_on date not null, filed_on date not null',
  ).execute(db);
  await indexes(db, 'view_monthly_reports', ['unit_id', 'period']);
  // Changes that leave no trace in an item's latest state (a rejection, an extension): one
  // row per event, never versioned, so "what changed between two dates" is a range read.
  await sql`
    create table view_changes (
      position    bigint primary key,
      stream_type text not null,
      stream_id   text not null,
      type        text not null,
      occurred_at timestamptz not null,
      actor       text not null,
      reason      text,
      data        jsonb not null
    )`.execute(db);
  await sql`create index view_changes_occurred on view_changes (occurred_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'view_changes',
    'view_monthly_reports',
    'view_shortcomings',
    'view_tasks',
    'view_directives',
    'view_units',
  ]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
