import t from 'tap';
import { backends } from '../helpers/backends.js';
import { clause3_1_i, conclusion183, directivesApp } from '../helpers/directives.js';
import { countEvents } from '../helpers/ledger.js';

const paths = (res: { json(): { issues?: { path: string }[] } }) =>
  (res.json().issues ?? []).map((i) => i.path);

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const app = await directivesApp(backend);
    const { call, issue, directive, clause, task, secretariat, viewer } = app;
    t.teardown(app.close);

    t.test(
      'the secretariat issues Conclusion 183-KL/TW; anyone reads it by its URL-encoded code',
      async (t) => {
        const res = await issue(conclusion183);
        t.equal(res.statusCode, 201, res.body);
        t.match(res.json(), {
          code: '183-KL/TW',
          kind: 'conclusion',
          issuingUnitId: 'BCT',
          clauses: [],
          version: 1,
        });
        const read = await directive('183-KL/TW');
        t.equal(read.statusCode, 200, read.body);
        t.same(read.json(), res.json());
        t.equal((await call('GET', '/directives/183-KL%2FTW', { secret: viewer })).statusCode, 200);
        t.equal(
          (await call('GET', '/directives/183-KL%2ftw', { secret: viewer })).statusCode,
          404,
          'codes are exact',
        );
      },
    );

    t.test(
      'Conclusion 195-KL/TW: signed by the standing member of the Secretariat, naming 192-KL/TW',
      async (t) => {
        const res = await issue({
          code: '195-KL/TW',
          kind: 'conclusion',
          title: 'Kết luận về tình hình thực hiện mô hình tổ chức chính quyền địa phương 2 cấp',
          issuedOn: '2025-09-26',
          issuingUnitId: 'BCT',
          signer: {
            name: 'Thường trực Ban Bí thư (name not in the sources)',
            title: 'Thường trực Ban Bí thư',
          },
          references: [{ code: '192-KL/TW', relation: 'implements' }],
          occurredAt: '2025-09-26T16:00:00+07:00',
        });
        t.equal(res.statusCode, 201, res.body);
        t.match(res.json(), {
          signer: { title: 'Thường trực Ban Bí thư' },
          references: [{ code: '192-KL/TW' }],
        });
        const [event] = await app.app.ledger.store.readStream('directive', '195-KL/TW');
        t.equal(
          event?.occurredAt.toISOString(),
          '2025-09-26T09:00:00.000Z',
          'the secretariat may enter it as of then',
        );
      },
    );

    t.test('a code typed with combining marks finds the one stored in NFC', async (t) => {
      // Đ has no decomposition, so a real code like 56-KH/BCĐ is the same in NFD; this code is
      // illustrative, with letters that decompose.
      const code = '01-HD/TƯ'.normalize('NFD');
      const res = await issue({ ...conclusion183, code, title: 'Illustrative document (Unicode test)' });
      t.equal(res.statusCode, 201, res.body);
      t.equal(res.json().code, '01-HD/TƯ'.normalize('NFC'));
      const read = await directive(code);
      t.equal(read.statusCode, 200, read.body);
      t.equal(read.json().code, '01-HD/TƯ'.normalize('NFC'));
      t.equal((await directive('56-KH/BCĐ')).statusCode, 404, 'Plan 56-KH/BCĐ is not issued here');
    });

    t.test(
      'issuing: each bad field named, an unknown issuer 404, a second issue 409, roles 403',
      async (t) => {
        const bad = await issue({
          code: '183 KL',
          kind: 'memo',
          title: '',
          issuedOn: '2025-02-30',
          issuingUnitId: 'BCT',
        });
        t.equal(bad.statusCode, 400);
        t.same(paths(bad).sort(), ['body.code', 'body.issuedOn', 'body.kind', 'body.title']);
        const unknown = await issue({ ...conclusion183, code: '192-KL/TW', issuingUnitId: 'NOWHERE' });
        t.equal(unknown.statusCode, 404);
        t.match(unknown.json().issues, [{ path: 'body.issuingUnitId', message: 'no such unit' }]);
        const twice = await issue(conclusion183);
        t.equal(twice.statusCode, 409);
        t.match(twice.json(), { error: 'invalid_state', state: 'issued', allowedCommands: ['AddClause'] });
        t.equal((await issue({ ...conclusion183, code: '192-KL/TW' }, viewer)).statusCode, 403);
        t.equal(
          (await issue({ ...conclusion183, code: '192-KL/TW' }, await app.unitToken('BNV'))).statusCode,
          403,
        );
        t.equal((await directive('192-KL/TW')).statusCode, 404);
      },
    );

    t.test(
      'clause 3.(1)(i): the Ministry of Home Affairs, with relevant ministries, by 2025-08-31',
      async (t) => {
        const res = await clause('183-KL/TW', clause3_1_i);
        t.equal(res.statusCode, 201, res.body);
        const { directiveCode, reference, taskIds, positions } = res.json();
        t.same([directiveCode, reference, taskIds.length, positions.length], ['183-KL/TW', '3.(1)(i)', 1, 2]);
        const opened = await task(taskIds[0]);
        t.equal(opened.statusCode, 200, opened.body);
        t.match(opened.json(), {
          status: 'assigned',
          directiveCode: '183-KL/TW',
          clauseReference: '3.(1)(i)',
          leadUnitId: 'BNV',
          answeringUnitId: 'BNV',
          coordinatingUnitIds: ['BTP', 'BTC'],
          originalDeadline: { kind: 'date', date: '2025-08-31' },
          deadlineText: 'by 2025-08-31',
          dueDate: '2025-08-31',
          fromGroup: null,
        });
        const read = (await directive('183-KL/TW')).json();
        t.match(read.clauses, [{ reference: '3.(1)(i)', assignment: { leadUnitIds: ['BNV'], taskIds } }]);
        t.same(read.taskIds, taskIds);
      },
    );

    t.test('clause 5 to all provincial party committees: one task per active committee', async (t) => {
      t.equal((await app.mergeHaGiang()).statusCode, 200);
      const group = { kind: 'provincial_party_committee', parentId: null, label: 'các tỉnh ủy, thành ủy' };
      const res = await clause('183-KL/TW', {
        reference: '5',
        text: 'Các tỉnh ủy, thành ủy củng cố, nâng cao năng lực cấp xã; bố trí cán bộ còn thiếu',
        assignment: { group, deadline: { kind: 'date', date: '2025-08-31' } },
      });
      t.equal(res.statusCode, 201, res.body);
      const read = (await directive('183-KL/TW')).json();
      const five = read.clauses.find((c: { reference: string }) => c.reference === '5');
      t.same(five.assignment.leadUnitIds, ['TU-HNO', 'TU-HUE', 'TU-TQU'], 'Hà Giang merged: not a member');
      t.same(five.assignment.group, group);
      const leads = [];
      for (const id of res.json().taskIds) {
        const one = (await task(id)).json();
        t.same(one.fromGroup, group, 'each task records the group it came from');
        leads.push(one.leadUnitId);
      }
      t.same(leads, five.assignment.leadUnitIds);
    });

    t.test('a group under a province: its communes, those registered under a predecessor too', async (t) => {
      await app.register('XA-TQU-1', 'commune', 'Xã Một (illustrative)', { parentId: 'TU-TQU' });
      await app.register('XA-HAG-1', 'commune', 'Xã Hai (illustrative)', { parentId: 'TU-HAG' });
      const group = { kind: 'commune', parentId: 'TU-TQU', label: 'các xã thuộc tỉnh Tuyên Quang' };
      const body = {
        reference: '5 (communes)',
        text: 'Illustrative clause',
        assignment: { group, deadline: { kind: 'none' } },
      };
      const res = await clause('183-KL/TW', body);
      t.equal(res.statusCode, 201, res.body);
      const leads = await Promise.all(
        res.json().taskIds.map(async (id: string) => (await task(id)).json().leadUnitId),
      );
      t.same(leads, ['XA-HAG-1', 'XA-TQU-1']);

      const empty = await clause('183-KL/TW', {
        ...body,
        reference: '5 (Huế)',
        assignment: {
          group: { ...group, parentId: 'TU-HUE', label: 'các xã thuộc thành phố Huế' },
          deadline: { kind: 'none' },
        },
      });
      t.equal(empty.statusCode, 400);
      t.same(paths(empty), ['body.assignment.group']);
    });

    t.test('deadlines in every form the directives use', async (t) => {
      const due = async (code: string, reference: string, lead: string, deadline: object) => {
        const res = await clause(code, {
          reference,
          text: `Clause ${reference}`,
          assignment: { leadUnitIds: [lead], deadline },
        });
        t.equal(res.statusCode, 201, res.body);
        const one = (await task(res.json().taskIds[0])).json();
        t.same(one.deadline, deadline);
        return [one.dueDate, one.deadlineText];
      };
      // 195-KL/TW: the Fatherland Front reports in the first week of October 2025.
      t.same(await due('195-KL/TW', 'Front', 'DU-MTTQ', { kind: 'week', month: '2025-10', week: 1 }), [
        '2025-10-07',
        'first week of 2025-10',
      ]);
      // 195-KL/TW: the Central Organizing Committee reports to the 14th Central Conference in November 2025.
      t.same(await due('195-KL/TW', 'BTCTW', 'BTCTW', { kind: 'month', month: '2025-11' }), [
        '2025-11-30',
        'by the end of 2025-11',
      ]);
      // 183-KL/TW point 9: report to the Central Organizing Committee by the 25th of every month.
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const [y, m, d] = today.split('-').map(Number) as [number, number, number];
      const next = d <= 25 ? [y, m] : m === 12 ? [y + 1, 1] : [y, m + 1];
      const expected = `${next[0]}-${String(next[1]).padStart(2, '0')}-25`;
      t.same(await due('183-KL/TW', '9', 'DU-CP', { kind: 'recurring_monthly', dayOfMonth: 25 }), [
        expected,
        'by the 25th of every month',
      ]);
      // 183-KL/TW point 8: the Central Inspection Commission keeps inspecting; no deadline.
      t.same(await due('183-KL/TW', '8', 'UBKTTW', { kind: 'none' }), [null, 'no deadline']);
      const noWeek = await clause('183-KL/TW', {
        reference: 'x',
        text: 'x',
        assignment: { leadUnitIds: ['BNV'], deadline: { kind: 'week', month: '2026-02', week: 5 } },
      });
      t.equal(noWeek.statusCode, 400);
      t.same(paths(noWeek), ['body.assignment.deadline.week']);
    });

    t.test('clauses naming unknown units are a 404 naming each field', async (t) => {
      const res = await clause('183-KL/TW', {
        ...clause3_1_i,
        reference: '3.(1)(ii)',
        assignment: {
          ...clause3_1_i.assignment,
          leadUnitIds: ['BNV', 'BO-X'],
          coordinatingUnitIds: ['BTP', 'BO-Y'],
        },
      });
      t.equal(res.statusCode, 404);
      t.same(paths(res), ['body.assignment.leadUnitIds.1', 'body.assignment.coordinatingUnitIds.1']);
      const parent = await clause('183-KL/TW', {
        reference: '3.(1)(ii)',
        text: 'x',
        assignment: {
          group: { kind: 'commune', parentId: 'TU-NOWHERE', label: 'x' },
          deadline: { kind: 'none' },
        },
      });
      t.equal(parent.statusCode, 404);
      t.same(paths(parent), ['body.assignment.group.parentId']);
      t.equal((await clause('192-KL/TW', clause3_1_i)).statusCode, 404, 'an unknown directive');
    });

    t.test('a clause names lead units or a group, once; each reference once', async (t) => {
      const { assignment } = clause3_1_i;
      const group = { kind: 'ministry', label: 'các bộ' };
      const both = await clause('183-KL/TW', {
        ...clause3_1_i,
        reference: 'y',
        assignment: { ...assignment, group },
      });
      t.equal(both.statusCode, 400);
      t.same(paths(both), ['body.assignment.group']);
      const neither = await clause('183-KL/TW', {
        reference: 'y',
        text: 'y',
        assignment: { deadline: { kind: 'none' } },
      });
      t.equal(neither.statusCode, 400);
      t.same(paths(neither), ['body.assignment']);
      const again = await clause('183-KL/TW', clause3_1_i);
      t.equal(again.statusCode, 400);
      t.match(again.json().issues, [{ path: 'reference', message: /already exists/ }]);
      const point1 = await clause('183-KL/TW', { reference: '1', text: 'Đồng ý với hai báo cáo' });
      t.equal(point1.statusCode, 201, 'a clause may assign nothing');
      t.same(point1.json().taskIds, []);
      t.equal((await clause('183-KL/TW', { reference: 'z', text: 'z' }, { secret: viewer })).statusCode, 403);
    });

    t.test('an Idempotency-Key replay of a clause appends nothing and answers the same', async (t) => {
      const body = {
        reference: '3.(2)',
        text: 'Bộ Tư pháp rà soát các luật, nghị định, thông tư về phân cấp, phân quyền còn chồng chéo',
        assignment: { leadUnitIds: ['BTP'], deadline: { kind: 'date', date: '2025-08-31' } },
      };
      const headers = { 'idempotency-key': 'clause-183-KL/TW-3.(2)' };
      const first = await clause('183-KL/TW', body, { headers });
      t.equal(first.statusCode, 201, first.body);
      const before = await countEvents(app.app.database);
      const again = await clause('183-KL/TW', body, { headers });
      t.equal(again.statusCode, 201);
      t.equal(again.headers['idempotent-replayed'], 'true');
      t.same(again.json(), first.json());
      t.equal(await countEvents(app.app.database), before);
      const other = await clause('183-KL/TW', { ...body, text: 'khác' }, { headers, secret: secretariat });
      t.equal(other.statusCode, 422);
    });
  });
}
