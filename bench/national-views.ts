/**
 * The views half of the national bench, run by bench/national.ts in a fresh Node process, as a
 * server started with `oversight serve` would answer them: not in the process that has just
 * generated and rebuilt a million events, whose heap still carries that work. Reads the scratch
 * database from BENCH_VIEWS_URL; prints the latencies as JSON on stdout, progress on stderr.
 */
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../src/app.js';
import { issueToken } from '../src/domain/tokens/issue.js';
import type { App } from '../src/http/app-type.js';

const samples = Number(process.env.BENCH_NATIONAL_SAMPLES ?? 300);
const progress = (message: string) => process.stderr.write(`  ${message}\n`);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** One view's latencies, in milliseconds. */
export interface Latency {
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

/** The provinces with most communes, the past months asked about, and every view's latency. */
async function measure(app: App): Promise<{ provinces: number; months: string[]; results: Latency[] }> {
  const scalar = <T>(text: string, values: unknown[] = []) => app.database.sql.query<T>({ text, values });
  const { secret: issued } = await issueToken(
    app.ledger,
    { name: 'bench viewer', role: 'viewer', unitId: null },
    { now: new Date(), newId: uuidv7, actor: { id: 'bench', role: 'admin', name: 'bench' } },
  );
  const secret = issued as string;
  const provinces = (
    await scalar<{ id: string; n: number }>(
      `select parent_id as id, count(*)::int as n from view_units where to_pos is null and kind in ('commune', 'ward', 'special_zone')
        group by parent_id order by n desc limit 12`,
    )
  ).map((r) => r.id);
  const months = ['2025-09', '2025-11', '2026-01', '2026-03', '2026-05'];
  const asOf: { month: string; position: number }[] = [];
  for (const month of months) {
    const [row] = await scalar<{ p: string }>(
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
  const packs = asOf.map((a) => `/meetings/pack?at=${next(a.month)}&since=${a.month}-01&asOf=${a.position}`);
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
  return { provinces: provinces.length, months, results };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_VIEWS_URL;
  if (!url) throw new Error('BENCH_VIEWS_URL must name the database to measure');
  const app = await buildApp({ storage: { kind: 'postgres', url, poolSize: 8 } });
  try {
    process.stdout.write(`${JSON.stringify(await measure(app))}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench views: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
