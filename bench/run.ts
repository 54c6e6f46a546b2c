/**
 * `npm run bench`: the event store against raw PostgreSQL, measured in the same run on the same
 * server, in a scratch database that is dropped afterwards. Prints a Markdown table to stdout;
 * progress goes to stderr. Exits 0 when a target is missed: it is a report, not a gate.
 *
 * Environment: BENCH_DATABASE_URL or DATABASE_URL (admin URL, may CREATE DATABASE),
 * BENCH_RUNS (default 3), BENCH_SCALE (phase sizes multiplier, default 1; 0.1 for a smoke run).
 */
import os from 'node:os';
import { LedgerUnderTest } from './ledger.js';
import { measures } from './measures.js';
import { RawPostgres } from './raw.js';
import { type MeasureResult, passes, percent, ratio, runTable, summaryTable } from './report.js';
import {
  createScratchDatabase,
  redact,
  type ScratchDatabase,
  ServerUnreachableError,
} from './scratch-database.js';
import { type Measured, type Sizes, sizesFromEnv, timed } from './workload.js';

const POOL_SIZE = 8;

type SideName = 'raw' | 'ledger';

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const mem = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${os.availableParallelism()} CPUs (nproc), ${cpu}, ${mem} GiB RAM, Node ${process.version}`;
}

/** All runs, or undefined if `stop` fired; pools are closed on return either way. */
async function benchmark(
  scratch: ScratchDatabase,
  runs: number,
  sizes: Sizes,
  stop: AbortSignal,
): Promise<MeasureResult[] | undefined> {
  const raw = new RawPostgres(scratch.url, POOL_SIZE);
  let ledger: LedgerUnderTest | undefined;
  try {
    await raw.createTable();
    ledger = await LedgerUnderTest.open(scratch.url, POOL_SIZE);
    const l = ledger;

    // Both logs must hold the same rows when read; the write phases keep them equal, this checks.
    const equalize = async () => {
      const [r, e] = await Promise.all([raw.rowCount(), l.eventCount()]);
      await raw.topUp('topup', e - r);
      await l.topUp(`topup-${Date.now()}`, r - e);
    };

    // Unmeasured: connections, JIT, plan caches, and enough rows that the first read is not tiny.
    progress(`preloading ${sizes.preloadRows} rows into each log`);
    await raw.batches('preload', sizes.preloadRows / sizes.batchSize, sizes.batchSize);
    await ledger.batches('preload', sizes.preloadRows / sizes.batchSize, sizes.batchSize);

    const plan = measures(sizes, equalize);
    const results: MeasureResult[] = plan.map((m) => ({
      label: m.label,
      target: m.target,
      raw: [],
      ledger: [],
    }));
    for (let run = 1; run <= runs; run++) {
      for (const [i, m] of plan.entries()) {
        const result = results[i] as MeasureResult;
        // Alternate which side goes first, run by run, so neither always meets the fresher server.
        const order: SideName[] = run % 2 ? ['raw', 'ledger'] : ['ledger', 'raw'];
        const phases = { raw: m.phase(raw, `m${i}-r${run}`), ledger: m.phase(l, `m${i}-r${run}`) };
        if (stop.aborted) return undefined;
        for (const name of order) await phases[name].warm();
        // Writes alternate sides slice by slice, so a burst of noise (an fsync stall, a
        // checkpoint) lands on both; each side's figure is its slices' total.
        const slices = m.slices;
        const totals = { raw: { count: 0, seconds: 0 }, ledger: { count: 0, seconds: 0 } };
        for (let k = 0; k < slices; k++) {
          if (stop.aborted) return undefined;
          for (const name of order) {
            const t = await timed(() => phases[name].slice(k, slices));
            totals[name].count += t.count;
            totals[name].seconds += t.seconds;
          }
        }
        for (const name of order) {
          const t: Measured = totals[name];
          result[name].push(t);
          progress(
            `run ${run}/${runs} · ${m.label} · ${name}: ${Math.round(t.count / t.seconds)} /s ` +
              `(${t.count} in ${t.seconds.toFixed(2)} s)`,
          );
        }
      }
    }
    return results;
  } finally {
    await Promise.allSettled([raw.close(), ledger?.close()]);
  }
}

/** The report's preamble: server, machine, method and sizes. */
function describe(adminUrl: string, scratch: ScratchDatabase, runs: number, sizes: Sizes): string[] {
  return [
    '# Oversight ledger vs raw PostgreSQL',
    '',
    `- server: PostgreSQL ${scratch.server.version} at ${redact(adminUrl).replace(/\/[^/]*$/, '')} ` +
      `(${Object.entries(scratch.server.settings)
        .filter(([k]) => k !== 'server_version')
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')})`,
    `- machine: ${machine()}`,
    `- ${runs} runs, median of each; pool of ${POOL_SIZE} connections per side; hash chain on; ` +
      `scratch database ${scratch.name}`,
    `- sizes per run: ${sizes.sequentialAppends} sequential appends over ${sizes.streamsPerWriter} streams, ` +
      `${sizes.concurrentAppends} appends by ${sizes.concurrentWriters} writers, ` +
      `${sizes.batches} batches of ${sizes.batchSize} (each write phase in ${sizes.slices} slices alternating ` +
      `raw and ledger, after a ${sizes.warmup * 100} % warm-up), ` +
      `then the whole log read ${sizes.readPasses}× per side in chunks of ${sizes.readChunk}`,
  ];
}

function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return n;
}

async function main(): Promise<number> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const runs = positiveInt(process.env.BENCH_RUNS, 3, 'BENCH_RUNS');
  const sizes = sizesFromEnv();

  let scratch: ScratchDatabase;
  try {
    scratch = await createScratchDatabase(adminUrl);
  } catch (error) {
    if (!(error instanceof ServerUnreachableError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 1;
  }
  // First signal: stop after the current slice, close the pools, drop. Second: cut and drop now.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      process.stderr.write(`bench: ${signal}: stopping after this slice, then dropping ${scratch.name}\n`);
      stop.abort();
      return;
    }
    process.stderr.write(`bench: ${signal} again: dropping ${scratch.name} now\n`);
    scratch.drop({ force: true }).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const started = performance.now();
    process.stdout.write(`${describe(adminUrl, scratch, runs, sizes).join('\n')}\n\n`);
    if (runs < 3) process.stdout.write(`> note: BENCH_RUNS=${runs}; the targets are defined on ≥ 3 runs\n\n`);

    const results = await benchmark(scratch, runs, sizes, stop.signal);
    if (!results) {
      process.stderr.write('bench: interrupted, no report\n');
      return 130;
    }
    const misses = results.filter((r) => !passes(r));
    const out = [
      summaryTable(results),
      '',
      misses.length === 0
        ? 'All targets met.'
        : [
            `**${misses.length} of ${results.length} targets MISSED:**`,
            ...misses.map((r) => `- ${r.label}: ${percent(ratio(r))} of raw, target ≥ ${percent(r.target)}`),
          ].join('\n'),
      '',
      '<details><summary>every run</summary>',
      '',
      runTable(results),
      '',
      '</details>',
      '',
      `(${((performance.now() - started) / 1000).toFixed(0)} s)`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  } finally {
    await scratch.drop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
