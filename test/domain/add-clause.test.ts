import t from 'tap';
import { v7 as uuidv7 } from 'uuid';
import { EventCatalogue } from '../../events/catalogue.js';
import { directiveEvents } from '../../events/directives.js';
import { taskEvents } from '../../events/tasks.js';
import { unitEvents } from '../../events/units.js';
import { projections } from '../../projections/index.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { addClause } from '../../src/domain/directives/add-clause.js';
import { directiveDecider } from '../../src/domain/directives/decide.js';
import { clauseOf } from '../../src/domain/directives/directive.js';
import { issueDirective } from '../../src/domain/directives/issue.js';
import { handleCommand, loadState } from '../../src/domain/handle-command.js';
import { taskDecider } from '../../src/domain/tasks/decide.js';
import { ConcurrencyError, InvalidStateError, NotFoundError, ValidationError } from '../../src/errors.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { backends } from '../helpers/backends.js';

const clerk: CommandContext = {
  now: new Date('2025-08-02T03:00:00Z'),
  newId: uuidv7,
  actor: { id: 'office-1', role: 'clerk' },
};
// The directive and task events are not yet in the application's catalogue.
const catalogue = new EventCatalogue([...unitEvents, ...directiveEvents, ...taskEvents]);
const code = '183-KL/TW';
const by31August = { kind: 'date' as const, date: '2025-08-31' };

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = new Ledger(database, catalogue, projections);
    await issueDirective(
      ledger,
      {
        code,
        kind: 'conclusion',
        title: 'Kết luận về tình hình hoạt động của chính quyền địa phương 2 cấp',
        issuedOn: '2025-08-01',
        issuingUnitId: 'BCT',
      },
      clerk,
    );

    t.test('a second issue of the same code is refused', async (t) => {
      await t.rejects(
        issueDirective(
          ledger,
          { code, kind: 'conclusion', title: 'x', issuedOn: '2025-08-01', issuingUnitId: 'BCT' },
          clerk,
        ),
        InvalidStateError,
      );
    });

    t.test('clause 5 opens one task per provincial party committee, in one append', async (t) => {
      const at = new Date('2025-08-01T10:00:00+07:00');
      const added = await addClause(
        ledger,
        code,
        {
          reference: '5',
          text: 'Củng cố, kiện toàn bộ máy cấp xã; tổ chức đại hội đảng bộ cấp xã đúng tiến độ',
          assignment: {
            leadUnitIds: ['TU-TQU', 'TU-LCA', 'TU-HNO'],
            group: { kind: 'provincial_party_committee', label: 'provincial and municipal party committees' },
            deadline: by31August,
          },
          occurredAt: at,
        },
        clerk,
      );
      const { taskIds, positions, reference } = added.response;
      t.equal(reference, '5');
      t.equal(taskIds.length, 3);
      const [first, ...rest] = positions;
      t.same(
        rest,
        [1, 2, 3].map((n) => (first ?? 0) + n),
        'consecutive positions: one append',
      );

      const directive = await loadState(ledger, directiveDecider, code);
      t.same(clauseOf(directive.state, '5')?.assignment?.taskIds, taskIds);
      for (const [i, lead] of ['TU-TQU', 'TU-LCA', 'TU-HNO'].entries()) {
        const { state, version } = await loadState(ledger, taskDecider, taskIds[i] as string);
        t.equal(version, 1);
        t.match(state, {
          status: 'assigned',
          directiveCode: code,
          clauseReference: '5',
          leadUnitId: lead,
          deadline: by31August,
          fromGroup: { kind: 'provincial_party_committee', parentId: null },
        });
      }
      const events = await ledger.store.readStream('task', taskIds[0] as string);
      t.same(events[0]?.occurredAt, at, 'the tasks share the clause valid time');
    });

    t.test('a clause whose task id is already in use appends nothing at all', async (t) => {
      const { response } = await addClause(
        ledger,
        code,
        {
          reference: '3.(1)(i)',
          text: 'Bộ Nội vụ đào tạo, bồi dưỡng cán bộ, công chức cấp xã',
          assignment: { leadUnitIds: ['BNV'], deadline: by31August },
        },
        clerk,
      );
      const before = await loadState(ledger, directiveDecider, code);
      await t.rejects(
        addClause(
          ledger,
          code,
          {
            reference: '3.(2)',
            text: 'Bộ Tư pháp rà soát văn bản về phân cấp, phân quyền',
            assignment: { leadUnitIds: ['BTP', 'BNV'], deadline: by31August },
            taskIds: [uuidv7(), response.taskIds[0] as string],
          },
          clerk,
        ),
        ConcurrencyError,
      );
      const after = await loadState(ledger, directiveDecider, code);
      t.equal(after.version, before.version, 'no ClauseAdded');
      t.equal(clauseOf(after.state, '3.(2)'), null);
      const reused = await loadState(ledger, taskDecider, response.taskIds[0] as string);
      t.equal(reused.version, 1, 'the existing task is untouched');
      t.equal(reused.state.leadUnitId, 'BNV');
    });

    t.test('a clause answered from its idempotency key is not written twice', async (t) => {
      const input = { reference: '9', text: 'Báo cáo Ban Tổ chức Trung ương trước ngày 25 hằng tháng' };
      const idempotency = { key: 'clause-9', request: input };
      const first = await addClause(ledger, code, input, clerk, idempotency);
      const again = await addClause(ledger, code, input, clerk, idempotency);
      t.equal(again.replayed, true);
      t.same(again.response, first.response);
      t.same(first.response.taskIds, []);
    });

    t.test('refusals: no such directive, a duplicate reference', async (t) => {
      await t.rejects(addClause(ledger, '999-KL/TW', { reference: '1', text: 'x' }, clerk), NotFoundError);
      await t.rejects(addClause(ledger, code, { reference: '5', text: 'x' }, clerk), ValidationError);
    });

    t.test('the task lifecycle runs on the stream the clause opened', async (t) => {
      const added = await addClause(
        ledger,
        code,
        {
          reference: '3.(1)(ii)',
          text: 'Bộ Nội vụ hoàn thiện chính sách đối với cán bộ chịu tác động',
          assignment: { leadUnitIds: ['BNV'], deadline: by31August },
        },
        clerk,
      );
      const taskId = added.response.taskIds[0] as string;
      await handleCommand(ledger, taskDecider, taskId, { type: 'AcknowledgeTask' }, clerk);
      const done = await handleCommand(
        ledger,
        taskDecider,
        taskId,
        {
          type: 'ReportTaskCompletion',
          summary: 'Đã trình',
          evidence: [{ kind: 'document', code: 'TTr-1' }],
        },
        clerk,
      );
      t.equal(done.response.state.status, 'completion_reported');
      await t.rejects(
        handleCommand(ledger, taskDecider, uuidv7(), { type: 'AcknowledgeTask' }, clerk),
        NotFoundError,
      );
    });
  });
}
