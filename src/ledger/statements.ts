import type { Statement } from '../db/sql-runner.js';
import { CONTENT_KEYS } from './chain.js';

// The ledger's SQL. Named statements are planned once per connection.

const INSERT_INTO = `insert into events (position, transaction_id, stream_type, stream_id,
  stream_version, event_id, event_type, schema_version, data, actor, role, on_behalf_of, reason,
  correlation_id, causation_id, metadata, occurred_at, recorded_at, hash)`;

/**
 * The append's critical section, as a chain of LATERAL subqueries: each references the one
 * before it, so PostgreSQL must run them in order, once per statement:
 *   checked  — refuse (typed SQLSTATE, no lock held yet) unless this is the transaction's first
 *              write and every stream's previous event ($1..$4: type, id, version, chain value;
 *              arrays of them for a batch) is stored as the writer expects: no gap, no broken
 *              link, whatever it believed;
 *   locked   — a short session advisory lock;
 *   taken    — the transaction id, the first position and the clock, together;
 *   reserved — the rest of the batch's ($5 events) positions, consecutive;
 *   unlocked — the lock released, before any row is inserted, so writers commit in parallel.
 * Position order therefore agrees with transaction-id order: readers that see only
 * transactions older than pg_snapshot_xmin always see a prefix of the log.
 */
const criticalSection = (brokenLink: string) => `
  (select case
     when pg_current_xact_id_if_assigned() is not null then
       ledger_refuse('OV500', 'an append must be the first write of its transaction, and its only append')
     when ${brokenLink} then
       ledger_refuse('OV409', 'a stream is not at the version the append expected')
     else true end as ok
   offset 0) checked,
  lateral (select pg_advisory_lock(4242001)::text as held where checked.ok offset 0) locked,
  lateral (select pg_current_xact_id() as xid, nextval('events_position_seq') as first,
             date_trunc('milliseconds', clock_timestamp()) as at
           where locked.held is not null offset 0) taken,
  lateral (select case when $5::integer > 1
             then setval('events_position_seq', taken.first + $5::integer - 1) end as last
           offset 0) reserved,
  lateral (select pg_advisory_unlock(4242001) as released
           where reserved.last is not null or $5::integer = 1 offset 0) unlocked`;

const storedHash = (type: string, id: string, version: string) =>
  `(select e.hash from events e
    where e.stream_type = ${type} and e.stream_id = ${id} and e.stream_version = ${version})`;

/**
 * Appends one event from typed parameters ($6..$21): the common case, a command's event. Its
 * one link is scalar ($1..$4, all null for a new stream): cheaper than arrays to check.
 */
export const APPEND_ONE = `${INSERT_INTO}
  select taken.first, taken.xid, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
    $19, $20, taken.at, $21
  from ${criticalSection(`$1::text is not null and ${storedHash('$1', '$2::text', '$3::integer')} is distinct from $4::bytea`)}
  where unlocked.released
  returning position as first, round(date_part('epoch', recorded_at) * 1000) as at`;

// Where each field sits in a batch row: the canonical key order (CONTENT_KEYS in chain.ts).
const at = (key: (typeof CONTENT_KEYS)[number]) => CONTENT_KEYS.indexOf(key);
const text = (key: (typeof CONTENT_KEYS)[number]) => `x.e->>${at(key)}`;

/**
 * Appends a batch across one or more streams: $6 is a JSON array with one array per event,
 * its canonical content's values in canonical key order (see batchPayload in prepare.ts); $7
 * the events' chain values end to end, 32 bytes each. Answers one row: the positions are
 * consecutive and the recording time is the same for the whole batch.
 */
export const APPEND_MANY = `with inserted as (${INSERT_INTO}
  select taken.first + x.ord - 1, taken.xid, ${text('streamType')}, ${text('streamId')},
    (${text('streamVersion')})::integer, (${text('eventId')})::uuid, ${text('type')},
    (${text('schemaVersion')})::integer, x.e->${at('data')}, ${text('actor')}, ${text('role')},
    ${text('onBehalfOf')}, ${text('reason')}, (${text('correlationId')})::uuid,
    (${text('causationId')})::uuid, x.e->${at('tags')}, (${text('occurredAt')})::timestamptz,
    taken.at, substring($7::bytea from x.ord::integer * 32 - 31 for 32)
  from ${criticalSection(`exists (
      select 1 from unnest($1::text[], $2::text[], $3::integer[], $4::bytea[]) l(t, i, v, h)
      where ${storedHash('l.t', 'l.i', 'l.v')} is distinct from l.h)`)},
  lateral (select e, ord from jsonb_array_elements($6::jsonb) with ordinality as j(e, ord)
           where unlocked.released) x
  returning position, recorded_at)
select min(position) as first, round(date_part('epoch', min(recorded_at)) * 1000) as at,
  count(*)::integer as count from inserted`;

// Timestamps travel as epoch milliseconds: a float is far cheaper to parse than a date string.
// date_part gives float8 directly (extract goes through numeric, twice as slow per row); the
// ledger only stores whole milliseconds, which round() recovers exactly from the float.
const epochMs = (column: string) => `round(date_part('epoch', ${column}) * 1000) as ${column}`;
const COLUMNS = `position, stream_type, stream_id, stream_version, event_id, event_type,
  schema_version, data, actor, role, on_behalf_of, reason, correlation_id, causation_id,
  metadata, ${epochMs('occurred_at')}, ${epochMs('recorded_at')}`;

/** One stream in version order, with each event's chain value. */
export const READ_STREAM = `select ${COLUMNS}, hash from events
  where stream_type = $1 and stream_id = $2 order by stream_version`;

/**
 * A page of the global log: the events in a window of positions, after $1 and up to $2, in no
 * particular order (the reader puts them in position order). The window bounds the rows any
 * plan can touch, and without an ORDER BY no plan sorts. An ORDER BY ... LIMIT page instead, on
 * a log that grew faster than autovacuum analysed it, was planned as a sort of everything after
 * $1, on every page: a fold of N events cost N²/page.
 */
const page = (visibility: string) => `select ${COLUMNS} from events
  where position > $1 and position <= $2${visibility}`;

// Only transactions older than every running one: a page is always a prefix of the final log.
// The horizon is a scalar subquery so it is taken once per page (an InitPlan), not once per row.
const VISIBLE = ' and transaction_id < (select pg_snapshot_xmin(pg_current_snapshot()))';

/** A page of the log as readers may see it: a prefix of the final log past $1. */
export const READ_ALL = page(VISIBLE);

/** The same page, all committed events: for a rebuild that holds its tables locked. */
export const READ_ALL_COMMITTED = page('');

/**
 * The first event after $1, and whether readers may see it yet: where to go on after a window
 * that held none (positions a failed append took and never used). One-sided, so always an
 * index probe; it stops at the first row, seen or not, since what readers see is a prefix.
 */
export const NEXT_POSITION = `select position,
    transaction_id < (select pg_snapshot_xmin(pg_current_snapshot())) as visible
  from events where position > $1 order by position limit 1`;

/** Every stored event with its chain value, visible or not: what verification recomputes. */
export const VERIFY_PAGE = `select ${COLUMNS}, hash from events
  where position > $1 order by position limit $2`;

/** A stream's last version and chain value. */
export const READ_HEAD = `select stream_version, hash from events
  where stream_type = $1 and stream_id = $2 order by stream_version desc limit 1`;

/**
 * The last version and chain value of each stream in $1/$2 (types, ids), answered with its
 * place in the list (1-based); a stream with no events has no row. One round trip for a batch
 * whose writer has not seen its streams lately, instead of one per stream.
 */
export const READ_HEADS = `select l.ord::int as ord, h.stream_version, h.hash
  from unnest($1::text[], $2::text[]) with ordinality as l(stream_type, stream_id, ord)
  cross join lateral (select e.stream_version, e.hash from events e
    where e.stream_type = l.stream_type and e.stream_id = l.stream_id
    order by e.stream_version desc limit 1) h`;

/** A named statement. */
export function named(name: string, text: string, values: readonly unknown[]): Statement {
  return { name: `ledger_${name}`, text, values };
}
