import { sql } from 'kysely';
import { GENESIS } from './chain.js';
import type { Executor } from './event-store.js';

/** The ledger's head as pinned by the latest seal: what a meeting's minutes can record. */
export interface LedgerHead {
  position: number;
  hash: string;
  eventCount: number;
  sealedAt: Date | null;
}

/** Latest seal, or the empty genesis head. */
export async function latestSeal(db: Executor): Promise<LedgerHead> {
  const { rows } = await sql<{ position: number; hash: Uint8Array; total: number; sealed_at: Date }>`
    select position, hash, sealed_at,
      (select coalesce(sum(event_count), 0) from ledger_checkpoints) as total
    from ledger_checkpoints order by position desc limit 1`.execute(db);
  const r = rows[0];
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
 * checkpoint and the event hashes in position order. Visible means older than every running
 * transaction, so a seal never covers a position that a late commit could still fill.
 */
export async function seal(db: Executor): Promise<LedgerHead> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(4242002)`.execute(trx);
    const last = await latestSeal(trx);
    await sql`
      insert into ledger_checkpoints (position, previous_position, event_count, hash)
      select max(position), ${last.position}, count(*),
        sha256(${Buffer.from(last.hash, 'hex')}::bytea || string_agg(hash, ''::bytea order by position))
      from events
      where position > ${last.position}
        and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      having count(*) > 0`.execute(trx);
    return latestSeal(trx);
  });
}
