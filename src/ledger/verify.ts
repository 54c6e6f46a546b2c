import { sql } from 'kysely';
import { eventHash, GENESIS, nextChain, sealHash } from './chain.js';
import type { Executor } from './event-store.js';
import { type EventRow, eventColumns, toRecordedEvent } from './rows.js';

/** What verification found; `firstMismatch` is the first position that does not hold. */
export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  sealedThrough: number;
  unsealedEvents: number;
  headHash: string;
  firstMismatch?: { position: number; reason: string };
}

interface Checkpoint {
  position: number;
  previousPosition: number;
  eventCount: number;
  hash: Buffer;
}

const PAGE = 5000;

/**
 * Recomputes every per-stream chain, every event hash and every seal from the rows as stored.
 * A row changed, inserted, reordered or removed behind the application's back shows up as the
 * first position whose recomputation disagrees.
 */
export async function verifyLedger(
  db: Executor,
  options: { expectHead?: { position: number; hash: string } } = {},
): Promise<VerifyReport> {
  const checkpoints = await readCheckpoints(db);
  const streams = new Map<string, { version: number; chain: Buffer }>();
  let cp = 0;
  let sealed: Buffer = GENESIS;
  let pendingHashes: Buffer[] = [];
  let eventsChecked = 0;
  let after = 0;
  let lastPosition = 0;
  const fail = (position: number, reason: string): VerifyReport => ({
    ok: false,
    eventsChecked,
    checkpointsChecked: cp,
    sealedThrough: checkpoints[cp - 1]?.position ?? 0,
    unsealedEvents: 0,
    headHash: sealed.toString('hex'),
    firstMismatch: { position, reason },
  });

  for (;;) {
    const { rows } = await sql<EventRow>`select ${eventColumns} from events
      where position > ${after} order by position limit ${PAGE}`.execute(db);
    for (const row of rows) {
      const e = toRecordedEvent(row);
      const next = checkpoints[cp];
      if (next && e.position > next.position) {
        const problem = closeCheckpoint(next, sealed, pendingHashes, lastPosition);
        if (problem) return fail(next.position, problem);
        sealed = next.hash;
        pendingHashes = [];
        cp += 1;
      }
      const key = `${e.streamType}\u0000${e.streamId}`;
      const stream = streams.get(key) ?? { version: 0, chain: GENESIS };
      if (e.streamVersion !== stream.version + 1) {
        return fail(
          e.position,
          `stream ${e.streamType}/${e.streamId} jumps from version ${stream.version} to ${e.streamVersion}`,
        );
      }
      const chain = nextChain(stream.chain, e);
      if (!chain.equals(e.chain)) {
        return fail(
          e.position,
          `content of ${e.streamType}/${e.streamId} v${e.streamVersion} does not match its chain`,
        );
      }
      if (!eventHash(chain, e.position, e.recordedAt).equals(e.hash)) {
        return fail(e.position, 'position or recorded_at does not match the event hash');
      }
      streams.set(key, { version: e.streamVersion, chain });
      pendingHashes.push(e.hash);
      lastPosition = e.position;
      eventsChecked += 1;
    }
    if (rows.length < PAGE) break;
    after = lastPosition;
  }
  while (cp < checkpoints.length) {
    const next = checkpoints[cp] as Checkpoint;
    const problem = closeCheckpoint(next, sealed, pendingHashes, lastPosition);
    if (problem) return fail(next.position, problem);
    sealed = next.hash;
    pendingHashes = [];
    cp += 1;
  }
  const sealedThrough = checkpoints[checkpoints.length - 1]?.position ?? 0;
  if (options.expectHead) {
    const pinned = checkpoints.find((c) => c.position === options.expectHead?.position);
    if (!pinned || pinned.hash.toString('hex') !== options.expectHead.hash.toLowerCase()) {
      return fail(options.expectHead.position, 'the pinned head does not match the ledger');
    }
  }
  return {
    ok: true,
    eventsChecked,
    checkpointsChecked: cp,
    sealedThrough,
    unsealedEvents: pendingHashes.length,
    headHash: sealed.toString('hex'),
  };
}

function closeCheckpoint(
  c: Checkpoint,
  previous: Buffer,
  hashes: Buffer[],
  lastPosition: number,
): string | undefined {
  if (hashes.length !== c.eventCount) {
    return `seal at ${c.position} covers ${c.eventCount} events, the log holds ${hashes.length}`;
  }
  if (lastPosition !== c.position) return `seal at ${c.position} ends on an event that is missing`;
  if (!sealHash(previous, hashes).equals(c.hash)) return `seal at ${c.position} does not match`;
  return undefined;
}

async function readCheckpoints(db: Executor): Promise<Checkpoint[]> {
  const { rows } = await sql<{
    position: number;
    previous_position: number;
    event_count: number;
    hash: Uint8Array;
  }>`select position, previous_position, event_count, hash from ledger_checkpoints
     order by position`.execute(db);
  return rows.map((r) => ({
    position: Number(r.position),
    previousPosition: Number(r.previous_position),
    eventCount: Number(r.event_count),
    hash: Buffer.from(r.hash),
  }));
}
