/**
 * `npm run bench` (second part): the read side on a generated national-scale data set — 34
 * provinces, 3,321 communes, ~60 central units, BENCH_NATIONAL_EVENTS events (default
 * 1,000,000) over 12 months, labelled synthetic — in a scratch database on the server, dropped
 * afterwards. Measures the generator; a rebuild of every projection from position 0 with
 * `oversight rebuild`, BENCH_REBUILD_RUNS times (default 3; the median counts, see
 * national-rebuild.ts); and the views through HTTP (app.inject, so routing, validation and
 * serialization count; in a fresh process, see national-views.ts): a
 * province's unit gaps and a register page, now and as of past months, and meeting packs as
 * of past months. Prints a Markdown table; a report, not a gate. Runs with the young-generation
 * size `oversight seed --synthetic` gives itself (bin/oversight.js), so the generator is timed as
 * the CLI runs it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateSynthetic } from '../seeds/synthetic/generate.js';
import { buildApp } from '../src/app.js';
import type { App } from '../src/http/app-type.js';
import { medianRun, type RebuildRun, rebuildWithTheCommand } from './national-rebuild.js';
import type { Latency } from './national-views.js';
import { createScratchDatabase, redact } from './scratch-database.js';

const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const events = Number(process.env.BENCH_NATIONAL_EVENTS ?? 1_000_000);
const samples = Number(process.env.BENCH_NATIONAL_SAMPLES ?? 300);
const rebuildRuns = Number(process.env.BENCH_REBUILD_RUNS ?? 3);
if (!Number.isInteger(rebuildRuns) || rebuildRuns < 1)
  throw new Error('BENCH_REBUILD_RUNS must be a whole number above 0');

const progress = (message: string) => process.stderr.write(`  ${message}\n`);

// The views are measured by bench/national-views.ts in a fresh Node process (see there why).
async function measureViews(
  url: string,
): Promise<{ provinces: number; months: string[]; results: Latency[] }> {
  // With this process's Node flags (tsx, and the young generation `npm start` gives the server).
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./national-views.ts', import.meta.url))],
    { env: { ...process.env, BENCH_VIEWS_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`measuring the views failed (exit ${code})`);
  return JSON.parse(out);
}

async function scalar<T>(app: App, text: string, values: unknown[] = []): Promise<T[]> {
  return app.database.sql.query<T>({ text, values });
}

async function main(): Promise<number> {
  const scratch = await createScratchDatabase(adminUrl);
  const app = await buildApp({ storage: { kind: 'postgres', url: scratch.url, poolSize: 8 } });
  let closed = false;
  try {
    progress(`generating ~${events.toLocaleString('en')} synthetic events into ${scratch.name}`);
    let shown = 0;
    const generated = await generateSynthetic(app.ledger, {
      events,
      views: 'later',
      progress: (written, planned) => {
        if (written - shown >= planned / 10) {
          shown = written;
          progress(`  ${written.toLocaleString('en')} / ${planned.toLocaleString('en')}`);
        }
      },
    });
    const [total] = await scalar<{ n: number }>(app, 'select count(*)::int as n from events');
    await app.close();
    closed = true;

    const runs: RebuildRun[] = [];
    for (let run = 1; run <= rebuildRuns; run++) {
      progress(`rebuilding every projection from position 0 (${total?.n} events), run ${run}/${rebuildRuns}`);
      const done = await rebuildWithTheCommand(scratch.url);
      progress(
        `  ${done.seconds.toFixed(1)} s, ${Math.round(done.events / done.seconds).toLocaleString('en')} events/s`,
      );
      runs.push(done);
    }
    const median = medianRun(runs);
    const rebuildSeconds = median.seconds;
    const rebuildRate = median.events / median.seconds;
    const eachRun = runs.map(
      (r) => `${Math.round(r.events / r.seconds).toLocaleString('en')} (${r.seconds.toFixed(1)} s)`,
    );
    // The rebuild analyses the tables it wrote; the rest (the log itself) as a settled server has them.
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query('analyze').finally(() => admin.end());
    progress('measuring the views in a fresh process');
    const { provinces, months, results } = await measureViews(scratch.url);
    const lines = [
      '# Oversight views on a national-scale synthetic data set',
      '',
      `- server: ${redact(adminUrl).replace(/\/[^/]*$/, '')}, PostgreSQL ${scratch.server.version}; scratch database ${scratch.name}`,
      `- data: ${total?.n.toLocaleString('en')} events (${generated.units.communes} communes, ${generated.units.registered} synthetic units registered), generated at ${Math.round(generated.eventsPerSecond).toLocaleString('en')} events/s (target ≥ 20,000)`,
      `- ${samples} requests per view through app.inject, cycling over the ${provinces} provinces with most communes and the month ends of ${months.join(', ')}`,
      '',
      '| measure | figure | target | met |',
      '|---|---|---|---|',
      `| rebuild all projections from position 0 (\`oversight rebuild\`, median of ${runs.length}) | ${Math.round(rebuildRate).toLocaleString('en')} events/s (${rebuildSeconds.toFixed(1)} s); runs: ${eachRun.join(', ')} | ≥ 30,000 events/s | ${rebuildRate >= 30_000 ? 'yes' : '**no**'} |`,
      `| synthetic generation (\`oversight seed --synthetic\`): events decided, written and sealed | ${Math.round(generated.eventsPerSecond).toLocaleString('en')} events/s | ≥ 20,000 events/s | ${generated.eventsPerSecond >= 20_000 ? 'yes' : '**no**'} |`,
      `| the same with its views (generation, then the rebuild above) | ${Math.round(generated.events / (generated.seconds + rebuildSeconds)).toLocaleString('en')} events/s | — | — |`,
      ...results.map(
        (r) =>
          `| ${r.label} | p95 ${r.p95.toFixed(1)} ms (p50 ${r.p50.toFixed(1)}, max ${r.max.toFixed(1)}, n=${r.n}) | p95 ≤ ${r.target} ms | ${r.p95 <= r.target ? 'yes' : '**no**'} |`,
      ),
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
    return 0;
  } finally {
    if (!closed) await app.close();
    await scratch.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
