import t from 'tap';
import { catalogue } from '../../events/index.js';
import { projections } from '../../projections/index.js';
import { currentCommitteeIds } from '../../seeds/provinces.js';
import { budget } from '../../seeds/synthetic/budget.js';
import { SYNTHETIC_ACTOR, SyntheticIds } from '../../seeds/synthetic/context.js';
import { generateSynthetic } from '../../seeds/synthetic/generate.js';
import { COMMUNE_LEVEL_UNITS, syntheticRegister } from '../../seeds/synthetic/units.js';
import { createProgram } from '../../src/cli/program.js';
import { configFromEnv } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { loadState } from '../../src/domain/handle-command.js';
import { taskDecider } from '../../src/domain/tasks/decide.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { backends } from '../helpers/backends.js';
import { countEvents } from '../helpers/ledger.js';

// Small enough for a test on PGlite; the commune register shrinks in proportion (100 communes).
const EVENTS = 3000;

async function oversight(url: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const { program, exitCode } = createProgram(configFromEnv({ DATABASE_URL: url }), {
    out: (x) => out.push(x),
    err: (x) => err.push(x),
  });
  program.exitOverride().configureOutput({ writeErr: (x) => err.push(x) });
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeErr: (x) => err.push(x) });
  try {
    await program.parseAsync(['node', 'oversight', ...args]);
  } catch (error) {
    return {
      code: (error as { exitCode?: number }).exitCode ?? 1,
      stdout: out.join('\n'),
      stderr: err.join('\n'),
    };
  }
  return { code: exitCode(), stdout: out.join('\n'), stderr: err.join('\n') };
}

async function one<R>(database: Database, text: string, values: unknown[] = []): Promise<R> {
  const [row] = await database.sql.query<R & object>({ text, values });
  return row as R;
}

// Every synthetic event's chain value in position order: it covers ids, data, metadata and times.
async function digest(database: Database): Promise<string> {
  const row = await one<{ d: string }>(
    database,
    `select md5(string_agg(encode(hash, 'hex'), ',' order by position)) as d from events where actor = $1`,
    [SYNTHETIC_ACTOR],
  );
  return row.d;
}

t.test(
  'the national register: 3,321 commune-level units over the 34 provinces, ~60 central units',
  async (t) => {
    const r = syntheticRegister();
    t.equal(r.communeIds.length, COMMUNE_LEVEL_UNITS);
    t.equal(new Set(r.communeIds).size, COMMUNE_LEVEL_UNITS);
    const kinds = new Map<string, number>();
    for (const u of r.units) kinds.set(u.kind, (kinds.get(u.kind) ?? 0) + 1);
    t.equal(kinds.get('commune'), 2595);
    t.equal(kinds.get('ward'), 713);
    t.equal(kinds.get('special_zone'), 13);
    t.equal(r.centralIds.length, 60);
    t.same(r.provinces.map((p) => p.partyCommitteeId).sort(), [...currentCommitteeIds].sort());
    const sizes = r.provinces.map((p) => p.communeIds.length);
    t.ok(Math.max(...sizes) > 3 * Math.min(...sizes), 'spread unevenly across provinces');
    t.ok(
      r.units.every((u) => u.nameVi.endsWith('(synthetic)') && u.nameEn.endsWith('(synthetic)')),
      'every synthetic name says so',
    );
    t.equal(budget(1_000_000).communes, COMMUNE_LEVEL_UNITS);
    t.notSame(new SyntheticIds(1).next(), new SyntheticIds(2).next(), 'ids depend on the seed');
  },
);

const digests: string[] = [];

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = new Ledger(database, catalogue, projections);
    const report = await generateSynthetic(ledger, { events: EVENTS });
    const total = await countEvents(database);

    t.test('about N events, of every kind the mix names', async (t) => {
      t.notOk(report.alreadyThere);
      t.ok(report.events > 0.8 * EVENTS && report.events < 1.2 * EVENTS, `${report.events} events`);
      const written = await one<{ n: number }>(
        database,
        'select count(*)::int as n from events where actor = $1',
        [SYNTHETIC_ACTOR],
      );
      t.equal(written.n, report.events);
      for (const type of [
        'UnitRegistered',
        'DirectiveIssued',
        'ClauseAdded',
        'TaskAssigned',
        'TaskAcknowledged',
        'TaskProgressReported',
        'TaskCompletionReported',
        'TaskCompletionConfirmed',
        'ShortcomingFlagged',
        'RemediationPlanSet',
        'RemediationReported',
        'RemediationVerified',
        'MonthlyReportFiled',
      ]) {
        t.ok((report.byType[type] ?? 0) > 0, type);
      }
    });

    t.test('the log is sealed as it is written, and the seals verify', async (t) => {
      const seals = await one<{ n: number; last: string }>(
        database,
        'select count(*)::int as n, max(position)::text as last from ledger_checkpoints',
      );
      t.ok(seals.n >= report.writes, `${seals.n} seals for ${report.writes} writes`);
      t.equal(Number(seals.last), total, 'the last seal covers the whole log');
      t.ok((await ledger.verify()).ok, 'verify recomputes every seal');
    });

    t.test('the views are built from the whole log once the events are written', async (t) => {
      const checkpoints = await database.sql.query<{ name: string; version: number; position: string }>({
        text: 'select name, version, position::text as position from projection_checkpoints',
      });
      t.same(
        checkpoints.map((c) => `${c.name}@${c.version}`).sort(),
        projections.map((p) => `${p.name}@${p.version}`).sort(),
        'every projection rebuilt at its current version',
      );
      t.ok(
        checkpoints.every((c) => Number(c.position) === total),
        'each up to the last event',
      );
      const tasks = await one<{ streams: number; documents: number }>(
        database,
        `select (select count(distinct stream_id)::int from events where stream_type = 'task') as streams,
          (select count(*)::int from view_tasks where to_pos is null) as documents`,
      );
      t.ok(tasks.streams > 0);
      t.equal(tasks.documents, tasks.streams, 'a current task document for every task stream');
    });

    t.test('the units: the real 34 provinces, the synthetic communes under them', async (t) => {
      const communes = budget(EVENTS).communes;
      const rows = await database.sql.query<{ kind: string; parent: string; name: string; n: number }>({
        text: `select data->>'kind' as kind, data->>'parentId' as parent, data->>'nameEn' as name,
            count(*)::int as n
          from events where event_type = 'UnitRegistered' and actor = $1 group by 1, 2, 3`,
        values: [SYNTHETIC_ACTOR],
      });
      const local = rows.filter((r) => ['commune', 'ward', 'special_zone'].includes(r.kind));
      t.equal(
        local.reduce((n, r) => n + r.n, 0),
        communes,
      );
      t.ok(
        local.every((r) => currentCommitteeIds.includes(r.parent)),
        'each under one of the 34 provinces',
      );
      t.ok(
        rows.every((r) => r.name.endsWith('(synthetic)')),
        'every name ends with (synthetic)',
      );
      const provinces = await one<{ n: number }>(
        database,
        `select count(distinct stream_id)::int as n from events
          where event_type = 'UnitRegistered' and stream_id = any($1::text[])`,
        [currentCommitteeIds],
      );
      t.equal(provinces.n, 34);
    });

    t.test('every synthetic event is labelled and in time order', async (t) => {
      const unlabelled = await one<{ n: number }>(
        database,
        `select count(*)::int as n from events
          where position >= (select min(position) from events where actor = $1)
            and (actor <> $1 or metadata->>'synthetic' is distinct from 'true')`,
        [SYNTHETIC_ACTOR],
      );
      t.equal(unlabelled.n, 0);
      const backwards = await one<{ n: number; last: Date }>(
        database,
        `select count(*) filter (where earlier > occurred_at)::int as n, max(occurred_at) as last
          from (select occurred_at, lag(occurred_at) over (order by position) as earlier
                from events where actor = $1) x`,
        [SYNTHETIC_ACTOR],
      );
      t.equal(backwards.n, 0, 'occurred_at never goes back as positions go up');
      t.ok(new Date(backwards.last) <= new Date(), 'nothing in the future');
    });

    t.test('a synthetic task reads back through the domain as it was decided', async (t) => {
      const row = await one<{ id: string }>(
        database,
        `select stream_id as id from events where actor = $1 and event_type = 'TaskCompletionConfirmed' limit 1`,
        [SYNTHETIC_ACTOR],
      );
      const { state } = await loadState(ledger, taskDecider, row.id);
      t.equal(state.status, 'completed');
      t.match(state.directiveCode, /^SYN-/);
    });

    t.test('a second run appends nothing', async (t) => {
      const again = await generateSynthetic(ledger, { events: EVENTS });
      t.ok(again.alreadyThere);
      t.equal(again.events, 0);
      t.equal(await countEvents(database), total);
    });

    digests.push(await digest(database));

    // The CLI opens its own store, so it needs one that outlives a connection: the server's.
    t.test(
      'oversight seed --synthetic writes the set, then says it is there',
      { skip: backend.name !== 'postgres' },
      async (t) => {
        const fresh = await backend.open();
        t.teardown(fresh.drop);
        const url = fresh.storage.kind === 'postgres' ? fresh.storage.url : '';
        const first = await oversight(url, 'seed', '--synthetic', '--events', '600', '--seed', '7');
        t.equal(first.code, 0, first.stderr);
        t.match(
          first.stdout,
          /synthetic events written: \d+ in [\d.]+ s, \d+ events\/s .*views rebuilt from the log in [\d.]+ s/,
        );
        t.match(first.stdout, /"TaskAssigned": \d+/);
        const second = await oversight(url, 'seed', '--synthetic', '--events', '600', '--seed', '7');
        t.match(second.stdout, /already holds a synthetic set: nothing appended/);
        const bad = await oversight(url, 'seed', '--synthetic', '--events', '0');
        t.equal(bad.code, 1);
        t.match(bad.stderr, /whole number above 0/);
      },
    );
  });
}

// Two backends already ran the same seed; with one, a second store runs it again.
t.test('the same seed gives the same events', async (t) => {
  const [backend] = await backends();
  if (digests.length < 2 && backend) {
    const other = await backend.open();
    t.teardown(other.drop);
    await generateSynthetic(new Ledger(other.database, catalogue, projections), { events: EVENTS });
    digests.push(await digest(other.database));
  }
  t.equal(digests.length, 2);
  t.equal(digests[0], digests[1]);
});
