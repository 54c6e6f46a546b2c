// SYNTHETIC — every stream the generator writes, kept in memory, and the batches of appends
// they make. Decisions go through the real deciders; only the reading back from the database
// that handleCommand does is skipped, since the generator is the streams' only writer.
import type { CommandContext, Decider } from '../../src/domain/decider.js';
import { requireStream, toNewEvents } from '../../src/domain/handle-command.js';
import type { StreamAppend } from '../../src/ledger/types.js';

interface Entry {
  state: unknown;
  version: number;
}

// Within a day a batch grows to this many times its size before it is written anyway.
const MID_DAY_LIMIT = 2.5;

const keyOf = (streamType: string, streamId: string) => `${streamType}\u0000${streamId}`;

/**
 * The generator's streams and the appends waiting to be written. A step (one command, or a
 * clause with its fan-out) always lands in one write. Within a batch each stream is one append,
 * so its events must be contiguous in the batch: a stream that comes back after others closes
 * the batch first, which keeps positions in the order events happened.
 */
export class StreamBook {
  private readonly streams = new Map<string, Entry>();
  private batch: StreamAppend[] = [];
  private index = new Map<string, number>();
  private events = 0;
  private stepStart = 0;
  private stepEvents = 0;
  private readonly ready: StreamAppend[][] = [];
  /** Batches closed early because a stream came back after others in the same batch. */
  splits = 0;
  /** Events decided so far, by type. */
  readonly byType = new Map<string, number>();

  constructor(private readonly batchSize: number) {}

  /** Decides a command against the stream's state in memory and queues the events; returns the new state. */
  run<C, E extends { type: string; data: unknown }, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: C,
    context: CommandContext,
  ): S {
    const key = keyOf(decider.streamType, streamId);
    let entry = this.streams.get(key);
    if (!entry) {
      entry = { state: decider.initialState, version: 0 };
      this.streams.set(key, entry);
    }
    requireStream(decider as never, streamId, entry.version, command as { type: string });
    const decided = decider.decide(command, entry.state as S, context);
    let state = entry.state as S;
    for (const d of decided) {
      state = decider.evolve(state, d.event);
      this.byType.set(d.event.type, (this.byType.get(d.event.type) ?? 0) + 1);
    }
    this.queue(decider.streamType, streamId, key, entry.version, toNewEvents(decided, context));
    entry.state = state;
    entry.version += decided.length;
    return state;
  }

  /** The state in memory of a stream the generator wrote, if it still keeps it. */
  state<S>(streamType: string, streamId: string): S | undefined {
    return this.streams.get(keyOf(streamType, streamId))?.state as S | undefined;
  }

  /** Lets go of a stream that will not be written again. */
  forget(streamType: string, streamId: string): void {
    this.streams.delete(keyOf(streamType, streamId));
  }

  /** Marks where a step begins: everything it queues is written together. */
  beginStep(): void {
    this.stepStart = this.batch.length;
    this.stepEvents = this.events;
  }

  /** Ends a step; a batch far past its size is set aside for writing even within a day. */
  endStep(): void {
    if (this.events >= MID_DAY_LIMIT * this.batchSize) this.close(this.batch.length, this.events);
  }

  /**
   * A new simulated day begins: a batch of at least half its size is set aside. Planners put a
   * stream's events on different days, so a batch that ends with a day rarely has to be split.
   */
  newDay(): void {
    if (this.events >= this.batchSize / 2) this.close(this.batch.length, this.events);
  }

  /** Sets everything queued aside for writing (at the end of the run). */
  closeAll(): void {
    if (this.batch.length) this.close(this.batch.length, this.events);
  }

  /** The batches ready to write, in order; taking them empties the list. */
  takeReady(): StreamAppend[][] {
    return this.ready.splice(0);
  }

  private queue(
    streamType: string,
    streamId: string,
    key: string,
    version: number,
    events: StreamAppend['events'],
  ) {
    const at = this.index.get(key);
    if (at !== undefined && at === this.batch.length - 1) {
      (this.batch[at] as StreamAppend).events.push(...events);
    } else {
      if (at !== undefined) {
        if (at >= this.stepStart) throw new Error(`one step wrote ${key} twice, apart`);
        this.splits++;
        this.close(this.stepStart, this.stepEvents);
      }
      this.index.set(key, this.batch.length);
      this.batch.push({
        streamType,
        streamId,
        expectedVersion: version === 0 ? 'no_stream' : version,
        events: [...events],
      });
    }
    this.events += events.length;
  }

  // Sets the first `count` appends (holding `events` events) aside; the rest start the next batch.
  private close(count: number, events: number): void {
    if (count > 0) this.ready.push(this.batch.slice(0, count));
    this.batch = this.batch.slice(count);
    this.index = new Map(this.batch.map((a, i) => [keyOf(a.streamType, a.streamId), i]));
    this.events -= events;
    this.stepStart = 0;
    this.stepEvents = 0;
  }
}
