// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ledger_streams (
      stream_type     text not null,
      stream_id       text not null,
      version         integer not null,
      last_event_type text not null,
      last_position   bigint not null,
      created_at      timestamptz not null,
      updated_at      timestamptz not null,
      primary key (stream_type, stream_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ledger_streams`.execute(db);
}
