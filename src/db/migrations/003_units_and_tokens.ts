// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table units (
      id              text primary key,
      code            text not null,
      kind            text not null,
      parent_id       text,
      name_vi         text not null,
      name_en         text,
      status          text not null,
      successor_id    text,
      registered_from date not null,
      ended_on        date,
      head_title      text,
      head_name       text,
      head_from       date,
      last_position   bigint not null
    )`.execute(db);
  await sql`create index units_parent on units (parent_id)`.execute(db);
  await sql`create index units_kind on units (kind, status)`.execute(db);
  await sql`create index units_successor on units (successor_id)`.execute(db);
  await sql`
    create table access_tokens (
      id            text primary key,
      secret_sha256 text not null unique,
      name          text not null,
      role          text not null,
      unit_id       text,
      issued_at     timestamptz not null,
      revoked_at    timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists access_tokens`.execute(db);
  await sql`drop table if exists units`.execute(db);
}
