// Frozen in time: never edit a released migration, add a new one. Imports nothing from the app.
import { type Kysely, sql } from 'kysely';

// PGlite runs one statement per query, so the schema is a list of statements.
const statements = [
  sql`
    create sequence events_position_seq as bigint
  `,
  sql`
    create table events (
      position        bigint primary key,
      transaction_id  xid8 not null,
      stream_type     text not null,
      stream_id       text not null,
      stream_version  integer not null,
      event_id        uuid not null,
      event_type      text not null,
      schema_version  integer not null,
      data            jsonb not null,
      actor           text not null,
      role            text not null,
      on_behalf_of    text,
      reason          text,
      correlation_id  uuid,
      causation_id    uuid,
      metadata        jsonb not null default '{}',
      occurred_at     timestamptz not null,
      recorded_at     timestamptz not null,
      hash            bytea not null,
      constraint events_stream_version_key unique (stream_type, stream_id, stream_version),
      constraint events_event_id_key unique (event_id)
    )
  `,
  sql`
    create function ledger_refuse_change() returns trigger language plpgsql as $f$
    begin
      raise exception 'the ledger is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'OV403';
    end $f$
  `,
  sql`
    create trigger events_no_update before update on events
      for each row execute function ledger_refuse_change()
  `,
  sql`
    create trigger events_no_delete before delete on events
      for each row execute function ledger_refuse_change()
  `,
  sql`
    create trigger events_no_truncate before truncate on events
      for each statement execute function ledger_refuse_change()
  `,
  sql`
    create table ledger_checkpoints (
      position          bigint primary key,
      previous_position bigint not null,
      event_count       bigint not null,
      hash              bytea not null,
      sealed_at         timestamptz not null default clock_timestamp()
    )
  `,
  sql`
    create trigger ledger_checkpoints_no_update before update on ledger_checkpoints
      for each row execute function ledger_refuse_change()
  `,
  sql`
    create trigger ledger_checkpoints_no_delete before delete on ledger_checkpoints
      for each row execute function ledger_refuse_change()
  `,
  sql`
    create trigger ledger_checkpoints_no_truncate before truncate on ledger_checkpoints
      for each statement execute function ledger_refuse_change()
  `,
  // Appends are single statements in the event store (src/ledger/statements.ts); they call
  // this only to refuse, with a typed SQLSTATE, before they take any lock.
  sql`
    create function ledger_refuse(p_code text, p_message text) returns boolean
    language plpgsql as $f$
    begin
      raise exception '%', p_message using errcode = p_code;
    end $f$
  `,
  sql`
    create table idempotency_keys (
      key           text primary key,
      request_hash  bytea not null,
      response      jsonb not null,
      first_position bigint,
      created_at    timestamptz not null default clock_timestamp()
    )
  `,
  sql`
    create table projection_checkpoints (
      name       text primary key,
      version    integer not null,
      position   bigint not null,
      updated_at timestamptz not null default clock_timestamp()
    )
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

const drops = ['projection_checkpoints', 'idempotency_keys', 'ledger_checkpoints', 'events'].map(
  (table) => sql`drop table if exists ${sql.table(table)}`,
);

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of drops) await statement.execute(db);
  await sql`drop function if exists ledger_refuse(text, text)`.execute(db);
  await sql`drop function if exists ledger_refuse_change()`.execute(db);
  await sql`drop sequence if exists events_position_seq`.execute(db);
}
