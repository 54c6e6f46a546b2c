// SYNTHETIC — the national-scale synthetic data set for the benchmark: clearly labelled (actor
// seed:synthetic, tag synthetic: true, names ending "(synthetic)"), never part of the real seed set.
import { unitDecider } from '../../src/domain/units/decide.js';
import type { Ledger } from '../../src/ledger/ledger.js';
import { loadSeeds } from '../load.js';
import { budget } from './budget.js';
import { windowStart } from './calendar.js';
import { SYNTHETIC_ACTOR, SyntheticIds } from './context.js';
import { planDirectives } from './directives.js';
import { drive } from './drive.js';
import { planMonthlyReports } from './monthly-reports.js';
import { Random } from './random.js';
import { planShortcomings } from './shortcomings.js';
import { StreamBook } from './streams.js';
import { syntheticRegister } from './units.js';
import { World } from './world.js';

/** The seed a run uses unless told otherwise. */
export const DEFAULT_SEED = 20250701;

/** How to generate: about how many events, from which seed, and whom to tell how far it got. */
export interface SyntheticOptions {
  events: number;
  seed?: number;
  /** The size of the commune register; by default 3,321, less for runs under 100,000 events. */
  communes?: number;
  /** Events per ledger write (default 2,000). */
  batchSize?: number;
  /** Called after each write with the events written so far and the planned total. */
  progress?: (written: number, planned: number) => void;
  /** Called with a line about each phase. */
  log?: (message: string) => void;
  /**
   * The views are rebuilt from the log once the events are written (default), or left for the
   * caller to rebuild ('later': the bench times that rebuild on its own).
   */
  views?: 'rebuild' | 'later';
}

/** What a run did: events written, how fast, and how many of each type. */
export interface SyntheticReport {
  /** True when the store already held a synthetic set, and nothing was appended. */
  alreadyThere: boolean;
  events: number;
  /** Generating and writing the events (sealed), views apart. */
  seconds: number;
  eventsPerSecond: number;
  /** Rebuilding the views from the log afterwards (0 when left for later). */
  viewSeconds: number;
  writes: number;
  /** Writes cut short because a stream came back within a batch. */
  splits: number;
  byType: Record<string, number>;
  units: { communes: number; reportingCommunes: number; registered: number };
}

// The few SQL reads the generator needs: whether a synthetic set is there, and what it must not touch.
async function syntheticEvents(ledger: Ledger): Promise<number> {
  const [row] = await ledger.database.sql.query<{ n: number }>({
    text: 'select count(*)::int as n from events where actor = $1',
    values: [SYNTHETIC_ACTOR],
  });
  return row?.n ?? 0;
}

async function filedReports(ledger: Ledger): Promise<Set<string>> {
  const rows = await ledger.database.sql.query<{ id: string }>({
    text: `select distinct stream_id as id from events where stream_type = 'monthly_report'`,
  });
  return new Set(rows.map((r) => r.id));
}

// A seal covers what every reader can see: a transaction still open anywhere on the server
// holds a committed write back for a moment. Wait for it (up to a bound, after which the
// next write's seal covers it), so that each write gets its own seal.
const SEAL_WAIT_MS = 10_000;
async function sealThrough(ledger: Ledger, position: number): Promise<void> {
  const until = Date.now() + SEAL_WAIT_MS;
  while ((await ledger.seal()).position < position && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Reporting communes taken evenly along the register, so that every province has some.
function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)] as T);
}

/**
 * Generates about `events` synthetic events on top of the real facts (loaded first if missing),
 * in time order over 2025-07 … 2026-06, through the real deciders with the streams kept in
 * memory, written in batches. A store that already holds a synthetic set is left as it is.
 */
export async function generateSynthetic(ledger: Ledger, options: SyntheticOptions): Promise<SyntheticReport> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? DEFAULT_SEED;
  const sizes = budget(options.events, options.communes);
  const register = syntheticRegister(sizes.communes);
  const units = { ...sizes, registered: register.units.length };
  const empty = {
    events: 0,
    seconds: 0,
    eventsPerSecond: 0,
    viewSeconds: 0,
    writes: 0,
    splits: 0,
    byType: {},
    units,
  };

  const facts = await loadSeeds(ledger, { scenario: false });
  log(`real facts: ${facts.written} steps written, ${facts.alreadyThere} already there`);
  if ((await ledger.store.readStream('unit', register.markerId)).length > 0) {
    log(
      `the store already holds a synthetic set (${await syntheticEvents(ledger)} events): nothing appended`,
    );
    return { alreadyThere: true, ...empty };
  }

  const book = new StreamBook(options.batchSize ?? 2000);
  const w = new World(new Random(seed), new SyntheticIds(seed), book, register);
  w.schedule(
    register.units.map((u) => ({
      at: windowStart,
      act: () => {
        const command = { type: 'RegisterUnit' as const, code: u.id, ...u, parentId: u.parentId ?? null };
        book.run(unitDecider, u.id, command, w.ctx(windowStart, 'admin'));
        book.forget('unit', u.id);
      },
    })),
  );
  const reporters = [
    ...register.provinces.map((p) => p.partyCommitteeId),
    ...spread(register.communeIds, sizes.reportingCommunes),
  ];
  planMonthlyReports(w, reporters, await filedReports(ledger));
  planDirectives(w, sizes.tasks);
  planShortcomings(w, sizes.shortcomings);
  log(
    `planned: ${register.units.length} units, ${reporters.length} reporting units, ~${sizes.tasks} tasks, ~${sizes.shortcomings} shortcomings`,
  );

  // A bulk load writes the log alone and builds the views once at the end, as a rebuild does:
  // kept inline, every event would rewrite its item's document version by version. Until
  // then the views are set aside, so a start in between rebuilds them rather than trust them.
  await ledger.projections.setAside();
  const started = performance.now();
  const { events, writes } = await drive(w, book, async (batch, written) => {
    const { lastPosition } = await ledger.store.append(batch);
    // A running service seals every few seconds; sealing each write keeps the generated log
    // like one that was live for its twelve months, so a head hash as of any past position
    // is computed from the seal just below it rather than from position 0.
    await sealThrough(ledger, lastPosition);
    options.progress?.(written, Math.max(options.events, written));
  });
  const seconds = (performance.now() - started) / 1000;
  let viewSeconds = 0;
  if (options.views !== 'later') {
    log(`rebuilding the views from the log`);
    const rebuilt = performance.now();
    await ledger.projections.catchUp();
    viewSeconds = (performance.now() - rebuilt) / 1000;
  }
  return {
    alreadyThere: false,
    events,
    seconds,
    eventsPerSecond: Math.round(events / seconds),
    viewSeconds,
    writes,
    splits: book.splits,
    byType: Object.fromEntries([...book.byType.entries()].sort(([a], [b]) => a.localeCompare(b))),
    units,
  };
}
