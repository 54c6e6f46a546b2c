import t from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import { seedTaskId } from '../../seeds/load-facts.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

// Over the seeded store: the illustrative scenario's remedies reported, verified, rejected, and
// a recurrence; a completion returned by the inspection and reported again.
const id = scenarioShortcomingId;
const btpTask = seedTaskId('183-KL/TW', '3.(2)', 'BTP');
type Item = { id: string; [k: string]: unknown };
const ids = (items: Item[]) => items.map((i) => i.id);

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    await loadSeeds(app.ledger);
    const viewer = (await token('viewer')).secret;
    const get = async (query = '', headers: Record<string, string> = {}) => {
      const res = await call('GET', `/views/inspection-queue${query}`, { secret: viewer, headers });
      if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const queue = async (query = '') => (await get(query)).json();
    const positionOf = async (stream: string, type: string) => {
      const [row] = await app.database.sql.query<{ position: string }>({
        text: 'select position from events where stream_id = $1 and event_type = $2',
        values: [stream, type],
      });
      return Number(row?.position);
    };

    t.test('401 without a token, 400 naming a bad field, 404 for an unknown unit', async (t) => {
      t.equal((await call('GET', '/views/inspection-queue')).statusCode, 401);
      const bad = await call('GET', '/views/inspection-queue?unitId=%20x', { secret: viewer });
      t.equal(bad.statusCode, 400);
      t.match(bad.json(), { issues: [{ path: 'querystring.unitId' }] });
      const unknown = await call('GET', '/views/inspection-queue?page=2', { secret: viewer });
      t.equal(unknown.statusCode, 400, 'the queue has no paging: an unknown field is refused');
      t.equal(
        (await call('GET', '/views/inspection-queue?inspectionUnitId=nope', { secret: viewer })).statusCode,
        404,
      );
    });

    t.test('today: each section, counted, with the unit flagged against and the one answering', async (t) => {
      const q = await queue(`?now=${encodeURIComponent('2025-11-05T09:00:00+07:00')}`);
      t.same(ids(q.awaitingVerification), [id('hn-procedures')]);
      t.same(ids(q.overdue), [id('ld-tech'), id('hag-facilities')], 'longest overdue first');
      t.same(ids(q.returned), [id('hag-facilities')], 'the returned task was confirmed since');
      t.match(q.returned[0], {
        kind: 'shortcoming',
        rejections: 1,
        lastRejectedOn: '2025-09-20',
        lastRejectionReason: 'Two communes still without equipment (illustrative).',
        flaggedAgainst: { id: 'pc-ha-giang', name: 'Tỉnh ủy Hà Giang' },
        answeringUnit: { id: 'pc-tuyen-quang-2025', name: /Tuyên Quang/ },
      });
      t.match(q.recurrences, [
        {
          id: id('bnv-hr-again'),
          recurrenceOf: id('bnv-hr'),
          earlier: { id: id('bnv-hr'), status: 'closed_implemented' },
        },
      ]);
      t.same(q.counts, { awaitingVerification: 1, overdue: 2, returned: 1, recurrences: 1 });
      t.match(q, { now: '2025-11-05T02:00:00.000Z', validAt: null, unit: null, inspectionUnit: null });
    });

    t.test('asOf a position before a verification: still awaiting verification', async (t) => {
      const verified = await positionOf(id('bnv-hr'), 'RemediationVerified');
      const before = await queue(`?asOf=${verified - 1}`);
      t.ok(ids(before.awaitingVerification).includes(id('bnv-hr')), 'awaiting before');
      t.equal(before.asOf.position, verified - 1);
      const after = await queue(`?asOf=${verified}`);
      t.notOk(ids(after.awaitingVerification).includes(id('bnv-hr')), 'settled once verified');
    });

    t.test('validAt a 2025 day: the returned completion still owed, the rejection made', async (t) => {
      const q = await queue('?validAt=2025-09-20');
      t.same(ids(q.returned), [btpTask, id('hag-facilities')], 'returned on 09-15, rejected on 09-20');
      t.match(q.returned[0], {
        kind: 'task',
        directiveCode: '183-KL/TW',
        clauseReference: '3.(2)',
        leadUnit: { id: 'BTP', name: 'Bộ Tư pháp' },
        returns: 1,
        lastReturnedOn: '2025-09-15',
        lastReturnReason: 'Circulars not covered (illustrative).',
        status: 'in_progress',
        overdue: true,
      });
      t.same(ids(q.awaitingVerification), [], 'Hà Nội reported only in October');
      t.same(ids(q.recurrences), [], 'found again only on 09-26');
      const early = await queue('?validAt=2025-09-01');
      t.same(ids(early.awaitingVerification), [id('bnv-hr')], 'reported 08-29, verified 09-05');
      t.match(early.awaitingVerification[0], {
        remediationReportedOn: '2025-08-29',
        status: 'remediation_reported',
      });
      t.same(ids(early.returned), []);
    });

    t.test('scoped to a unit through the merger, or to one commission', async (t) => {
      const tq = await queue(
        `?unitId=pc-tuyen-quang-2025&now=${encodeURIComponent('2025-11-05T09:00:00+07:00')}`,
      );
      t.match(tq.unit, { id: 'pc-tuyen-quang-2025' });
      t.same(tq.counts, { awaitingVerification: 0, overdue: 1, returned: 1, recurrences: 0 });
      const btp = await queue('?unitId=BTP&validAt=2025-09-20');
      t.same(ids(btp.returned), [btpTask]);
      const cic = await queue('?inspectionUnitId=UBKTTW&validAt=2025-09-20');
      t.match(cic.inspectionUnit, { id: 'UBKTTW', name: 'Ủy ban Kiểm tra Trung ương' });
      t.same(ids(cic.returned), [id('hag-facilities')], 'tasks carry no commission');
    });

    t.test('CSV: one row per item with its section, a BOM, Vietnamese names intact', async (t) => {
      const res = await get('?format=csv&validAt=2025-09-20');
      t.match(res.headers['content-type'], /^text\/csv/);
      const text = res.rawPayload.toString('utf8');
      t.ok(text.startsWith('\uFEFFsection,kind,id,'));
      const lines = text.trim().split('\r\n');
      t.equal(lines.length, 1 + 2, 'the header and the two returned');
      t.ok(lines.some((l) => l.startsWith(`returned,task,${btpTask},`)));
      t.ok(lines.some((l) => l.startsWith(`returned,shortcoming,${id('hag-facilities')},`)));
      const today = (await get(`?format=csv&now=${encodeURIComponent('2025-11-05T09:00:00+07:00')}`))
        .rawPayload;
      const sections = today
        .toString('utf8')
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]);
      t.same(sections, ['awaitingVerification', 'overdue', 'overdue', 'returned', 'recurrences']);
      t.ok(text.includes('Tỉnh ủy Hà Giang') && text.includes('Bộ Tư pháp'));
    });

    t.test('the OpenAPI document describes both views', async (t) => {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      t.equal(res.statusCode, 200);
      const paths = res.json().paths;
      t.ok(paths['/views/inspection-queue']);
      t.ok(paths['/views/shortcomings']);
    });
  });
}
