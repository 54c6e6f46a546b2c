import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.

// The register's default order is by the day a shortcoming was flagged, then its id (byte
// order). A page of the whole country as of a past position, read in this index's order,
// stops after the versions in force it shows instead of sorting the ~25,000 in force; the
// position range rides along, so versions not in force are passed over inside the index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index view_shortcomings_by_flagged on view_shortcomings (flagged_on, id collate "C")
    include (from_pos, to_pos)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists view_shortcomings_by_flagged`.execute(db);
}
