import t from 'tap';
import { seedEmptyStore } from '../../src/first-start.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

type Line = { unitId: string; status: string; filedAt: string | null; scenario: boolean };
type Month = {
  period: string;
  expected: number;
  counts: Record<string, number>;
  units: Line[];
  unexpected: Line[];
};

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    const viewer = (await seedEmptyStore(app.ledger, () => {})) as string;
    const compliance = async (query: string) => {
      const res = await call('GET', `/views/reporting-compliance${query}`, { secret: viewer });
      t.equal(res.statusCode, 200, res.body.slice(0, 500));
      return (res.json() as { months: Month[] }).months;
    };
    const statusOf = (m: Month | undefined, unitId: string) =>
      m?.units.find((u) => u.unitId === unitId)?.status;

    t.test('2025-09 as the illustrative scenario seeds it', async (t) => {
      const [september] = await compliance('?month=2025-09');
      t.equal(september?.period, '2025-09');
      t.equal(september?.expected, 52, 'the Government Party Committee, the 17 ministries, the 34 provinces');
      t.same(september?.counts, { on_time: 4, late: 2, missing: 46, not_yet_due: 0 });
      t.equal(statusOf(september, 'DUCP'), 'on_time', 'filed at 23:30 on the 25th');
      t.equal(statusOf(september, 'pc-ha-noi'), 'on_time');
      t.equal(statusOf(september, 'BNV'), 'late', 'filed on the 27th');
      t.equal(statusOf(september, 'pc-ho-chi-minh-2025'), 'late');
      t.equal(statusOf(september, 'BTP'), 'missing', 'skipped in the scenario');
      t.equal(statusOf(september, 'pc-an-giang-2025'), 'missing');
      t.equal(statusOf(september, 'BYT'), 'missing', 'not sampled by the scenario at all');
      t.match(
        september?.units.find((u) => u.unitId === 'BNV'),
        { scenario: true, filedAt: '2025-09-27T03:00:00.000Z' },
      );
      t.same(september?.unexpected, []);
    });

    t.test('a range of months, oldest first', async (t) => {
      const months = await compliance('?from=2025-07&to=2025-11');
      t.same(
        months.map((m) => m.period),
        ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11'],
      );
      t.equal(months[0]?.expected, 0, 'nobody was under the rule before 183-KL/TW (2025-08-01)');
      for (const m of months.slice(1)) t.match(m.counts, { on_time: 4, late: 2, missing: 46 }, m.period);
    });

    t.test('now and validAt: filings not yet made are not yet due, or missing', async (t) => {
      const [early] = await compliance('?month=2025-09&now=2025-09-20T10:00:00%2B07:00');
      t.same(early?.counts, { on_time: 0, late: 0, missing: 0, not_yet_due: 52 });
      const [dayAfter] = await compliance('?month=2025-09&validAt=2025-09-26');
      t.same(
        dayAfter?.counts,
        { on_time: 4, late: 0, missing: 48, not_yet_due: 0 },
        'the late ones came on the 27th',
      );
      t.equal(statusOf(dayAfter, 'BNV'), 'missing');
    });

    t.test('asOf before the reports were recorded: all missing', async (t) => {
      const [first] = await app.database.sql.query<{ p: string }>({
        text: `select min(position) as p from events where event_type = 'MonthlyReportFiled'`,
      });
      const [september] = await compliance(`?month=2025-09&asOf=${Number(first?.p) - 1}`);
      t.same(september?.counts, { on_time: 0, late: 0, missing: 52, not_yet_due: 0 });
    });

    t.test('reports filed by units not expected are listed apart', async (t) => {
      const secretariat = (await token('secretariat')).secret;
      const filed = await call('POST', '/units/UBKTTW/monthly-reports', {
        secret: secretariat,
        body: {
          period: '2025-09',
          summary: 'Report entered by the test',
          occurredAt: '2025-09-20T10:00:00+07:00',
        },
      });
      t.equal(filed.statusCode, 201, filed.body);
      const [september] = await compliance('?month=2025-09');
      t.same(
        september?.unexpected.map((u) => [u.unitId, u.status]),
        [['UBKTTW', 'on_time']],
      );
      t.equal(september?.expected, 52);
      const csv = await call('GET', '/views/reporting-compliance?month=2025-09&format=csv', {
        secret: viewer,
      });
      t.equal(csv.statusCode, 200);
      t.match(csv.headers['content-type'], /^text\/csv/);
      t.equal(csv.body.charCodeAt(0), 0xfeff);
      const lines = csv.body.slice(1).trim().split('\r\n');
      t.equal(lines[0], 'period,due_on,unit_id,unit_name,expected,status,filed_at,illustrative');
      t.equal(lines.length, 1 + 52 + 1);
      t.ok(lines.some((l) => l.startsWith('2025-09,2025-09-25,BNV,Bộ Nội vụ,yes,late,')));
      t.ok(
        lines.some((l) => l.startsWith('2025-09,2025-09-25,UBKTTW,Ủy ban Kiểm tra Trung ương,no,on_time,')),
      );
    });

    t.test('400 for a bad month or range', async (t) => {
      for (const query of [
        '?month=2025-13',
        '?month=2025-9',
        '?from=2025-10&to=2025-09',
        '?from=2024-01&to=2026-01',
        '?month=2025-09&from=2025-08',
      ]) {
        const res = await call('GET', `/views/reporting-compliance${query}`, { secret: viewer });
        t.equal(res.statusCode, 400, query);
        t.equal(res.json().error, 'validation_failed');
      }
      t.equal((await compliance('?from=2024-02&to=2026-01')).length, 24, '24 months is the most');
      t.equal((await call('GET', '/views/reporting-compliance?month=2025-09')).statusCode, 401);
    });
  });
}
