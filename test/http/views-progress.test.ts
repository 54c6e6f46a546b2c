import t from 'tap';
import { seedTaskId } from '../../seeds/load-facts.js';
import { seedEmptyStore } from '../../src/first-start.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

type Tally = {
  tasks: number;
  byStatus: Record<string, number>;
  onTime: number;
  late: number;
  overdue: number;
};
type Unit = {
  taskId: string;
  unitId: string;
  status: string;
  outcome: string | null;
  completedOn: string | null;
};
type Clause = { reference: string; groupLabel: string | null; tally: Tally; units: Unit[] };
type Progress = { code: string; tally: Tally; clauses: Clause[]; validAt: string | null };

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    const viewer = (await seedEmptyStore(app.ledger, () => {})) as string;
    const progress = async (code: string, query = '') => {
      const res = await call('GET', `/views/directives/${encodeURIComponent(code)}/progress${query}`, {
        secret: viewer,
      });
      t.equal(res.statusCode, 200, res.body.slice(0, 500));
      return res.json() as Progress;
    };
    const clause = (p: Progress, reference: string) => p.clauses.find((c) => c.reference === reference);
    const unitOf = (p: Progress, reference: string, unitId: string) =>
      clause(p, reference)?.units.find((u) => u.unitId === unitId);

    t.test('183-KL/TW: every seeded clause and task, counted by state and outcome', async (t) => {
      const p = await progress('183-KL/TW');
      t.equal(p.code, '183-KL/TW');
      t.equal(p.clauses.length, 17, 'the clauses of DOMAIN.md as seeded (points split by owner)');
      t.equal(p.tally.tasks, 355, 'group clauses fan out to the 34 provinces and the ministries');
      t.same(
        p.clauses.map((c) => c.tally.tasks),
        [0, 34, 1, 1, 1, 1, 51, 51, 51, 34, 34, 34, 1, 6, 1, 2, 52],
      );
      // The illustrative scenario: Home Affairs on time (twice, once within an extension), the
      // Front on time, Justice late; the Government Party Committee still at work past its deadline.
      t.match(p.tally, { onTime: 3, late: 1, byStatus: { completed: 4, in_progress: 2 } });
      t.match(unitOf(p, '3.(1)(i)', 'BNV'), {
        status: 'completed',
        completedOn: '2025-08-29',
        outcome: 'on_time',
      });
      t.match(
        unitOf(p, '3.(1)(ii)', 'BNV'),
        { status: 'completed', outcome: 'on_time' },
        'done within its extension',
      );
      t.match(unitOf(p, '3.(2)', 'BTP'), { status: 'completed', completedOn: '2025-09-24', outcome: 'late' });
      t.match(unitOf(p, '3', 'DUCP'), { status: 'in_progress', outcome: 'overdue' });
      const congresses = clause(p, '5');
      t.equal(congresses?.groupLabel, 'Provincial and municipal party committees');
      t.equal(congresses?.units.length, 34, 'one line per province of the group clause');
      t.equal(congresses?.tally.overdue, 34);
      t.match(unitOf(p, '5', 'pc-tuyen-quang-2025'), { status: 'in_progress', outcome: 'overdue' });
      t.equal(
        clause(p, '9 (monthly reports)')?.tally.overdue,
        0,
        'a recurring duty is never overdue as a whole',
      );
    });

    t.test('now moves overdue', async (t) => {
      const p = await progress('183-KL/TW', '?now=2025-08-20T10:00:00%2B07:00');
      t.equal(clause(p, '5')?.tally.overdue, 0, 'due 2025-08-31');
      t.equal(p.tally.overdue, 0);
    });

    t.test('validAt: as things stood that day', async (t) => {
      const returned = await progress('183-KL/TW', '?validAt=2025-09-20');
      t.match(
        unitOf(returned, '3.(2)', 'BTP'),
        { status: 'in_progress', outcome: 'overdue' },
        'returned on 2025-09-15',
      );
      const confirmed = await progress('183-KL/TW', '?validAt=2025-09-26');
      t.match(unitOf(confirmed, '3.(2)', 'BTP'), { status: 'completed', outcome: 'late' });
      const before = await progress('195-KL/TW', '?validAt=2025-09-01');
      t.equal(before.tally.tasks, 0, '195-KL/TW’s tasks did not exist before 2025-09-26');
    });

    t.test('the summary: one line per directive', async (t) => {
      const res = await call('GET', '/views/directives/progress', { secret: viewer });
      t.equal(res.statusCode, 200);
      const { directives } = res.json() as { directives: { code: string; clauses: number; tally: Tally }[] };
      t.equal(directives.length, 12, 'the twelve documents of the seed set');
      t.match(
        directives.find((d) => d.code === '183-KL/TW'),
        { clauses: 17, tally: { tasks: 355, onTime: 3, late: 1 } },
      );
      t.match(
        directives.find((d) => d.code === '195-KL/TW'),
        { clauses: 6, tally: { tasks: 195 } },
      );
      t.equal(
        directives.reduce((n, d) => n + d.tally.tasks, 0),
        550,
      );
      const csv = await call('GET', '/views/directives/progress?format=csv', { secret: viewer });
      t.equal(csv.body.charCodeAt(0), 0xfeff);
      t.equal(csv.body.trim().split('\r\n').length, 13);
    });

    t.test('CSV: one row per task, UTF-8 with a BOM', async (t) => {
      const res = await call('GET', '/views/directives/183-KL%2FTW/progress', {
        secret: viewer,
        headers: { accept: 'text/csv' },
      });
      t.equal(res.statusCode, 200);
      t.match(res.headers['content-type'], /^text\/csv/);
      t.equal(res.body.charCodeAt(0), 0xfeff);
      const lines = res.body.slice(1).trim().split('\r\n');
      t.equal(
        lines[0],
        'clause,group,task_id,unit_id,unit_name,status,due_on,completed_on,outcome,extensions,illustrative',
      );
      t.equal(lines.length, 356);
      t.ok(
        lines.some((l) =>
          /^3\.\(2\),,[^,]+,BTP,Bộ Tư pháp,completed,2025-08-31,2025-09-24,late,0,yes$/.test(l),
        ),
      );
    });

    t.test('404 for an unknown directive, or one not yet known', async (t) => {
      t.equal(
        (await call('GET', '/views/directives/999-KL%2FTW/progress', { secret: viewer })).statusCode,
        404,
      );
      t.equal(
        (await call('GET', '/views/directives/183-KL%2FTW/progress?asOf=1', { secret: viewer })).statusCode,
        404,
      );
      t.equal((await call('GET', '/views/directives/183-KL%2FTW/progress')).statusCode, 401);
      const plan = await call(
        'GET',
        `/views/directives/${encodeURIComponent('56-KH/BCĐ')}/progress?format=csv`,
        {
          secret: viewer,
        },
      );
      t.equal(plan.statusCode, 200, 'a Vietnamese code, URL-encoded, and a safe file name');
      t.match(plan.headers['content-disposition'], /filename="progress-56-KH-BC-\.csv"/);
    });

    // Last: it changes the data the tests above read.
    t.test('validAt counts a completion recorded late as done on its date', async (t) => {
      const ducp = seedTaskId('183-KL/TW', '3', 'DUCP');
      const [head] = await app.database.sql.query<{ p: string }>({
        text: 'select max(position) as p from events',
      });
      const secretariat = (await token('secretariat')).secret;
      const inspection = (await token('inspection')).secret;
      const reported = await call('POST', `/tasks/${ducp}/completion`, {
        secret: secretariat,
        body: {
          summary: 'Amendments issued (entered late, test)',
          evidence: [{ kind: 'document', code: 'TEST-DUCP-03' }],
          occurredAt: '2025-08-30T10:00:00+07:00',
        },
      });
      t.equal(reported.statusCode, 200, reported.body);
      const confirmed = await call('POST', `/tasks/${ducp}/confirm-completion`, {
        secret: inspection,
        body: { occurredAt: '2025-09-01T10:00:00+07:00' },
      });
      t.equal(confirmed.statusCode, 200, confirmed.body);
      const now = await progress('183-KL/TW', '?validAt=2025-09-05');
      t.match(unitOf(now, '3', 'DUCP'), {
        status: 'completed',
        completedOn: '2025-08-30',
        outcome: 'on_time',
      });
      const known = await progress('183-KL/TW', `?validAt=2025-09-05&asOf=${head?.p}`);
      t.match(
        unitOf(known, '3', 'DUCP'),
        { status: 'in_progress', outcome: 'overdue' },
        'as known before it was entered',
      );
      const onTheDay = await progress('183-KL/TW', '?validAt=2025-08-31');
      t.match(unitOf(onTheDay, '3', 'DUCP'), { status: 'completion_reported', outcome: null });
    });
  });
}
