import t from 'tap';
import { v7 as uuidv7 } from 'uuid';
import { handleCommand } from '../../src/domain/handle-command.js';
import { taskDecider } from '../../src/domain/tasks/decide.js';
import { backends } from '../helpers/backends.js';
import { clause3_1_i, conclusion183, directivesApp } from '../helpers/directives.js';

const by31August = { kind: 'date', date: '2025-08-31' };

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const app = await directivesApp(backend);
    const { issue, clause, task, act, secretariat, inspection } = app;
    t.teardown(app.close);
    const bnv = await app.unitToken('BNV');
    await issue(conclusion183);
    await issue({ ...conclusion183, code: '195-KL/TW', issuedOn: '2025-09-26' });
    /** Adds a clause of 183-KL/TW for one lead unit and answers its task id. */
    const assign = async (reference: string, leadUnitId: string, text: string, extra: object = {}) => {
      const res = await clause('183-KL/TW', {
        reference,
        text,
        assignment: { leadUnitIds: [leadUnitId], deadline: by31August, ...extra },
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json().taskIds[0] as string;
    };
    const types = async (id: string) => (await task(id)).json().history.map((h: { type: string }) => h.type);

    t.test('clause 3.(1)(i) from assignment to confirmed completion, one return on the way', async (t) => {
      const added = await clause('183-KL/TW', clause3_1_i);
      const id = added.json().taskIds[0];
      const step = async (action: string, secret: string, body: object, status: string) => {
        const res = await act(id, action, secret, body);
        t.equal(res.statusCode, 200, res.statusCode === 200 ? action : res.body);
        t.equal(res.json().status, status, action);
        return res.json();
      };
      await step('acknowledge', bnv, { note: 'Đã tiếp nhận' }, 'acknowledged');
      const progress = await step(
        'progress',
        bnv,
        { narrative: 'Đã tổ chức các lớp bồi dưỡng công chức cấp xã (illustrative)', percent: 40 },
        'in_progress',
      );
      t.match(progress.progress, [{ percent: 40 }]);
      const evidence = [
        { kind: 'document', code: '1234/BNV-CCVC (illustrative)' },
        { kind: 'url', url: 'https://moha.gov.vn/illustrative' },
        { kind: 'file', sha256: 'a'.repeat(64), name: 'bo-cong-cu-danh-gia.pdf' },
      ];
      const summary = 'Đã ban hành bộ công cụ đánh giá (illustrative)';
      const reported = await step('completion', bnv, { summary, evidence }, 'completion_reported');
      t.same(reported.completion, { summary, evidence, confirmed: false, note: null });

      const reason = 'Chưa có bộ công cụ đánh giá hiệu quả công việc (illustrative)';
      const returned = await step('return-completion', inspection, { reason }, 'in_progress');
      t.equal(returned.returns, 1);
      t.match(returned.history.at(-1), { type: 'TaskCompletionReturned', role: 'inspection', reason });

      await step('completion', bnv, { summary, evidence }, 'completion_reported');
      const done = await step('confirm-completion', inspection, { note: 'Đạt yêu cầu' }, 'completed');
      t.match(done.completion, { confirmed: true, note: 'Đạt yêu cầu' });
      t.same(await types(id), [
        'TaskAssigned',
        'TaskAcknowledged',
        'TaskProgressReported',
        'TaskCompletionReported',
        'TaskCompletionReturned',
        'TaskCompletionReported',
        'TaskCompletionConfirmed',
      ]);
      t.match((await task(id)).json().history[1], {
        role: 'unit',
        onBehalfOf: 'BNV',
        actorName: 'BNV (test)',
      });

      const after = await act(id, 'progress', bnv, { narrative: 'more' });
      t.equal(after.statusCode, 409);
      t.match(after.json(), { error: 'invalid_state', state: 'completed', allowedCommands: [] });
    });

    t.test('an illegal transition is a 409 naming the state and what it allows', async (t) => {
      const id = await assign('3.(1)(ii)', 'BNV', 'Bộ Nội vụ: chính sách đối với cán bộ chịu tác động');
      const res = await act(id, 'confirm-completion', inspection);
      t.equal(res.statusCode, 409);
      t.match(res.json(), {
        error: 'invalid_state',
        state: 'assigned',
        allowedCommands: ['AcknowledgeTask', 'ExtendTaskDeadline', 'EndTask', 'CancelTask', 'SupersedeTask'],
      });
      const early = await act(id, 'completion', bnv, {
        summary: 'x',
        evidence: [{ kind: 'document', code: 'x' }],
      });
      t.equal(early.statusCode, 409);
      t.equal(early.json().state, 'assigned');
    });

    t.test('a completion needs evidence: a document code, a URL or a file hash', async (t) => {
      const id = await assign(
        '7',
        'DU-MTTQ',
        'Đảng ủy Mặt trận Tổ quốc: hướng dẫn phối hợp, quy chế làm việc',
      );
      const front = await app.unitToken('DU-MTTQ');
      await act(id, 'acknowledge', front);
      const none = await act(id, 'completion', front, { summary: 'Xong', evidence: [] });
      t.equal(none.statusCode, 400);
      t.match(none.json().issues, [{ path: 'body.evidence' }]);
      const badHash = await act(id, 'completion', front, {
        summary: 'Xong',
        evidence: [{ kind: 'file', sha256: 'xyz' }],
      });
      t.equal(badHash.statusCode, 400);
      t.match(badHash.json().issues, [{ path: /^body\.evidence\.0/ }]);
      const badPercent = await act(id, 'progress', front, { narrative: 'x', percent: 140 });
      t.equal(badPercent.statusCode, 400);
      t.match(badPercent.json().issues, [{ path: 'body.percent' }]);
    });

    t.test(
      '3.(2) extended to 2025-10-30: the original deadline stays, with who granted it and why',
      async (t) => {
        const id = await assign(
          '3.(2)',
          'BTP',
          'Bộ Tư pháp rà soát văn bản về phân cấp, phân quyền còn chồng chéo',
        );
        const grantedBy = { name: 'Người ký (illustrative)', title: 'Trưởng Ban Tổ chức Trung ương' };
        const reason = 'Kết luận 195-KL/TW giao hoàn thành trước 30/10/2025 (illustrative extension)';
        const res = await act(id, 'extend', secretariat, {
          newDeadline: { kind: 'date', date: '2025-10-30' },
          grantedBy,
          reason,
          occurredAt: '2025-09-26T17:00:00+07:00',
        });
        t.equal(res.statusCode, 200, res.body);
        t.match(res.json(), {
          status: 'assigned',
          originalDeadline: by31August,
          deadline: { kind: 'date', date: '2025-10-30' },
          dueDate: '2025-10-30',
          extensions: [
            {
              from: by31August,
              to: { date: '2025-10-30' },
              grantedBy,
              reason,
              occurredAt: '2025-09-26T10:00:00.000Z',
            },
          ],
        });
        const earlier = await act(id, 'extend', secretariat, {
          newDeadline: by31August,
          grantedBy,
          reason: 'x',
        });
        t.equal(earlier.statusCode, 400);
        t.match(earlier.json().issues, [{ path: 'newDeadline' }]);
        const unnamed = await act(id, 'extend', secretariat, {
          newDeadline: { kind: 'month', month: '2025-12' },
          reason,
        });
        t.equal(unnamed.statusCode, 400);
        t.match(unnamed.json().issues, [{ path: 'body.grantedBy' }]);
        t.equal(
          (await act(id, 'extend', bnv, { newDeadline: by31August, grantedBy, reason })).statusCode,
          403,
        );
      },
    );

    t.test('cancel, end and supersede each need a reason', async (t) => {
      const id = await assign(
        '4.(2)',
        'BNV',
        'Giải quyết chính sách cho cán bộ; sau ngày 31/8/2025 thì kết thúc',
      );
      const bodies: Record<string, object> = {
        cancel: {},
        end: { endedOn: '2025-08-31' },
        supersede: { byDirectiveCode: '195-KL/TW' },
        extend: { newDeadline: { kind: 'date', date: '2025-09-30' }, grantedBy: { name: 'x', title: 'y' } },
        'return-completion': {},
      };
      for (const [action, body] of Object.entries(bodies)) {
        const secret = action === 'return-completion' ? inspection : secretariat;
        for (const reason of [undefined, '   ']) {
          const res = await act(id, action, secret, { ...body, ...(reason === undefined ? {} : { reason }) });
          t.equal(res.statusCode, 400, `${action} with reason ${JSON.stringify(reason)}`);
          t.match(res.json().issues, [{ path: 'body.reason' }], action);
        }
      }
      t.same(await types(id), ['TaskAssigned']);
    });

    t.test('point 4.(2) ends on 2025-08-31, as the conclusion says', async (t) => {
      const id = await assign('4.(2) end', 'BNV', 'Giải quyết chính sách cho cán bộ', {
        endsOn: '2025-08-31',
      });
      const res = await act(id, 'end', secretariat, {
        endedOn: '2025-08-31',
        reason: 'Sau ngày 31/8/2025 thì kết thúc',
      });
      t.equal(res.statusCode, 200, res.body);
      t.match(res.json(), { status: 'ended', endsOn: '2025-08-31', endedOn: '2025-08-31' });
      t.match(res.json().history.at(-1), { type: 'TaskEnded', role: 'secretariat', reason: /31\/8\/2025/ });
      const future = await assign('4.(2) future', 'BNV', 'x');
      const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
      const early = await act(future, 'end', secretariat, { endedOn: tomorrow, reason: 'x' });
      t.equal(early.statusCode, 400);
      t.match(early.json().issues, [{ path: 'endedOn' }]);
    });

    t.test('a task superseded by 195-KL/TW, another cancelled', async (t) => {
      const id = await assign('3', 'DU-CP', 'Đảng ủy Chính phủ rà soát, hoàn thiện thể chế');
      const unknown = await act(id, 'supersede', secretariat, { byDirectiveCode: '192-KL/TW', reason: 'x' });
      t.equal(unknown.statusCode, 404);
      t.match(unknown.json().issues, [{ path: 'body.byDirectiveCode' }]);
      const res = await act(id, 'supersede', secretariat, {
        byDirectiveCode: '195-KL/TW',
        reason: 'Kết luận 195-KL/TW giao Đảng ủy Chính phủ thực hiện Kết luận 192-KL/TW (illustrative)',
      });
      t.equal(res.statusCode, 200, res.body);
      t.match(res.json(), { status: 'superseded', supersededBy: '195-KL/TW' });
      const wrong = await assign(
        '6',
        'BTCTW',
        'Ban Tổ chức Trung ương hoàn thiện các quy định về công tác cán bộ',
      );
      const cancelled = await act(wrong, 'cancel', secretariat, { reason: 'Nhập nhầm (illustrative)' });
      t.equal(cancelled.statusCode, 200);
      t.equal(cancelled.json().status, 'cancelled');
      const again = await act(wrong, 'cancel', secretariat, { reason: 'again' });
      t.equal(again.statusCode, 409);
      t.match(again.json(), { state: 'cancelled', allowedCommands: [] });
    });

    t.test('progress from the illustrative seed scenario stays marked as such', async (t) => {
      const id = await assign(
        '2',
        'BTP',
        'Khắc phục hạn chế, thiếu sót Ủy ban Kiểm tra Trung ương đã chỉ ra',
      );
      const seeded = { now: new Date(), newId: uuidv7, tags: { scenario: true } };
      const actor = { id: 'seed', role: 'unit', onBehalfOf: 'BTP' };
      await handleCommand(app.app.ledger, taskDecider, id, { type: 'AcknowledgeTask' }, { ...seeded, actor });
      t.match((await task(id)).json(), {
        scenario: true,
        history: [{ scenario: false }, { scenario: true }],
      });
      const real = (await clause('183-KL/TW', { ...clause3_1_i, reference: '3.(1)(i) bis' })).json()
        .taskIds[0];
      t.equal((await task(real)).json().scenario, false);
    });

    t.test('an Idempotency-Key replay of an action shows the task as that action left it', async (t) => {
      const id = await assign('7.(iii)', 'BNV', 'x');
      const headers = { 'idempotency-key': `ack-${id}` };
      const first = await app.call('POST', `/tasks/${id}/acknowledge`, { secret: bnv, body: {}, headers });
      await act(id, 'progress', bnv, { narrative: 'later' });
      const again = await app.call('POST', `/tasks/${id}/acknowledge`, { secret: bnv, body: {}, headers });
      t.equal(again.headers['idempotent-replayed'], 'true');
      t.same(again.json(), first.json());
      t.equal(again.json().status, 'acknowledged');
    });
  });
}
