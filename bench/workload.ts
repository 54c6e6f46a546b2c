/** What every phase shares, raw or ledger: sizes, stream layout, timing and the read fold. */

/** One timed phase: how many events (or rows) in how many seconds. */
export interface Measured {
  count: number;
  seconds: number;
}

/** Times `fn`, which returns how many events or rows it handled. */
export async function timed(fn: () => Promise<number>): Promise<Measured> {
  const start = performance.now();
  const count = await fn();
  return { count, seconds: (performance.now() - start) / 1000 };
}

/** Phase sizes; BENCH_SCALE multiplies them (e.g. 0.2 for a quick smoke run). */
export interface Sizes {
  /** Streams each writer cycles through, round-robin. */
  streamsPerWriter: number;
  sequentialAppends: number;
  concurrentWriters: number;
  concurrentAppends: number;
  batchSize: number;
  batches: number;
  /** Rows loaded (unmeasured) into both logs before the first run, so reads are not tiny. */
  preloadRows: number;
  readChunk: number;
  /** Whole-log passes per read measurement, alternating raw and ledger pass by pass. */
  readPasses: number;
  /** Warm-up size as a fraction of the measured phase. */
  warmup: number;
  /** Each write phase is cut into this many slices, alternating raw and ledger slice by slice. */
  slices: number;
}

export function sizesFromEnv(env: NodeJS.ProcessEnv = process.env): Sizes {
  const scale = Number(env.BENCH_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error('BENCH_SCALE must be a positive number');
  const n = (x: number) => Math.max(8, Math.round(x * scale));
  return {
    streamsPerWriter: 200,
    sequentialAppends: n(8000),
    concurrentWriters: 8,
    concurrentAppends: n(24_000),
    batchSize: 100,
    batches: n(1000),
    preloadRows: n(100) * 100,
    readChunk: 5000,
    readPasses: 2,
    warmup: 0.05,
    slices: 4,
  };
}

/** A stream a writer appends to, and the version it knows the stream to be at. */
export interface KnownStream {
  id: string;
  version: number;
}

/** `count` fresh streams named after a phase, all at version 0. */
export function streams(prefix: string, count: number): KnownStream[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, version: 0 }));
}

/** Runs one writer per stream set at once, each writing `total / writers` times. */
export async function inParallel(
  known: KnownStream[][],
  total: number,
  write: (known: KnownStream[], count: number) => Promise<void>,
): Promise<number> {
  const each = Math.floor(total / known.length);
  await Promise.all(known.map((k) => write(k, each)));
  return each * known.length;
}

/** The in-memory fold both readers feed: per stream, count and last version; title bytes. */
export class StreamFold {
  readonly streams = new Map<string, { count: number; lastVersion: number }>();
  rows = 0;
  titleChars = 0;

  add(streamId: string, version: number, data: unknown): void {
    const s = this.streams.get(streamId);
    if (s) {
      s.count += 1;
      s.lastVersion = version;
    } else {
      this.streams.set(streamId, { count: 1, lastVersion: version });
    }
    this.rows += 1;
    this.titleChars += ((data as { title?: string }).title ?? '').length;
  }
}

/** What both the raw baseline and the ledger do, so every phase runs the same code on each. */
export interface Side {
  /** `count` one-event writes, one after another, round-robin over `known` with exact versions. */
  sequential(known: KnownStream[], count: number): Promise<number>;
  /** One writer per stream set, all at once, `count` one-event writes in total. */
  concurrent(known: KnownStream[][], count: number): Promise<number>;
  /** `batches` writes of `size` events, each to a new stream named `${prefix}-${i}`. */
  batches(prefix: string, batches: number, size: number): Promise<number>;
  /** The whole log (or its first `limit` rows) in order, `chunk` rows at a time, into a fold. */
  readAll(chunk: number, limit?: number): Promise<number>;
}
