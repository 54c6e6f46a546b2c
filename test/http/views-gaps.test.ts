import t from 'tap';
import { seedTaskId } from '../../seeds/load-facts.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { seedEmptyStore } from '../../src/first-start.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

type Item = { id?: string; unitId: string; rollsUpTo: string; period?: string; status: string };
type Gaps = {
  months: string[];
  scopeUnits: number;
  totals: Record<string, number>;
  rollUp: ({ unitId: string; own: boolean; total: number } & Record<string, number>)[];
  sections: Record<string, { total: number; items: Item[] }>;
};

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    const viewer = (await seedEmptyStore(app.ledger, () => {})) as string;
    const inspection = (await token('inspection')).secret;
    const gaps = async (unit: string, query = '') => {
      const res = await call('GET', `/views/units/${unit}/gaps${query}`, { secret: viewer });
      t.equal(res.statusCode, 200, res.body.slice(0, 500));
      return res.json() as Gaps;
    };
    const ids = (g: Gaps, section: string) => g.sections[section]?.items.map((i) => i.id) ?? [];
    const positionOf = async (streamId: string, type: string) => {
      const [row] = await app.database.sql.query<{ position: string }>({
        text: 'select position from events where stream_id = $1 and event_type = $2',
        values: [streamId, type],
      });
      return Number(row?.position);
    };

    // A ward of Hà Nội with a shortcoming of its own (flagged by this test, not the scenario).
    const flagged = await call('POST', '/shortcomings', {
      secret: inspection,
      body: {
        unitId: 'ward-hoan-kiem',
        inspectionUnitId: 'UBKTTW',
        supervisionReport: { title: 'Test supervision report', date: '2025-08-01' },
        category: 'facilities',
        severity: 'high',
        description: 'Ward office lacks equipment (test)',
        occurredAt: '2025-08-05T09:00:00+07:00',
      },
    });
    t.equal(flagged.statusCode, 201, flagged.body);
    const wardShortcoming = flagged.json().id as string;
    const hagFacilities = scenarioShortcomingId('hag-facilities');
    const hnProcedures = scenarioShortcomingId('hn-procedures');

    t.test('a province’s gaps include its communes’ items, rolled up per unit under it', async (t) => {
      const g = await gaps('pc-ha-noi');
      t.ok(ids(g, 'openShortcomings').includes(wardShortcoming));
      t.match(
        g.sections.openShortcomings?.items.find((i) => i.id === wardShortcoming),
        { unitId: 'ward-hoan-kiem', rollsUpTo: 'ward-hoan-kiem' },
      );
      t.match(
        g.sections.awaitingVerification?.items.find((i) => i.id === hnProcedures),
        { unitId: 'ubnd-ha-noi', rollsUpTo: 'ubnd-ha-noi', status: 'remediation_reported' },
        'the people’s committee’s remedy awaits verification',
      );
      const row = (id: string) => g.rollUp.find((r) => r.unitId === id);
      t.match(row('ward-hoan-kiem'), { own: false, openShortcomings: 1 });
      t.match(row('ubnd-ha-noi'), { awaitingVerification: 1 });
      t.match(row('ward-ba-dinh'), { total: 0 }, 'every unit directly under is listed');
      t.match(g.rollUp[0], { unitId: 'pc-ha-noi', own: true });
      for (const section of Object.keys(g.totals)) {
        const sum = g.rollUp.reduce((n, r) => n + (r[section] ?? 0), 0);
        t.equal(sum, g.totals[section], `the roll-up adds up to the total: ${section}`);
        t.equal(g.sections[section]?.total, g.totals[section]);
      }
    });

    t.test('a successor province answers for its merged predecessors’ items', async (t) => {
      const g = await gaps('pc-tuyen-quang-2025');
      t.equal(g.scopeUnits, 4, 'itself, its people’s committee, and the two provinces merged into it');
      t.match(
        g.sections.openShortcomings?.items.find((i) => i.id === hagFacilities),
        {
          unitId: 'pc-ha-giang',
          answeringUnitId: 'pc-tuyen-quang-2025',
          rollsUpTo: 'pc-tuyen-quang-2025',
          status: 'in_progress',
        },
      );
      t.equal(
        (await gaps('pc-ha-noi')).sections.openShortcomings?.items.some((i) => i.id === hagFacilities),
        false,
      );
    });

    t.test('overdue and due soon move with now', async (t) => {
      const congresses = seedTaskId('183-KL/TW', '5', 'pc-tuyen-quang-2025');
      const august = await gaps('pc-tuyen-quang-2025', '?now=2025-08-20T10:00:00%2B07:00');
      t.ok(ids(august, 'tasksDueSoon').includes(congresses), 'due 2025-08-31: soon on 2025-08-20');
      t.notOk(ids(august, 'overdueTasks').includes(congresses));
      const narrow = await gaps('pc-tuyen-quang-2025', '?now=2025-08-20T10:00:00%2B07:00&dueWithinDays=5');
      t.notOk(ids(narrow, 'tasksDueSoon').includes(congresses), 'outside a 5-day window');
      const september = await gaps('pc-tuyen-quang-2025', '?now=2025-09-05T10:00:00%2B07:00');
      t.ok(ids(september, 'overdueTasks').includes(congresses));
      t.notOk(ids(september, 'tasksDueSoon').includes(congresses));
    });

    t.test('asOf an earlier position hides what was recorded later', async (t) => {
      const rejected = await positionOf(hagFacilities, 'RemediationRejected');
      const before = await gaps('pc-tuyen-quang-2025', `?asOf=${rejected - 1}`);
      t.ok(ids(before, 'awaitingVerification').includes(hagFacilities), 'the rejection was not yet known');
      t.notOk(ids(before, 'openShortcomings').includes(hagFacilities));
      const wardFlag = await positionOf(wardShortcoming, 'ShortcomingFlagged');
      t.notOk(
        ids(await gaps('pc-ha-noi', `?asOf=${wardFlag - 1}`), 'openShortcomings').includes(wardShortcoming),
      );
      t.ok(ids(await gaps('pc-ha-noi', `?asOf=${wardFlag}`), 'openShortcomings').includes(wardShortcoming));
    });

    t.test('validAt: each item as it stood that day', async (t) => {
      const tenth = await gaps('pc-ha-noi', '?validAt=2025-10-10');
      t.ok(ids(tenth, 'openShortcomings').includes(hnProcedures), 'remedy reported only on 2025-10-14');
      t.notOk(ids(tenth, 'awaitingVerification').includes(hnProcedures));
      const sixteenth = await gaps('pc-ha-noi', '?validAt=2025-10-16');
      t.ok(ids(sixteenth, 'awaitingVerification').includes(hnProcedures));
      const early = await gaps('pc-ha-noi', '?validAt=2025-08-01');
      t.notOk(ids(early, 'openShortcomings').includes(wardShortcoming), 'flagged on 2025-08-05');
    });

    t.test('monthly reports late or missing, for the last months due', async (t) => {
      const g = await gaps('pc-ha-noi', '?now=2025-10-01T10:00:00%2B07:00&months=2');
      t.same(g.months, ['2025-09', '2025-08']);
      t.same(
        g.sections.monthlyReports?.items.map((r) => [r.unitId, r.period, r.status]),
        [['pc-ha-noi', '2025-08', 'missing']],
        'the illustrative scenario: Hà Nội on time in September, missing in August',
      );
      const hcm = await gaps('pc-ho-chi-minh-2025', '?now=2025-10-01T10:00:00%2B07:00&months=2');
      t.same(
        hcm.sections.monthlyReports?.items.map((r) => [r.unitId, r.period, r.status]),
        [['pc-ho-chi-minh-2025', '2025-09', 'late']],
      );
    });

    t.test('lists are capped, with the full count', async (t) => {
      const g = await gaps('pc-ha-noi', '?limit=1');
      for (const section of Object.values(g.sections)) {
        t.ok(section.items.length <= 1);
        t.ok(section.total >= section.items.length);
      }
      t.ok((g.sections.overdueTasks?.total ?? 0) > 1);
    });

    t.test('CSV: one row per listed item with its section, UTF-8 with a BOM', async (t) => {
      for (const options of [
        { query: '?format=csv', headers: {} as Record<string, string> },
        { query: '', headers: { accept: 'text/csv' } },
      ]) {
        const res = await call('GET', `/views/units/pc-ha-noi/gaps${options.query}`, {
          secret: viewer,
          headers: options.headers,
        });
        t.equal(res.statusCode, 200);
        t.match(res.headers['content-type'], /^text\/csv/);
        t.equal(res.body.charCodeAt(0), 0xfeff);
        const lines = res.body.slice(1).trim().split('\r\n');
        t.match(lines[0], /^section,unit_id,unit_name,rolls_up_to,id,/);
        t.ok(
          lines.some((l) => l.startsWith('openShortcomings,ward-hoan-kiem,Phường Hoàn Kiếm,ward-hoan-kiem,')),
        );
        t.ok(lines.some((l) => l.startsWith('awaitingVerification,ubnd-ha-noi,')));
      }
    });

    t.test('refusals: unknown unit 404, no token 401, bad clock 400', async (t) => {
      t.equal((await call('GET', '/views/units/no-such-unit/gaps', { secret: viewer })).statusCode, 404);
      t.equal((await call('GET', '/views/units/pc-ha-noi/gaps')).statusCode, 401);
      t.equal(
        (await call('GET', '/views/units/pc-ha-noi/gaps?now=yesterday', { secret: viewer })).statusCode,
        400,
      );
      t.equal(
        (await call('GET', '/views/units/pc-ha-noi/gaps?months=0', { secret: viewer })).statusCode,
        400,
      );
      t.equal(
        (await call('GET', '/views/units/pc-ha-noi/gaps?asOf=1', { secret: viewer })).statusCode,
        404,
        'not yet registered then',
      );
    });
  });
}
