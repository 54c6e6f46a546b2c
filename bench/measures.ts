import { type KnownStream, type Side, type Sizes, streams } from './workload.js';

/** One measure on one side, for one run: a warm-up, then the measured work in slices. */
export interface Phase {
  warm(): Promise<void>;
  /** Slice `i` of `slices` of the measured work (for reads: one whole pass); returns events or rows. */
  slice(i: number, slices: number): Promise<number>;
}

/** A row of the table: what it compares, the ratio it must reach, how to run it on a side. */
export interface Measure {
  label: string;
  /** Ledger rate as a fraction of the raw rate. */
  target: number;
  /** Writes are cut into slices of the phase, reads repeat whole passes; sides alternate each. */
  slices: number;
  phase(side: Side, prefix: string): Phase;
}

const share = (total: number, i: number, slices: number) =>
  Math.floor((total * (i + 1)) / slices) - Math.floor((total * i) / slices);

/**
 * The four measures of the issue. The writers' streams live for the whole phase, warm-up
 * included, so after the first lap every append carries an exact expected version that the
 * store's head cache already knows.
 */
export function measures(s: Sizes, equalize: () => Promise<void>): Measure[] {
  const warmCount = (n: number) => Math.max(1, Math.ceil(n * s.warmup));
  const writerStreams = Math.ceil(s.streamsPerWriter / s.concurrentWriters);
  return [
    {
      label: '1 event/append, sequential, expected version',
      target: 0.8,
      slices: s.slices,
      phase(side, prefix) {
        const known = streams(prefix, s.streamsPerWriter);
        return {
          warm: async () => void (await side.sequential(known, warmCount(s.sequentialAppends))),
          slice: (i, n) => side.sequential(known, share(s.sequentialAppends, i, n)),
        };
      },
    },
    {
      label: `1 event/append, ${s.concurrentWriters} concurrent writers`,
      target: 0.6,
      slices: s.slices,
      phase(side, prefix) {
        const known: KnownStream[][] = Array.from({ length: s.concurrentWriters }, (_, w) =>
          streams(`${prefix}-w${w}`, writerStreams),
        );
        return {
          warm: async () => void (await side.concurrent(known, warmCount(s.concurrentAppends))),
          slice: (i, n) => side.concurrent(known, share(s.concurrentAppends, i, n)),
        };
      },
    },
    {
      label: `batches of ${s.batchSize} events (events/s)`,
      target: 0.6,
      slices: s.slices,
      phase: (side, prefix) => ({
        warm: async () => void (await side.batches(`${prefix}-warm`, warmCount(s.batches), s.batchSize)),
        slice: (i, n) => side.batches(`${prefix}-s${i}`, share(s.batches, i, n), s.batchSize),
      }),
    },
    {
      label: 'read whole log in order into a fold (rows/s)',
      target: 0.5,
      slices: s.readPasses,
      phase: (side) => ({
        warm: async () => {
          await equalize();
          await side.readAll(s.readChunk, 2 * s.readChunk);
        },
        slice: () => side.readAll(s.readChunk),
      }),
    },
  ];
}
