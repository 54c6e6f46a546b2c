import t from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, token, close, call } = await testApp(backend);
    t.teardown(close);
    await loadSeeds(app.ledger);
    const { secret } = await token('viewer');
    const pack = (query: string, headers: Record<string, string> = {}) =>
      call('GET', `/meetings/pack?${query}`, { secret, headers });

    t.test('the pack for the meeting of 2025-09-26 shows what changed since 2025-08-01', async (t) => {
      const res = await pack('at=2025-09-26&since=2025-08-01');
      t.equal(res.statusCode, 200);
      const p = res.json();
      t.equal(p.meeting.at, '2025-09-26');
      t.match(p.ledger, { position: Number, headHash: /^[0-9a-f]{64}$/ });
      t.equal(p.labels.illustrative, true, 'scenario items are labelled');
      const dayAfter = (await pack('at=2025-09-27&since=2025-08-01')).json();
      t.ok(p.state.tasks.assigned > 0, "183-KL/TW's tasks were assigned before the meeting");
      t.ok(
        dayAfter.state.tasks.assigned > p.state.tasks.assigned,
        "195-KL/TW's tasks, assigned on the meeting day, count from the day after",
      );
      t.ok(p.changes.shortcomingsVerified.total >= 1, 'a remedy was verified in the period');
      t.ok(
        p.changes.shortcomingsVerified.items.every(
          (s: { closedOn: string }) => s.closedOn >= '2025-08-01' && s.closedOn < '2025-09-26',
        ),
      );
      t.ok(p.changes.shortcomingsReopened.total >= 1, 'a remedy was rejected or a shortcoming recurred');
      t.same(p.changes.monthlyReports.periods, ['2025-08', '2025-09']);
      t.ok(p.changes.monthlyReports.late.total + p.changes.monthlyReports.missing.total > 0);
      t.ok(p.changes.deadlineExtensions.total >= 1, 'the scenario extension falls in the period');
    });

    t.test(
      'the pack of 2025-08-01 shows the mergers of 2025-07-01 as accountability transfers',
      async (t) => {
        const p = (await pack('at=2025-08-01&since=2025-07-01')).json();
        const transfers = p.changes.accountabilityTransfers;
        t.ok(transfers.length >= 40, `${transfers.length} predecessors passed their obligations on`);
        const hagiang = transfers.find((x: { from: { id: string } }) => x.from.id === 'pc-ha-giang');
        t.match(hagiang, { to: { id: 'pc-tuyen-quang-2025' }, on: '2025-07-01', openShortcomings: 1 });
      },
    );

    t.test(
      'asked again for its position, a pack is byte-identical whatever was appended since',
      async (t) => {
        const first = await pack('at=2025-09-26&since=2025-08-01');
        const { position } = first.json().ledger;
        await token('inspection', null, 'appended after the pack');
        await loadSeeds(app.ledger);
        const again = await pack(`at=2025-09-26&since=2025-08-01&asOf=${position}`);
        t.equal(again.body, first.body);
        const now = await pack('at=2025-09-26&since=2025-08-01');
        t.not(now.json().ledger.position, position, 'without asOf the pack moves on with the ledger');
      },
    );

    t.test('asOf an early position shows only what was known then', async (t) => {
      const p = (await pack('at=2025-09-26&since=2025-08-01&asOf=10')).json();
      t.equal(p.ledger.position, 10);
      t.equal(p.state.tasks.assigned, 0);
      t.same(p.changes.shortcomingsFlagged, { total: 0, items: [] });
    });

    t.test(
      'a unit scope narrows the pack to the unit, its subordinates and merged predecessors',
      async (t) => {
        const p = (await pack('at=2025-09-26&since=2025-06-01&unitId=pc-tuyen-quang-2025')).json();
        t.equal(p.meeting.scope.id, 'pc-tuyen-quang-2025');
        const ids = p.changes.shortcomingsFlagged.items.map((s: { unit: { id: string } }) => s.unit.id);
        t.ok(ids.includes('pc-ha-giang'), 'the predecessor Hà Giang is in scope');
        t.ok(
          ids.every((id: string) => ['pc-ha-giang', 'pc-tuyen-quang', 'pc-tuyen-quang-2025'].includes(id)),
        );
      },
    );

    t.test('the pack prints as HTML and exports as CSV', async (t) => {
      const html = await pack('at=2025-09-26&since=2025-08-01&format=html');
      t.match(html.headers['content-type'], /text\/html/);
      t.match(html.body, /<h1>Meeting pack for 2025-09-26/);
      t.match(html.body, /illustrative scenario data/);
      t.notMatch(html.body, /<script/i);
      const csv = await pack('at=2025-09-26&since=2025-08-01', { accept: 'text/csv' });
      t.match(csv.headers['content-type'], /text\/csv/);
      t.equal(csv.body.charCodeAt(0), 0xfeff, 'starts with a byte order mark');
      t.match(csv.body, /^\uFEFFsection,id,unit,answering_unit,date,detail,illustrative\r\n/);
      t.match(csv.body, /Tuyên Quang/);
    });

    t.test('each section states its total and lists at most `limit` of its first items', async (t) => {
      const window = 'at=2025-09-26&since=2025-07-01';
      const all = (await pack(`${window}&limit=all`)).json();
      const one = (await pack(`${window}&limit=1`)).json();
      t.equal(all.listing.itemsPerSection, 'all');
      t.equal(one.listing.itemsPerSection, 1);
      t.equal((await pack(window)).json().listing.itemsPerSection, 100, 'a hundred unless asked');
      const sections = (p: typeof all) => ({
        tasksCompleted: p.changes.tasksCompleted,
        newlyOverdue: p.changes.newlyOverdue,
        shortcomingsFlagged: p.changes.shortcomingsFlagged,
        shortcomingsVerified: p.changes.shortcomingsVerified,
        shortcomingsReopened: p.changes.shortcomingsReopened,
        deadlineExtensions: p.changes.deadlineExtensions,
        completionsReturned: p.changes.completionsReturned,
        monthlyReportsLate: p.changes.monthlyReports.late,
        monthlyReportsMissing: p.changes.monthlyReports.missing,
      });
      let listedSomething = 0;
      for (const [name, full] of Object.entries(sections(all))) {
        const capped = sections(one)[name as keyof ReturnType<typeof sections>];
        t.equal(full.items.length, full.total, `${name}: every item listed when asked for all`);
        t.equal(capped.total, full.total, `${name}: the same total either way`);
        t.same(capped.items, full.items.slice(0, 1), `${name}: the first item of the full list`);
        if (full.total > 1) listedSomething += 1;
      }
      t.ok(listedSomething >= 3, 'the scenario fills several sections with more than one item');
      t.same(one.state, all.state, 'the counts do not depend on the listing');
      const completed = all.changes.tasksCompleted;
      t.equal(completed.onTime + completed.late, completed.total);
      t.ok(
        completed.items.every(
          (x: { completedOn: string }) => x.completedOn >= '2025-07-01' && x.completedOn < '2025-09-26',
        ),
      );
      t.ok(
        all.changes.newlyOverdue.items.every(
          (x: { dueOn: string }) => x.dueOn >= '2025-07-01' && x.dueOn < '2025-09-26',
        ),
      );
      const days = all.changes.shortcomingsFlagged.items.map((x: { flaggedOn: string }) => x.flaggedOn);
      t.same(days, [...days].sort(), 'listed in the order things happened');
      const csv = (await pack(`${window}&format=csv&limit=1`)).body;
      const rows = (await pack(`${window}&format=csv`)).body.trim().split('\r\n').length - 1;
      t.ok(rows > csv.trim().split('\r\n').length - 1, 'the CSV lists every item unless limited');
      const html = (await pack(`${window}&format=html&limit=1`)).body;
      t.match(html, /The first 1 of \d+; the CSV export/);
    });

    t.test('bad requests name the field', async (t) => {
      for (const limit of ['0', 'many', '10001']) {
        const bad = await pack(`at=2025-09-26&since=2025-08-01&limit=${limit}`);
        t.equal(bad.statusCode, 400, `limit=${limit}`);
        t.match(bad.json().issues, [{ path: 'querystring.limit' }]);
      }
      const backwards = await pack('at=2025-08-01&since=2025-09-26');
      t.equal(backwards.statusCode, 400);
      t.match(backwards.json().issues, [{ path: 'querystring.since' }]);
      const missing = await pack('since=2025-08-01');
      t.equal(missing.statusCode, 400);
      t.match(JSON.stringify(missing.json()), /at/);
      const future = await pack('at=2025-09-26&since=2025-08-01&asOf=999999999');
      t.equal(future.statusCode, 400);
      t.match(future.json().issues, [{ path: 'querystring.asOf' }]);
      t.equal((await pack('at=2025-09-26&since=2025-08-01&unitId=nowhere')).statusCode, 404);
      t.equal((await call('GET', '/meetings/pack?at=2025-09-26&since=2025-08-01')).statusCode, 401);
    });
  });
}
