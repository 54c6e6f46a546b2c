// SYNTHETIC — runs the planned steps in time order and writes the batches they make.
import type { StreamAppend } from '../../src/ledger/types.js';
import { DAY_MS } from './calendar.js';
import type { StreamBook } from './streams.js';
import type { World } from './world.js';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
// Steps run between two chances for the write in flight to get on.
const YIELD_EVERY = 64;

/**
 * Runs every step on the world's timeline, earliest first, and hands each full batch to `write`
 * (with the events written so far). One write is in flight while the next batch is decided, so
 * the database and Node work at once; the next write starts only when it has committed, since its
 * expected versions build on it.
 */
export async function drive(
  w: World,
  book: StreamBook,
  write: (batch: StreamAppend[], written: number) => Promise<void>,
): Promise<{ events: number; writes: number }> {
  let events = 0;
  let writes = 0;
  const writeAll = async (batches: StreamAppend[][]) => {
    for (const batch of batches) {
      events += batch.reduce((n, a) => n + a.events.length, 0);
      writes++;
      await write(batch, events);
    }
  };
  let inFlight: Promise<void> = Promise.resolve();
  let steps = 0;
  let day = -1;
  for (let next = w.timeline.pop(); next; next = w.timeline.pop()) {
    const plan = next.value;
    const today = Math.floor((next.at + VIETNAM_OFFSET_MS) / DAY_MS);
    if (today !== day) book.newDay();
    day = today;
    book.beginStep();
    plan.steps[plan.next++]?.act();
    book.endStep();
    const following = plan.steps[plan.next];
    if (following) w.timeline.push(following.at, plan);
    else plan.done?.();
    const ready = book.takeReady();
    if (ready.length) {
      await inFlight;
      inFlight = writeAll(ready);
      // Awaited before the next write or at the end; this only keeps a failure from going unhandled.
      inFlight.catch(() => {});
    } else if (++steps % YIELD_EVERY === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  book.closeAll();
  await inFlight;
  await writeAll(book.takeReady());
  return { events, writes };
}
