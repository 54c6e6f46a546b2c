import t from 'tap';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import { loadSeeds } from '../../seeds/load.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { readDocuments } from '../../src/read/documents.js';
import { knowledgeAsOf } from '../../src/read/knowledge.js';
import { type RegisterPaging, registerView } from '../../src/views/register.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';
import { everything } from '../helpers/register-fixtures.js';

// Over the seeded store: the real units and merger, and the illustrative scenario's shortcomings.
const id = scenarioShortcomingId;
const hagiang = id('hag-facilities');
const scenarioIds = new Set(
  [
    'hag-facilities',
    'bnv-hr',
    'hn-procedures',
    'btp-institutions',
    'ld-tech',
    'ct-other',
    'bnv-hr-again',
  ].map(id),
);

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    await loadSeeds(app.ledger);
    const viewer = (await token('viewer')).secret;
    const get = (query: string, headers: Record<string, string> = {}) =>
      call('GET', `/views/shortcomings${query}`, { secret: viewer, headers });
    const rows = async (query: string) => {
      const res = await get(query);
      t.equal(res.statusCode, 200, res.body);
      return res.json().rows as { id: string; [k: string]: unknown }[];
    };
    const ids = async (query: string) =>
      (await rows(query)).map((r) => r.id).filter((i) => scenarioIds.has(i));

    t.test('401 without a token, 400 naming a bad field, 404 for an unknown unit', async (t) => {
      t.equal((await call('GET', '/views/shortcomings')).statusCode, 401);
      for (const [query, path] of <[string, string][]>[
        ['?pageSize=501', 'querystring.pageSize'],
        ['?sort=colour', 'querystring.sort'],
        ['?status=closed', 'querystring.status'],
        ['?overdue=yes', 'querystring.overdue'],
        ['?validAt=2025-13-01', 'querystring.validAt'],
      ]) {
        const res = await get(query);
        t.equal(res.statusCode, 400, query);
        t.match(res.json(), { error: 'validation_failed', issues: [{ path }] }, query);
      }
      const unknown = await get('?colour=red');
      t.equal(unknown.statusCode, 400, 'an unknown field is refused, not ignored');
      t.match(unknown.body, /colour/);
      t.equal((await get('?unitId=no-such-unit')).statusCode, 404);
    });

    t.test('a shortcoming flagged against Hà Giang before the merger shows under Tuyên Quang', async (t) => {
      const res = await get('?unitId=pc-tuyen-quang-2025');
      const body = res.json();
      t.match(body, {
        unit: { id: 'pc-tuyen-quang-2025', name: /Tuyên Quang/, includeSubunits: true },
        asOf: { position: Number },
        validAt: null,
        now: String,
        total: 1,
      });
      t.match(body.rows[0], {
        id: hagiang,
        flaggedAgainst: { id: 'pc-ha-giang', name: 'Tỉnh ủy Hà Giang' },
        answeringUnit: { id: 'pc-tuyen-quang-2025', name: /Tuyên Quang/ },
        inspectionUnit: { id: 'UBKTTW', name: 'Ủy ban Kiểm tra Trung ương' },
        status: 'in_progress',
        targetDate: '2025-10-31',
        originalTargetDate: '2025-09-15',
        rejections: 1,
        accountableOfficial: { personName: 'Secretary C (illustrative)' },
        scenario: true,
        synthetic: false,
      });
      t.same(await ids('?unitId=pc-ha-giang'), [hagiang], 'and under Hà Giang itself');
      t.same(
        await ids('?unitId=pc-tuyen-quang-2025&includeSubunits=false'),
        [hagiang],
        'the unit alone still answers for what was merged into it',
      );
      t.same(await ids('?unitId=BNV'), [id('bnv-hr-again'), id('bnv-hr')]);
    });

    t.test('each filter', async (t) => {
      t.same(await ids('?status=closed_implemented'), [id('bnv-hr')]);
      t.same(await ids('?status=open&status=dismissed&sort=flaggedOn&order=asc'), [
        id('btp-institutions'),
        id('ct-other'),
        id('bnv-hr-again'),
      ]);
      t.same(await ids('?category=facilities'), [hagiang]);
      t.same(await ids('?severity=low'), [id('ct-other')]);
      t.same(await ids('?official=Minister%20A%20(illustrative)'), [id('bnv-hr-again'), id('bnv-hr')]);
      t.same(await ids('?category=human_resources&severity=high'), [id('bnv-hr')]);
    });

    t.test('overdue against now=', async (t) => {
      t.same(await ids(`?overdue=true&now=${encodeURIComponent('2025-10-01T12:00:00+07:00')}`), [
        id('ld-tech'),
      ]);
      const november = await rows(
        `?overdue=true&sort=targetDate&order=asc&now=${encodeURIComponent('2025-11-05T00:00:00+07:00')}`,
      );
      t.same(
        november.map((r) => r.id).filter((i) => scenarioIds.has(i)),
        [id('ld-tech'), hagiang],
      );
      t.ok(november.every((r) => r.overdue === true));
      const before = await rows(
        `?now=${encodeURIComponent('2025-09-30T23:00:00+07:00')}&unitId=ubnd-lam-dong`,
      );
      t.equal(before[0]?.overdue, false, 'not before the end of its day');
    });

    t.test('paging and every sort agree with the view computed from the documents', async (t) => {
      const k = await knowledgeAsOf(app.database.sql, undefined);
      const docs = await readDocuments<ShortcomingDocument>(app.database, 'view_shortcomings', k);
      const tree = await app.unitTrees.at(k);
      const now = new Date('2025-10-01T12:00:00+07:00');
      for (const sort of ['flaggedOn', 'targetDate', 'severity', 'unit', 'status'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const paging: RegisterPaging = { sort, order, page: 2, pageSize: 3 };
          const expected = registerView(docs, tree, { now, validAt: null }, everything, paging);
          const res = await get(
            `?sort=${sort}&order=${order}&page=2&pageSize=3&now=${encodeURIComponent(now.toISOString())}`,
          );
          const body = res.json();
          t.same(
            body.rows.map((r: { id: string }) => r.id),
            expected.rows.map((r) => r.id),
            `${sort} ${order}`,
          );
          t.match(body, { total: docs.length, page: 2, pageSize: 3, pages: Math.ceil(docs.length / 3) });
        }
      }
      const all = await rows('?pageSize=500&sort=flaggedOn&order=asc');
      const paged = [
        ...(await rows('?pageSize=4&sort=flaggedOn&order=asc')),
        ...(await rows('?pageSize=4&page=2&sort=flaggedOn&order=asc')),
      ];
      t.same(
        paged.map((r) => r.id),
        all.slice(0, 8).map((r) => r.id),
        'pages follow on without gaps or repeats',
      );
      const beyond = (await get('?page=99')).json();
      t.match(beyond, { total: docs.length, rows: [] }, 'a page past the end still says how many there are');
    });

    t.test('asOf a position before the rejection: the remedy was still awaiting its verdict', async (t) => {
      const [row] = await app.database.sql.query<{ position: string }>({
        text: `select position from view_changes where stream_id = $1 and type = 'RemediationRejected'`,
        values: [hagiang],
      });
      const before = Number(row?.position) - 1;
      const [then] = await rows(`?asOf=${before}&unitId=pc-tuyen-quang-2025`);
      t.match(then, { id: hagiang, status: 'remediation_reported', rejections: 0, targetDate: '2025-09-15' });
      t.equal((await get(`?asOf=${before}`)).json().asOf.position, before);
      t.same(await ids(`?asOf=${before}&status=remediation_reported`), [hagiang]);
    });

    t.test('validAt a 2025 day: each as it stood; the later ones not yet there', async (t) => {
      const res = await get('?validAt=2025-09-01&sort=flaggedOn&order=asc');
      const body = res.json();
      t.equal(body.validAt, '2025-09-01');
      const byId = new Map((body.rows as { id: string; status: string }[]).map((r) => [r.id, r]));
      t.equal(byId.get(id('bnv-hr'))?.status, 'remediation_reported', 'verified only on 09-05');
      t.equal(byId.get(id('ct-other'))?.status, 'dismissed');
      t.equal(byId.get(id('hn-procedures'))?.status, 'in_progress');
      t.notOk(byId.has(id('bnv-hr-again')), 'flagged on 09-26');
      t.same(await ids('?validAt=2025-09-01&status=remediation_reported'), [id('bnv-hr')]);
      t.same(await ids('?validAt=2025-09-01&status=in_progress&overdue=true&unitId=BNV'), []);
      t.same(
        await ids('?validAt=2025-10-01&overdue=true'),
        [id('ld-tech')],
        'overdue at the end of that day',
      );
      const june = (await get('?validAt=2025-06-25')).json();
      t.match(june.rows, [{ id: hagiang, status: 'open', answeringUnit: { id: 'pc-ha-giang' } }]);
    });

    t.test('CSV: a BOM, Vietnamese names intact, every matching row', async (t) => {
      const res = await get('?format=csv&unitId=pc-tuyen-quang-2025&pageSize=1');
      t.equal(res.statusCode, 200);
      t.match(res.headers['content-type'], /^text\/csv/);
      t.match(res.headers['content-disposition'], /shortcomings\.csv/);
      const text = res.rawPayload.toString('utf8');
      t.ok(text.startsWith('\uFEFF'), 'starts with the byte order mark');
      t.ok(text.includes('Tỉnh ủy Hà Giang'), 'Vietnamese names intact');
      t.ok(text.includes('Ủy ban Kiểm tra Trung ương'));
      t.match(text, /^\uFEFFid,category,severity,status,/);
      const accept = await get('?unitId=BNV', { accept: 'text/csv' });
      t.equal(accept.rawPayload.toString('utf8').trim().split('\r\n').length, 3, 'header and both rows');
    });

    // Last, since it appoints a head: whoever answers personally, named or by office.
    t.test('the official filter: named while the unit answers, else the head in office', async (t) => {
      // Secretary C was named for Hà Giang's shortcoming before the merger; from 2025-07-01 the
      // head of the new Tuyên Quang answers, as the accountability view has it.
      t.same(await ids('?official=Secretary%20C%20(illustrative)'), [], 'not carried over the merger');
      t.same(await ids('?official=Secretary%20C%20(illustrative)&validAt=2025-06-25'), [hagiang]);
      t.same(await ids('?official=Secretary%20D%20(illustrative)'), [hagiang]);
      t.match((await rows(`?unitId=pc-tuyen-quang-2025`))[0], {
        accountableOfficial: { personName: 'Secretary C (illustrative)' },
        answeringOfficial: { personName: 'Secretary D (illustrative)', source: 'head' },
      });

      // Nobody was named for Cần Thơ's (dismissed) shortcoming, and nobody headed the unit.
      const unnamed = id('ct-other');
      const before = (await rows('?pageSize=500')).find((r) => r.id === unnamed);
      t.match(before, { accountableOfficial: null, answeringOfficial: null });
      const head = 'Chair H (illustrative)';
      if (!before) throw new Error('the scenario flags a shortcoming in Cần Thơ');
      const unitId = (before.answeringUnit as { id: string }).id;
      const appointed = await call('POST', `/units/${unitId}/heads`, {
        secret: (await token('admin')).secret,
        body: { title: 'Chủ tịch UBND (illustrative)', personName: head, effectiveFrom: '2025-07-01' },
      });
      t.equal(appointed.statusCode, 200, appointed.body);
      const query = `?official=${encodeURIComponent(head)}`;
      t.same(await ids(query), [unnamed], 'the head in office answers');
      t.match((await rows(query))[0], {
        accountableOfficial: null,
        answeringOfficial: { personName: head, source: 'head', since: '2025-07-01' },
      });
      const csv = (await get(`${query}&format=csv`)).rawPayload.toString('utf8');
      t.match(csv, /answering_official_name,answering_official_title,answering_official_is/);
      t.ok(csv.includes(`${head},Chủ tịch UBND (illustrative),head`));

      // A successor in office today does not take over what was closed before: Chair H
      // answered when it was dismissed, and still shows and filters as such.
      const next = await call('POST', `/units/${unitId}/heads`, {
        secret: (await token('admin')).secret,
        body: {
          title: 'Chủ tịch UBND (illustrative)',
          personName: 'Chair I (illustrative)',
          effectiveFrom: '2026-01-01',
        },
      });
      t.equal(next.statusCode, 200, next.body);
      t.same(await ids(query), [unnamed], 'the head when it closed');
      t.same(await ids('?official=Chair%20I%20(illustrative)'), []);
    });
  });
}
