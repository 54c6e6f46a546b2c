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
  // An append takes its transaction id, positions and clock here, together under a short session
  // lock (released before the insert, so writers still commit in parallel): position order then
  // agrees with transaction-id order, and readers that see only transactions older than
  // pg_snapshot_xmin always see a prefix of the log. Before the lock it checks that this is the
  // transaction's first write, and that each stream's previous event is stored with the chain
  // value the new events link to, so no writer can leave a gap or a broken link.
  sql`
    create function ledger_take(
      p_count integer, p_link_types text[], p_link_ids text[], p_link_versions integer[],
      p_link_hashes bytea[], out first bigint, out xid xid8, out at timestamptz)
    language plpgsql as $f$
    begin
      if pg_current_xact_id_if_assigned() is not null then
        raise exception 'an append must be the first write of its transaction, and its only append'
          using errcode = 'OV500';
      end if;
      for i in 1 .. coalesce(array_length(p_link_types, 1), 0) loop
        if (select e.hash from events e
            where e.stream_type = p_link_types[i] and e.stream_id = p_link_ids[i]
              and e.stream_version = p_link_versions[i]) is distinct from p_link_hashes[i] then
          raise exception 'stream %/% is not at version % with the expected chain',
            p_link_types[i], p_link_ids[i], p_link_versions[i] using errcode = 'OV409';
        end if;
      end loop;
      perform pg_advisory_lock(4242001);
      xid := pg_current_xact_id();
      first := nextval('events_position_seq');
      if p_count > 1 then perform setval('events_position_seq', first + p_count - 1); end if;
      at := date_trunc('milliseconds', clock_timestamp());
      perform pg_advisory_unlock(4242001);
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
  await sql`drop function if exists ledger_take(integer, text[], text[], integer[], bytea[])`.execute(db);
  await sql`drop function if exists ledger_refuse_change()`.execute(db);
  await sql`drop sequence if exists events_position_seq`.execute(db);
}
