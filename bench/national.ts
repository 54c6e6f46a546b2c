/**
 * `npm run bench` (second part): the read side on a generated national-scale data set — 34
 * provinces, 3,321 communes, ~60 central units, BENCH_NATIONAL_EVENTS events (default
 * 1,000,000) over 12 months, labelled synthetic — in a scratch database on the server, dropped
 * afterwards. Measures the generator, a rebuild of every projection from position 0, and the
 * views through HTTP (app.inject, so routing, validation and serialization count): a
 * province's unit gaps and a register page, now and as of past months, and meeting packs as
 * of past months. Prints a Markdown table; a report, not a gate. Runs with the young-generation
 * size `oversight seed --synthetic` gives itself (bin/oversight.js), so the generator is timed as
 * the CLI runs it.
 */
import { v7 as uuidv7 } from 'uuid';
import { generateSynthetic } from '../seeds/synthetic/generate.js';
import { buildApp } from '../src/app.js';
import { issueToken } from '../src/domain/tokens/issue.js';
import type { App } from '../src/http/app-type.js';
import { createScratchDatabase, redact } from './scratch-database.js';

const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const events = Number(process.env.BENCH_NATIONAL_EVENTS ?? 1_000_000);
const samples = Number(process.env.BENCH_NATIONAL_SAMPLES ?? 100);

const progress = (message: string) => process.stderr.write(`  ${message}\n`);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

interface Latency {
  label: string;
  target: number;
  p50: number;
  p95: number;
  max: number;
  n: number;
}

async function latency(
  app: App,
  secret: string,
  label: string,
  target: number,
  urls: readonly string[],
): Promise<Latency> {
  const call = (url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
  for (const url of urls.slice(0, 5)) {
    const res = await call(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const url = urls[i % urls.length] as string;
    const started = performance.now();
    const res = await call(url);
    ms.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  ms.sort((a, b) => a - b);
  progress(`${label}: p50 ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${quantile(ms, 0.95).toFixed(1)} ms`);
  return {
    label,
    target,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    max: ms.at(-1) ?? 0,
    n: ms.length,
  };
}

async function scalar<T>(app: App, text: string, values: unknown[] = []): Promise<T[]> {
  return app.database.sql.query<T>({ text, values });
}

async function main(): Promise<number> {
  const scratch = await createScratchDatabase(adminUrl);
  const app = await buildApp({ storage: { kind: 'postgres', url: scratch.url, poolSize: 8 } });
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
    progress(`rebuilding every projection from position 0 (${total?.n} events)`);
    const started = performance.now();
    const rebuilt = await app.ledger.projections.rebuild();
    const rebuildSeconds = (performance.now() - started) / 1000;
    const rebuildRate = (rebuilt[0]?.events ?? 0) / rebuildSeconds;
    progress(`rebuilt ${rebuilt.length} projections in ${rebuildSeconds.toFixed(1)} s`);
    await scalar(app, 'analyze');

    const { secret: issued } = await issueToken(
      app.ledger,
      { name: 'bench viewer', role: 'viewer', unitId: null },
      { now: new Date(), newId: uuidv7, actor: { id: 'bench', role: 'admin', name: 'bench' } },
    );
    const secret = issued as string;
    const provinces = (
      await scalar<{ id: string; n: number }>(
        app,
        `select parent_id as id, count(*)::int as n from view_units where to_pos is null and kind in ('commune', 'ward', 'special_zone')
          group by parent_id order by n desc limit 12`,
      )
    ).map((r) => r.id);
    const months = ['2025-09', '2025-11', '2026-01', '2026-03', '2026-05'];
    const asOf: { month: string; position: number }[] = [];
    for (const month of months) {
      const [row] = await scalar<{ p: string }>(
        app,
        `select max(position) as p from events where occurred_at < ($1::date + interval '1 month') - interval '7 hours'`,
        [`${month}-01`],
      );
      asOf.push({ month, position: Number(row?.p ?? 0) });
    }
    const next = (month: string) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    };
    const gapsNow = provinces.map((p) => `/views/units/${p}/gaps`);
    const gapsPast = provinces.flatMap((p) => asOf.map((a) => `/views/units/${p}/gaps?asOf=${a.position}`));
    const registerNow = provinces.map((p) => `/views/shortcomings?unitId=${p}&page=1&pageSize=50`);
    const registerPast = provinces.flatMap((p) =>
      asOf.map((a) => `/views/shortcomings?unitId=${p}&page=2&pageSize=50&asOf=${a.position}`),
    );
    const nationalRegister = asOf.map(
      (a) => `/views/shortcomings?page=3&pageSize=50&sort=flaggedOn&asOf=${a.position}`,
    );
    const packs = asOf.map(
      (a) => `/meetings/pack?at=${next(a.month)}&since=${a.month}-01&asOf=${a.position}`,
    );
    const results = [
      await latency(app, secret, 'unit gaps of a province with its communes, now', 25, gapsNow),
      await latency(app, secret, 'unit gaps of a province, as of a past month', 25, gapsPast),
      await latency(app, secret, 'shortcomings register page of a province, now', 25, registerNow),
      await latency(
        app,
        secret,
        'shortcomings register page of a province, as of a past month',
        25,
        registerPast,
      ),
      await latency(
        app,
        secret,
        'shortcomings register page, national, as of a past month',
        25,
        nationalRegister,
      ),
      await latency(app, secret, 'meeting pack (national) as of a past month', 150, packs),
    ];
    const lines = [
      '# Oversight views on a national-scale synthetic data set',
      '',
      `- server: ${redact(adminUrl).replace(/\/[^/]*$/, '')}, PostgreSQL ${scratch.server.version}; scratch database ${scratch.name}`,
      `- data: ${total?.n.toLocaleString('en')} events (${generated.units.communes} communes, ${generated.units.registered} synthetic units registered), generated at ${Math.round(generated.eventsPerSecond).toLocaleString('en')} events/s (target ≥ 20,000)`,
      `- ${samples} requests per view through app.inject, cycling over the ${provinces.length} provinces with most communes and the month ends of ${months.join(', ')}`,
      '',
      '| measure | figure | target | met |',
      '|---|---|---|---|',
      `| rebuild all ${rebuilt.length} projections from position 0 | ${Math.round(rebuildRate).toLocaleString('en')} events/s (${rebuildSeconds.toFixed(1)} s) | ≥ 30,000 events/s | ${rebuildRate >= 30_000 ? 'yes' : '**no**'} |`,
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
    await app.close();
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
