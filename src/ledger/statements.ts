import type { Statement } from '../db/sql-runner.js';

// The ledger's SQL. Named statements are planned once per connection.

const INSERT_INTO = `insert into events (position, transaction_id, stream_type, stream_id,
  stream_version, event_id, event_type, schema_version, data, actor, role, on_behalf_of, reason,
  correlation_id, causation_id, metadata, occurred_at, recorded_at, hash)`;

/** Links ($1..$4: stream types, ids, versions, chain values) and the count, for ledger_take. */
const TAKE = 'ledger_take($5::integer, $1::text[], $2::text[], $3::integer[], $4::bytea[])';

/**
 * Appends one event from typed parameters (no JSON to unpack: the common case, a command's
 * single event). ledger_take refuses, locks, numbers and times it; see migration 001.
 */
export const APPEND_ONE = `${INSERT_INTO}
  select t.first, t.xid, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
    t.at, $21
  from ${TAKE} t
  returning position as first, recorded_at as at, 1 as count`;

/**
 * Appends a batch given as a JSON array ($6), across one or more streams. Answers one row: the
 * positions are consecutive and the recording time is the same for the whole batch.
 */
export const APPEND_MANY = `with t as materialized (select * from ${TAKE}),
inserted as (${INSERT_INTO}
  select t.first + x.ord - 1, t.xid, x.e->>'streamType', x.e->>'streamId',
    (x.e->>'streamVersion')::integer, (x.e->>'eventId')::uuid, x.e->>'type',
    (x.e->>'schemaVersion')::integer, x.e->'data', x.e->>'actor', x.e->>'role',
    x.e->>'onBehalfOf', x.e->>'reason', (x.e->>'correlationId')::uuid,
    (x.e->>'causationId')::uuid, x.e->'tags', (x.e->>'occurredAt')::timestamptz, t.at,
    decode(x.e->>'hash', 'hex')
  from t, jsonb_array_elements($6::jsonb) with ordinality as x(e, ord)
  returning 1)
select t.first, t.at, (select count(*) from inserted)::integer as count from t`;

// Timestamps travel as epoch milliseconds: a float is far cheaper to parse than a date string.
const COLUMNS = `position, stream_type, stream_id, stream_version, event_id, event_type,
  schema_version, data, actor, role, on_behalf_of, reason, correlation_id, causation_id,
  metadata, (extract(epoch from occurred_at) * 1000)::float8 as occurred_at,
  (extract(epoch from recorded_at) * 1000)::float8 as recorded_at`;

/** One stream in version order, with each event's chain value. */
export const READ_STREAM = `select ${COLUMNS}, hash from events
  where stream_type = $1 and stream_id = $2 order by stream_version`;

/**
 * A page of the global log after a position. Only transactions older than every running one
 * are visible, so a page is always a prefix of the final log past $1.
 */
export const READ_ALL = `select ${COLUMNS} from events
  where position > $1 and position <= $3
    and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  order by position limit $2`;

/** The same page, all committed events: for a rebuild that holds its tables locked. */
export const READ_ALL_COMMITTED = `select ${COLUMNS} from events
  where position > $1 and position <= $3 order by position limit $2`;

/** A stream's last version and chain value. */
export const READ_HEAD = `select stream_version, hash from events
  where stream_type = $1 and stream_id = $2 order by stream_version desc limit 1`;

/** The last visible position. */
export const LAST_POSITION = `select coalesce(max(position), 0)::float8 as position from events
  where transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

/** A named statement. */
export function named(name: string, text: string, values: readonly unknown[]): Statement {
  return { name: `ledger_${name}`, text, values };
}
