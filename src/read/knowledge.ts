import type { SqlClient } from '../db/sql-runner.js';
import { ValidationError } from '../errors.js';
import { GENESIS } from '../ledger/chain.js';

/**
 * What a view knows: the events up to `position`, recorded by `recordedAt`. `current` means
 * "whatever is committed now", read from the current versions directly.
 */
export interface Knowledge {
  position: number;
  recordedAt: Date;
  current: boolean;
}

const POSITION = /^\d{1,15}$/;

/**
 * Resolves `asOf` — a ledger position or an ISO timestamp — to the knowledge a view answers
 * from; without it, the log as it stands. A position beyond the log is refused: it has not
 * happened yet, and an answer for it would change.
 */
export async function knowledgeAsOf(
  sql: SqlClient,
  asOf: string | undefined,
  field = 'querystring.asOf',
): Promise<Knowledge> {
  const [head] = await sql.query<{ position: string | null; recorded_at: Date | null }>({
    text: 'select position, recorded_at from events order by position desc limit 1',
  });
  const headPosition = Number(head?.position ?? 0);
  if (asOf === undefined) {
    return { position: headPosition, recordedAt: head?.recorded_at ?? new Date(), current: true };
  }
  if (POSITION.test(asOf)) {
    const position = Number(asOf);
    if (position > headPosition) {
      throw new ValidationError('asOf is beyond the ledger head', [
        { path: field, message: `the ledger ends at position ${headPosition}` },
      ]);
    }
    const [row] = await sql.query<{ recorded_at: Date }>({
      text: 'select recorded_at from events where position <= $1 order by position desc limit 1',
      values: [position],
    });
    return { position, recordedAt: row?.recorded_at ?? new Date(0), current: false };
  }
  const at = new Date(asOf);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(asOf) || Number.isNaN(at.getTime())) {
    throw new ValidationError('asOf is neither a ledger position nor a timestamp', [
      {
        path: field,
        message:
          'a position (e.g. 1200) or an ISO timestamp with a time zone (e.g. 2025-09-26T08:00:00+07:00)',
      },
    ]);
  }
  const [row] = await sql.query<{ position: string | null }>({
    text: 'select max(position) as position from events where recorded_at <= $1',
    values: [at],
  });
  return { position: Number(row?.position ?? 0), recordedAt: at, current: false };
}

/**
 * The head hash at a position: what a seal there would record (the latest seal at or before
 * it, chained with every later event's chain value, position and recording time), so a pack
 * computed at any position names a hash `oversight verify` can recompute.
 */
export async function headHashAt(sql: SqlClient, position: number): Promise<string> {
  const [row] = await sql.query<{ hash: Uint8Array | null; base: Uint8Array | null }>({
    text: `with base as (
        select position, hash from ledger_checkpoints where position <= $1 order by position desc limit 1
      )
      select (select hash from base) as base,
        sha256(coalesce((select hash from base), $2::bytea)
          || string_agg(hash || int8send(position)
            || int8send((extract(epoch from recorded_at) * 1000)::int8), ''::bytea order by position)) as hash
      from events where position > coalesce((select position from base), 0) and position <= $1`,
    values: [position, GENESIS],
  });
  const hash = row?.hash ?? row?.base;
  return Buffer.from(hash ?? GENESIS).toString('hex');
}

/**
 * The log as it stands, limited to the prefix no running transaction can still add to: an
 * answer stamped with this position stays the same however long after it is asked again.
 * Positions are taken in transaction-id order, so an event is settled once no transaction of
 * this database that is older than it is still running. Transactions of other databases on the
 * same server (which hold back the cluster-wide xmin) do not delay it; the server's xmin still
 * settles what is older than every running transaction, whatever else can be seen.
 */
export async function settledKnowledge(sql: SqlClient): Promise<Knowledge> {
  const [row] = await sql.query<{ position: string | null; recorded_at: Date | null }>({
    text: `with oldest as (
        select max(age(backend_xid)) as age from pg_stat_activity
        where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()
      )
      select position, recorded_at from events
      where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        or age(transaction_id::xid) > coalesce((select age from oldest), -1)
      order by position desc limit 1`,
  });
  return {
    position: Number(row?.position ?? 0),
    recordedAt: row?.recorded_at ?? new Date(0),
    current: false,
  };
}
