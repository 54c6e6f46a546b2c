import type { SqlClient, SqlRunner } from '../db/sql-runner.js';
import { GENESIS } from './chain.js';

/** The ledger's head as pinned by the latest seal: what a meeting's minutes can record. */
export interface LedgerHead {
  position: number;
  hash: string;
  eventCount: number;
  sealedAt: Date | null;
}

/** Latest seal, or the empty genesis head. */
export async function latestSeal(sql: SqlClient): Promise<LedgerHead> {
  const [r] = await sql.query<{ position: number; hash: Uint8Array; total: number; sealed_at: Date }>({
    text: `select position, hash, sealed_at,
      (select coalesce(sum(event_count), 0) from ledger_checkpoints)::float8 as total
      from ledger_checkpoints order by position desc limit 1`,
  });
  if (!r) return { position: 0, hash: GENESIS.toString('hex'), eventCount: 0, sealedAt: null };
  return {
    position: Number(r.position),
    hash: Buffer.from(r.hash).toString('hex'),
    eventCount: Number(r.total),
    sealedAt: r.sealed_at,
  };
}

/**
 * Seals every visible event not yet sealed: one checkpoint whose hash chains the previous
 * checkpoint with each event's chain value, position and recording time, in position order.
 * Visible means older than every running transaction, so a seal never covers a position that
 * a late commit could still fill. (The same bytes as `sealBytes` in chain.ts.)
 */
export async function seal(sql: SqlRunner): Promise<LedgerHead> {
  return sql.transaction(async (tx) => {
    await tx.query({ text: 'select pg_advisory_xact_lock(4242002)' });
    const last = await latestSeal(tx);
    await tx.query({
      text: `insert into ledger_checkpoints (position, previous_position, event_count, hash)
        select max(position), $1::bigint, count(*),
          sha256($2::bytea || string_agg(hash || int8send(position)
            || int8send((extract(epoch from recorded_at) * 1000)::int8), ''::bytea order by position))
        from events
        where position > $1::bigint
          and transaction_id < (select pg_snapshot_xmin(pg_current_snapshot()))
        having count(*) > 0`,
      values: [last.position, Buffer.from(last.hash, 'hex')],
    });
    return latestSeal(tx);
  });
}
