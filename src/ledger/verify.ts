import type { SqlClient } from '../db/sql-runner.js';
import { GENESIS, nextChain, type SealedEntry, sealHash } from './chain.js';
import { type EventRow, toRecordedEvent } from './rows.js';
import { named, VERIFY_PAGE } from './statements.js';

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
 * Recomputes every per-stream chain and every seal from the rows as stored. A row changed,
 * inserted, reordered or removed behind the application's back shows up as the first position
 * whose recomputation disagrees: the event itself when its content or stream order changed,
 * the covering seal when its position or recording time changed or a sealed event vanished.
 */
export async function verifyLedger(
  db: SqlClient,
  options: { expectHead?: { position: number; hash: string } } = {},
): Promise<VerifyReport> {
  const checkpoints = await readCheckpoints(db);
  const streams = new Map<string, { version: number; chain: Buffer }>();
  let cp = 0;
  let sealed: Buffer = GENESIS;
  let pending: SealedEntry[] = [];
  let eventsChecked = 0;
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
  // Closes every seal that ends before `position`; returns the reason the first bad one fails.
  const closeSealsBefore = (position: number): { at: number; reason: string } | undefined => {
    for (let next = checkpoints[cp]; next && next.position < position; next = checkpoints[cp]) {
      const reason = checkSeal(next, sealed, pending, lastPosition);
      if (reason) return { at: next.position, reason };
      sealed = next.hash;
      pending = [];
      cp += 1;
    }
    return undefined;
  };

  for (;;) {
    const rows = await db.query<EventRow & { hash: Uint8Array }>(
      named('verify_page', VERIFY_PAGE, [lastPosition, PAGE]),
    );
    for (const row of rows) {
      const e = toRecordedEvent(row);
      const closed = closeSealsBefore(e.position);
      if (closed) return fail(closed.at, closed.reason);
      const key = `${e.streamType}\u0000${e.streamId}`;
      const stream = streams.get(key) ?? { version: 0, chain: GENESIS };
      if (e.streamVersion !== stream.version + 1) {
        const jump = `from version ${stream.version} to ${e.streamVersion}`;
        return fail(e.position, `stream ${e.streamType}/${e.streamId} jumps ${jump}`);
      }
      const chain = nextChain(stream.chain, e);
      const stored = Buffer.from(row.hash);
      if (!chain.equals(stored)) {
        const which = `${e.streamType}/${e.streamId} v${e.streamVersion}`;
        return fail(e.position, `content of ${which} does not match its chain`);
      }
      streams.set(key, { version: e.streamVersion, chain });
      pending.push({ hash: stored, position: e.position, recordedAt: e.recordedAt });
      lastPosition = e.position;
      eventsChecked += 1;
    }
    if (rows.length < PAGE) break;
  }
  const closed = closeSealsBefore(Number.POSITIVE_INFINITY);
  if (closed) return fail(closed.at, closed.reason);
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
    sealedThrough: checkpoints[checkpoints.length - 1]?.position ?? 0,
    unsealedEvents: pending.length,
    headHash: sealed.toString('hex'),
  };
}

function checkSeal(c: Checkpoint, previous: Buffer, entries: SealedEntry[], lastPosition: number) {
  if (entries.length !== c.eventCount) {
    return `seal at ${c.position} covers ${c.eventCount} events, the log holds ${entries.length}`;
  }
  if (lastPosition !== c.position) return `seal at ${c.position} ends on an event that is missing`;
  if (!sealHash(previous, entries).equals(c.hash)) {
    const range = `${c.previousPosition + 1}–${c.position}`;
    return `seal at ${c.position} does not match: a position or recording time in ${range} was changed`;
  }
  return undefined;
}

async function readCheckpoints(db: SqlClient): Promise<Checkpoint[]> {
  const rows = await db.query<{
    position: number;
    previous_position: number;
    event_count: number;
    hash: Uint8Array;
  }>({
    text: 'select position, previous_position, event_count, hash from ledger_checkpoints order by position',
  });
  return rows.map((r) => ({
    position: Number(r.position),
    previousPosition: Number(r.previous_position),
    eventCount: Number(r.event_count),
    hash: Buffer.from(r.hash),
  }));
}
