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
      chain           bytea not null,
      hash            bytea not null,
      constraint events_stream_version_key unique (stream_type, stream_id, stream_version),
      constraint events_event_id_key unique (event_id)
    )
  `,
  sql`
    create index events_recorded_at_brin on events using brin (recorded_at)
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
  // Why one function: one round trip per append, and the transaction id, the positions and the
  // clock are taken together under a short session lock, so position order agrees with
  // transaction-id order. Readers that filter on pg_snapshot_xmin then see a prefix of the log
  // in position order and never skip an event whose transaction commits late.
  // The lock is released before the insert, so concurrent appenders still commit in parallel.
  sql`
    create function ledger_append(p_events jsonb)
    returns table(r_position bigint, r_recorded_at timestamptz, r_hash bytea)
    language plpgsql as $f$
    declare
      n       integer := jsonb_array_length(p_events);
      v_xid   xid8;
      v_first bigint;
      v_at    timestamptz;
    begin
      if n = 0 then return; end if;
      -- The first event of each stream in the call names the chain value it links to; the
      -- previous event must exist with exactly that value, so no client can leave a gap or a
      -- broken link, whatever it believed the stream head to be.
      if exists (
        select 1 from jsonb_array_elements(p_events) x(e)
        where x.e ? 'previousChain' and (x.e->>'streamVersion')::integer > 1
          and not exists (
            select 1 from events ev
            where ev.stream_type = x.e->>'streamType' and ev.stream_id = x.e->>'streamId'
              and ev.stream_version = (x.e->>'streamVersion')::integer - 1
              and ev.chain = decode(x.e->>'previousChain', 'hex'))
      ) then
        raise exception 'a stream is not at the version the append expected'
          using errcode = 'OV409';
      end if;
      if pg_current_xact_id_if_assigned() is not null then
        raise exception 'ledger_append must be the first write of its transaction, and the only append'
          using errcode = 'OV500';
      end if;
      begin
        perform pg_advisory_lock(4242001);
        v_xid := pg_current_xact_id();
        v_first := nextval('events_position_seq');
        if n > 1 then perform setval('events_position_seq', v_first + n - 1); end if;
        v_at := date_trunc('milliseconds', clock_timestamp());
        perform pg_advisory_unlock(4242001);
      exception when others then
        perform pg_advisory_unlock(4242001);
        raise;
      end;
      return query
      insert into events as ev (position, transaction_id, stream_type, stream_id, stream_version,
        event_id, event_type, schema_version, data, actor, role, on_behalf_of, reason,
        correlation_id, causation_id, metadata, occurred_at, recorded_at, chain, hash)
      select v_first + x.ord - 1, v_xid, x.e->>'streamType', x.e->>'streamId',
        (x.e->>'streamVersion')::integer, (x.e->>'eventId')::uuid, x.e->>'type',
        (x.e->>'schemaVersion')::integer, x.e->'data', x.e->>'actor', x.e->>'role',
        x.e->>'onBehalfOf', x.e->>'reason', (x.e->>'correlationId')::uuid,
        (x.e->>'causationId')::uuid, x.e->'metadata', (x.e->>'occurredAt')::timestamptz, v_at,
        decode(x.e->>'chain', 'hex'),
        sha256(decode(x.e->>'chain', 'hex') || convert_to(E'\n' || (v_first + x.ord - 1)::text
          || E'\n' || to_char(v_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'UTF8'))
      from jsonb_array_elements(p_events) with ordinality as x(e, ord)
      returning ev.position, ev.recorded_at, ev.hash;
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
  await sql`drop function if exists ledger_append(jsonb)`.execute(db);
  await sql`drop function if exists ledger_refuse_change()`.execute(db);
  await sql`drop sequence if exists events_position_seq`.execute(db);
}
