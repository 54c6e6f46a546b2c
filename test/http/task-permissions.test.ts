import t from 'tap';
import { backends } from '../helpers/backends.js';
import { clause3_1_i, conclusion183, directivesApp } from '../helpers/directives.js';
import { countEvents } from '../helpers/ledger.js';

const UNKNOWN = '01990000-0000-7000-8000-000000000000';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const app = await directivesApp(backend);
    const { issue, clause, task, act, secretariat, inspection, viewer } = app;
    t.teardown(app.close);
    await issue(conclusion183);
    const added = await clause('183-KL/TW', clause3_1_i);
    const bnvTask = added.json().taskIds[0] as string;
    const bnv = await app.unitToken('BNV');
    const btp = await app.unitToken('BTP');
    const events = () => countEvents(app.app.database);

    t.test('a unit token cannot act on another unit’s task: 403, nothing appended', async (t) => {
      const before = await events();
      const res = await act(bnvTask, 'acknowledge', btp);
      t.equal(res.statusCode, 403);
      t.match(res.json(), { error: 'forbidden', tokenUnit: 'BTP', unit: 'BNV' });
      t.equal(await events(), before);
      t.equal((await task(bnvTask)).json().status, 'assigned');
    });

    t.test(
      'roles: a viewer reads but does not write; inspection reviews but does not act for a unit',
      async (t) => {
        const before = await events();
        t.equal((await task(bnvTask, viewer)).statusCode, 200);
        t.equal((await task(bnvTask, btp)).statusCode, 200, 'any unit may read');
        const viewerAck = await act(bnvTask, 'acknowledge', viewer);
        t.equal(viewerAck.statusCode, 403);
        t.match(viewerAck.json(), { role: 'viewer', required: ['unit:act'] });
        t.equal((await act(bnvTask, 'acknowledge', inspection)).statusCode, 403);
        t.equal((await act(bnvTask, 'cancel', viewer, { reason: 'x' })).statusCode, 403);
        t.equal((await act(bnvTask, 'cancel', inspection, { reason: 'x' })).statusCode, 403);
        t.equal(
          (await act(bnvTask, 'confirm-completion', bnv)).statusCode,
          403,
          'no unit confirms its own work',
        );
        t.equal((await act(bnvTask, 'confirm-completion', secretariat)).statusCode, 403);
        t.equal(await events(), before);
      },
    );

    t.test(
      'the secretariat acts on the unit’s behalf, and may enter it as of when it happened',
      async (t) => {
        const res = await act(bnvTask, 'acknowledge', secretariat, {
          note: 'Công văn tiếp nhận (illustrative)',
          occurredAt: '2025-08-04T08:30:00+07:00',
        });
        t.equal(res.statusCode, 200, res.body);
        t.match(res.json().history.at(-1), {
          type: 'TaskAcknowledged',
          role: 'secretariat',
          onBehalfOf: 'BNV',
          occurredAt: '2025-08-04T01:30:00.000Z',
        });
      },
    );

    t.test('a unit speaks at the moment it speaks: no occurredAt from a unit token', async (t) => {
      const before = await events();
      const res = await act(bnvTask, 'progress', bnv, {
        narrative: 'x',
        occurredAt: '2025-08-10T08:00:00+07:00',
      });
      t.equal(res.statusCode, 400);
      t.match(res.json().issues, [{ path: 'body.occurredAt' }]);
      t.equal(await events(), before);
    });

    t.test('an unknown task is a 404, to read or to act on', async (t) => {
      t.equal((await task(UNKNOWN)).statusCode, 404);
      t.equal((await act(UNKNOWN, 'acknowledge', bnv)).statusCode, 404);
      t.equal((await act(UNKNOWN, 'cancel', secretariat, { reason: 'x' })).statusCode, 404);
      t.equal((await act(UNKNOWN, 'return-completion', inspection, { reason: 'x' })).statusCode, 404);
      t.equal((await act(UNKNOWN, 'acknowledge', viewer)).statusCode, 403, 'rights come before existence');
      t.equal((await task('bad%20id')).statusCode, 400);
    });

    t.test('a province’s token acts for a commune under it, not for one elsewhere', async (t) => {
      await app.register('XA-HUE-1', 'commune', 'Phường Một (illustrative)', { parentId: 'TU-HUE' });
      await app.register('XA-HNO-1', 'commune', 'Phường Hai (illustrative)', { parentId: 'TU-HNO' });
      const res = await clause('183-KL/TW', {
        reference: '5 (communes, illustrative)',
        text: 'Tổ chức đại hội đảng bộ cấp xã đúng tiến độ',
        assignment: { leadUnitIds: ['XA-HUE-1', 'XA-HNO-1'], deadline: { kind: 'date', date: '2025-08-31' } },
      });
      const [hueCommune, hanoiCommune] = res.json().taskIds as string[];
      const hue = await app.unitToken('TU-HUE');
      const ok = await app.call('POST', `/tasks/${hueCommune}/acknowledge`, { secret: hue }); // no body at all
      t.equal(ok.statusCode, 200, ok.body);
      t.match(ok.json().history.at(-1), { role: 'unit', onBehalfOf: 'XA-HUE-1', actorName: 'TU-HUE (test)' });
      t.equal((await act(hanoiCommune as string, 'acknowledge', hue)).statusCode, 403);
      const commune = await app.unitToken('XA-HUE-1');
      t.equal(
        (await act(hueCommune as string, 'progress', commune, { narrative: 'Đã tổ chức đại hội' }))
          .statusCode,
        200,
      );
    });

    t.test('after Hà Giang merged into Tuyên Quang, the successor answers for its task', async (t) => {
      // Plan 02-KH/BCĐTW (2025-06-19) predates the merger; its clause here is illustrative.
      await issue({
        code: '02-KH/BCĐTW',
        kind: 'plan',
        title: 'Kế hoạch 02-KH/BCĐTW',
        issuedOn: '2025-06-19',
        issuingUnitId: 'BTCTW',
      });
      const res = await clause('02-KH/BCĐTW', {
        reference: 'illustrative',
        text: 'Illustrative task for the Hà Giang provincial party committee',
        assignment: { leadUnitIds: ['TU-HAG'], deadline: { kind: 'date', date: '2025-08-31' } },
      });
      t.equal(res.statusCode, 201, res.body);
      const id = res.json().taskIds[0] as string;
      const haGiang = await app.unitToken('TU-HAG');
      const tuyenQuang = await app.unitToken('TU-TQU');
      t.equal((await act(id, 'acknowledge', tuyenQuang)).statusCode, 403, 'not before the merger');

      t.equal((await app.mergeHaGiang()).statusCode, 200);
      t.match((await task(id)).json(), { leadUnitId: 'TU-HAG', answeringUnitId: 'TU-TQU' });
      const before = await events();
      t.equal((await act(id, 'acknowledge', haGiang)).statusCode, 403, 'the predecessor no longer answers');
      t.equal(await events(), before);
      const ack = await act(id, 'acknowledge', tuyenQuang);
      t.equal(ack.statusCode, 200, ack.body);
      t.match(ack.json().history.at(-1), { onBehalfOf: 'TU-TQU' });
    });
  });
}
