import t from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import { seedTaskId } from '../../seeds/load-facts.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { currentCommitteeIds, predecessorCommittees, successorCommittees } from '../../seeds/provinces.js';
import { buildApp } from '../../src/app.js';
import { loadState } from '../../src/domain/handle-command.js';
import { shortcomingDecider } from '../../src/domain/shortcomings/decide.js';
import { taskDecider } from '../../src/domain/tasks/decide.js';
import { seedEmptyStore, whereToLook } from '../../src/first-start.js';
import { answeringUnit, listUnits } from '../../src/read/units.js';
import { backends } from '../helpers/backends.js';
import { countEvents } from '../helpers/ledger.js';

t.test('the seed set holds the 63 predecessors, the 23 successors and the 34 provinces since', async (t) => {
  t.equal(predecessorCommittees.length, 63);
  t.equal(successorCommittees.length, 23);
  t.equal(currentCommitteeIds.length, 34);
  t.equal(new Set(currentCommitteeIds).size, 34);
});

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { storage, drop } = await backend.open();
    // The app opens the store itself (an in-memory PGlite is only shared through it).
    const app = await buildApp({ storage });
    t.teardown(async () => {
      await app.close();
      await drop();
    });
    const { ledger, database } = app;
    const secret = await seedEmptyStore(ledger, () => {});
    t.match(secret, /^ovs_/, 'an empty store is seeded and a viewer token issued');
    const events = await countEvents(database);

    t.test('every place the start-up message points to answers with the viewer token', async (t) => {
      for (const line of whereToLook('')) {
        const url = line.split(/\s+/).at(-1) as string;
        const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
        t.equal(res.statusCode, 200, url);
      }
    });

    t.test('a second load appends nothing, and a seeded store is not seeded again', async (t) => {
      const again = await loadSeeds(ledger);
      t.equal(again.written, 0);
      t.ok(again.alreadyThere > 200);
      t.equal(await seedEmptyStore(ledger, () => {}), null);
      t.equal(await countEvents(database), events);
    });

    t.test('the merger of 2025-07-01: each predecessor answers through its successor', async (t) => {
      const active = await listUnits(database, {
        kind: 'provincial_party_committee',
        status: 'active',
        limit: 100,
        offset: 0,
      });
      t.same(active.map((u) => u.id).sort(), [...currentCommitteeIds].sort());
      const merged = await listUnits(database, {
        kind: 'provincial_party_committee',
        status: 'merged',
        limit: 100,
        offset: 0,
      });
      t.equal(merged.length, 52);
      t.equal((await answeringUnit(database, 'pc-ha-giang')).id, 'pc-tuyen-quang-2025');
      t.equal((await answeringUnit(database, 'pc-ba-ria-vung-tau')).id, 'pc-ho-chi-minh-2025');
    });

    t.test('183-KL/TW 3.(1)(i): the Ministry of Home Affairs, by 2025-08-31', async (t) => {
      const { state } = await loadState(ledger, taskDecider, seedTaskId('183-KL/TW', '3.(1)(i)', 'BNV'));
      t.match(state, {
        leadUnitId: 'BNV',
        directiveCode: '183-KL/TW',
        originalDeadline: { kind: 'date', date: '2025-08-31' },
      });
    });

    t.test('group clauses fan out to the real 34 provinces, recording the group', async (t) => {
      for (const id of currentCommitteeIds) {
        const { state, version } = await loadState(ledger, taskDecider, seedTaskId('183-KL/TW', '5', id));
        t.equal(version > 0, true, id);
        t.equal(state.fromGroup?.label, 'Provincial and municipal party committees');
      }
      const week = await loadState(ledger, taskDecider, seedTaskId('195-KL/TW', '4', 'DUMTTQ'));
      t.same(week.state.originalDeadline, { kind: 'week', month: '2025-10', week: 1 });
      const monthly = await loadState(
        ledger,
        taskDecider,
        seedTaskId('183-KL/TW', '9 (monthly reports)', 'BNV'),
      );
      t.same(monthly.state.originalDeadline, { kind: 'recurring_monthly', dayOfMonth: 25 });
    });

    t.test('the scenario is marked illustrative on every event it wrote, the facts are not', async (t) => {
      const rows = await database.sql.query<{ scenario: boolean; n: number }>({
        text: `select coalesce((metadata->>'scenario')::boolean, false) as scenario, count(*)::int as n
          from events group by 1 order by 1`,
      });
      t.equal(rows.length, 2);
      const scenarioActors = await database.sql.query<{ actor: string }>({
        text: `select distinct actor from events where metadata->>'scenario' = 'true'`,
      });
      t.same(
        scenarioActors.map((r) => r.actor),
        ['seed:scenario'],
      );
      const { state } = await loadState(ledger, shortcomingDecider, scenarioShortcomingId('hag-facilities'));
      t.equal(state.unitId, 'pc-ha-giang', 'flagged against Hà Giang before the merger');
      t.equal((await answeringUnit(database, state.unitId as string)).id, 'pc-tuyen-quang-2025');
      t.match(state.description, /illustrative/);
    });

    t.test(
      'over HTTP, with the first-start viewer token, scenario data says it is illustrative',
      async (t) => {
        const get = async (url: string) =>
          (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } })).json();
        t.match(await get(`/shortcomings/${scenarioShortcomingId('bnv-hr')}`), {
          status: 'closed_implemented',
          scenario: true,
        });
        t.match(await get('/units/BNV/monthly-reports/2025-09'), { filingStatus: 'late', scenario: true });
        t.match(await get('/units/BNV/monthly-reports/2025-08'), { filingStatus: 'on_time', scenario: true });
        t.match(await get('/directives/183-KL%2FTW'), { code: '183-KL/TW', issuingUnitId: 'BCT' });
      },
    );
  });
}
