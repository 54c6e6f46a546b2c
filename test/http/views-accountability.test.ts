import t from 'tap';
import { loadSeeds } from '../../seeds/load.js';
import { seedTaskId } from '../../seeds/load-facts.js';
import { scenarioShortcomingId } from '../../seeds/load-scenario.js';
import { backends } from '../helpers/backends.js';
import { testApp } from '../helpers/http.js';

// On the seeded store: the real merger of 2025-07-01 (Hà Giang into Tuyên Quang) and the
// illustrative scenario's shortcoming flagged against Hà Giang on 2025-06-20, its heads and
// remedies (labelled illustrative).
const hagFacilities = scenarioShortcomingId('hag-facilities');
const tuyenQuang = 'pc-tuyen-quang-2025';
const secretaryC = 'Secretary C (illustrative)';
const secretaryD = 'Secretary D (illustrative)';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { app, call, token, close } = await testApp(backend);
    t.teardown(close);
    await loadSeeds(app.ledger);
    const viewer = (await token('viewer')).secret;
    const get = (url: string, headers?: Record<string, string>) =>
      call('GET', url, { secret: viewer, headers });

    t.test(
      'after the merger Tuyên Quang answers for Hà Giang’s open shortcoming, apart as inherited',
      async (t) => {
        const res = await get(`/views/accountability/units/${tuyenQuang}`);
        t.equal(res.statusCode, 200, res.body);
        const view = res.json();
        t.match(view, {
          asOf: { position: Number },
          unit: { id: tuyenQuang, name: 'Tỉnh ủy Tuyên Quang', status: 'active' },
          head: { personName: secretaryD, since: '2025-07-01' },
          answeringUnitId: tuyenQuang,
        });
        t.ok(
          view.own.tasks.some((x: { id: string }) => x.id === seedTaskId('183-KL/TW', '5', tuyenQuang)),
          'its own task of 183-KL/TW clause 5',
        );
        t.same(view.own.shortcomings, []);
        const fromHaGiang = view.inherited.find(
          (g: { predecessorId: string }) => g.predecessorId === 'pc-ha-giang',
        );
        t.match(fromHaGiang, {
          predecessorName: 'Tỉnh ủy Hà Giang',
          mergedOn: '2025-07-01',
          how: 'merged',
          shortcomings: [
            {
              id: hagFacilities,
              status: 'in_progress',
              targetDate: '2025-10-31',
              official: { personName: secretaryD, source: 'head' },
              scenario: true,
            },
          ],
        });
        t.equal(view.totals.shortcomings, 1);
        t.equal(view.totals.tasks, view.own.tasks.length);

        const haGiang = (await get('/views/accountability/units/pc-ha-giang')).json();
        t.match(haGiang, { unit: { status: 'merged', endedOn: '2025-07-01' }, answeringUnitId: tuyenQuang });
        t.equal(haGiang.totals.shortcomings, 0, 'an ended unit answers for nothing now');
      },
    );

    t.test('on 2025-06-30 Hà Giang still answered for it, open, with its secretary named', async (t) => {
      const view = (await get('/views/accountability/units/pc-ha-giang?validAt=2025-06-30')).json();
      t.match(view, {
        validAt: '2025-06-30',
        head: { personName: secretaryC },
        answeringUnitId: 'pc-ha-giang',
        own: { shortcomings: [{ id: hagFacilities, status: 'open', official: { personName: secretaryC } }] },
      });
      const tq = (await get(`/views/accountability/units/${tuyenQuang}?validAt=2025-06-30`)).json();
      t.equal(tq.totals.shortcomings, 0);
    });

    t.test(
      'who answered for the shortcoming when: Hà Giang until the merger, then Tuyên Quang',
      async (t) => {
        const res = await get(`/views/accountability/items/shortcoming/${hagFacilities}`);
        t.equal(res.statusCode, 200, res.body);
        const view = res.json();
        t.match(view, {
          kind: 'shortcoming',
          unit: { id: 'pc-ha-giang' },
          startedOn: '2025-06-20',
          scenario: true,
        });
        t.same(
          view.spans.map(
            (s: { from: string; until: string | null; unitId: string; official: { personName: string } }) => [
              s.from,
              s.until,
              s.unitId,
              s.official?.personName,
            ],
          ),
          [
            ['2025-06-20', '2025-07-01', 'pc-ha-giang', secretaryC],
            ['2025-07-01', null, tuyenQuang, secretaryD],
          ],
        );
        t.equal(view.spans[0].unitName, 'Tỉnh ủy Hà Giang');
        t.equal(view.answeringNow, 1);
        const then = (
          await get(`/views/accountability/items/shortcoming/${hagFacilities}?validAt=2025-06-25`)
        ).json();
        t.equal(then.answeringNow, 0);
        t.equal(then.spans.length, 1, 'the successor had not begun on that day');
        t.equal(then.status, 'open');

        const csv = await get(`/views/accountability/items/shortcoming/${hagFacilities}?format=csv`);
        t.equal(csv.statusCode, 200);
        t.match(csv.headers['content-type'], /^text\/csv/);
        t.ok(csv.body.startsWith('\uFEFFfrom,until,unit_id'), 'UTF-8 with a byte order mark');
        t.match(csv.body, /Tỉnh ủy Hà Giang/);
      },
    );

    t.test('a task completed: the minister answered until it was done', async (t) => {
      const id = seedTaskId('183-KL/TW', '3.(1)(i)', 'BNV');
      const view = (await get(`/views/accountability/items/task/${id}`)).json();
      t.match(view, { status: 'completed', endedOn: '2025-08-29', answeringNow: null });
      t.match(view.spans, [{ unitId: 'BNV', until: '2025-08-29', official: { source: 'head' } }]);
    });

    t.test('officials answering now, with counts; by name and within a unit; CSV', async (t) => {
      const all = (await get('/views/accountability/officials')).json();
      t.ok(all.total >= 2);
      const d = all.officials.find((o: { personName: string }) => o.personName === secretaryD);
      t.match(d, { unitId: tuyenQuang, isHead: true, shortcomings: 1 });
      t.ok(d.tasks > 0, 'the head answers for the province’s owed tasks');
      t.notOk(
        all.officials.some((o: { personName: string }) => o.personName === secretaryC),
        'Hà Giang’s secretary no longer answers for anything',
      );
      const byName = (await get('/views/accountability/officials?name=SECRETARY%20d')).json();
      t.same(
        byName.officials.map((o: { personName: string }) => o.personName),
        [secretaryD],
      );
      const inScope = (await get(`/views/accountability/officials?unitId=${tuyenQuang}`)).json();
      t.same(
        inScope.officials.map((o: { unitId: string }) => o.unitId),
        [tuyenQuang],
      );
      t.match(inScope.unit, { id: tuyenQuang });
      const then = (await get('/views/accountability/officials?validAt=2025-06-30&name=secretary')).json();
      t.same(
        then.officials.map((o: { personName: string }) => o.personName),
        [secretaryC],
        'on 2025-06-30 only Hà Giang’s secretary answered (for the shortcoming flagged then)',
      );
      const paged = (await get('/views/accountability/officials?pageSize=1&page=2')).json();
      t.equal(paged.officials.length, 1);
      t.equal(paged.officials[0].personName, all.officials[1].personName);

      const csv = await get('/views/accountability/officials', { accept: 'text/csv' });
      t.equal(csv.statusCode, 200);
      t.match(csv.headers['content-type'], /^text\/csv/);
      t.ok(csv.body.startsWith('\uFEFFperson_name,title,unit_id,unit_name,is_head'));
      t.equal(csv.body.trim().split('\r\n').length, all.total + 1, 'every line, not a page');
    });

    t.test('a unit’s obligations as CSV name what was inherited from whom', async (t) => {
      const csv = await get(`/views/accountability/units/${tuyenQuang}?format=csv`);
      t.equal(csv.statusCode, 200);
      t.ok(csv.body.startsWith('\uFEFFkind,id,inherited_from_unit_id'));
      t.match(csv.body, new RegExp(`shortcoming,${hagFacilities},pc-ha-giang,Tỉnh ủy Hà Giang,2025-07-01`));
    });

    t.test('404s: unknown unit, unknown item, unknown scope; 401 without a token', async (t) => {
      t.equal((await get('/views/accountability/units/nowhere')).statusCode, 404);
      t.equal((await get(`/views/accountability/items/task/${hagFacilities}`)).statusCode, 404);
      t.equal((await get('/views/accountability/items/shortcoming/nothing')).statusCode, 404);
      t.equal(
        (await get(`/views/accountability/items/shortcoming/${hagFacilities}?validAt=2025-06-01`)).statusCode,
        404,
        'not yet flagged on that day',
      );
      t.equal((await get('/views/accountability/officials?unitId=nowhere')).statusCode, 404);
      t.equal((await get('/views/accountability/items/directive/x')).statusCode, 400);
      t.equal((await call('GET', '/views/accountability/officials')).statusCode, 401);
    });
  });
}
