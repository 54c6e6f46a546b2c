import type { Statement } from '../db/sql-runner.js';

// The ledger's SQL. Named statements are planned once per connection.

/**
 * Appends a batch ($1: events as JSON, $2: how many, $3: for each stream, the stored event the
 * batch links to). Materialized CTEs run in data-dependency order: refuse (no lock held yet) →
 * lock → transaction id, positions and clock → unlock → insert. Position order thus agrees
 * with transaction-id order, and writers still commit in parallel.
 */
export const APPEND = `
with refused as materialized (
  select ledger_refuse('OV500', 'an append must be the first write of its transaction')
  where pg_current_xact_id_if_assigned() is not null
  union all
  select ledger_refuse('OV409', 'stream ' || (l->>'streamType') || '/' || (l->>'streamId')
    || ' is not at version ' || (l->>'version'))
  from jsonb_array_elements($3::jsonb) l
  where not exists (
    select 1 from events p
    where p.stream_type = l->>'streamType' and p.stream_id = l->>'streamId'
      and p.stream_version = (l->>'version')::integer and p.hash = decode(l->>'hash', 'hex'))
),
locked as materialized (select pg_advisory_lock(4242001) from (select count(*) from refused) r),
taken as materialized (
  select pg_current_xact_id() as xid, date_trunc('milliseconds', clock_timestamp()) as at,
    nextval('events_position_seq') as first
  from locked),
reserved as materialized (
  select xid, at, first,
    case when $2::integer > 1 then setval('events_position_seq', first + $2::integer - 1) end
  from taken),
unlocked as materialized (select pg_advisory_unlock(4242001) from reserved),
inserted as (
  insert into events (position, transaction_id, stream_type, stream_id, stream_version, event_id,
    event_type, schema_version, data, actor, role, on_behalf_of, reason, correlation_id,
    causation_id, metadata, occurred_at, recorded_at, hash)
  select r.first + x.ord - 1, r.xid, x.e->>'streamType', x.e->>'streamId',
    (x.e->>'streamVersion')::integer, (x.e->>'eventId')::uuid, x.e->>'type',
    (x.e->>'schemaVersion')::integer, x.e->'data', x.e->>'actor', x.e->>'role',
    x.e->>'onBehalfOf', x.e->>'reason', (x.e->>'correlationId')::uuid,
    (x.e->>'causationId')::uuid, x.e->'tags', (x.e->>'occurredAt')::timestamptz, r.at,
    decode(x.e->>'hash', 'hex')
  from jsonb_array_elements($1::jsonb) with ordinality as x(e, ord), reserved r, unlocked
  returning 1)
select (select first from reserved) as first, (select at from reserved) as at,
  (select count(*) from inserted)::integer as count`;

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
