import t from 'tap';
import { ClauseAdded, type DirectiveEvent, DirectiveIssued } from '../../events/directives.js';
import type { CommandContext } from '../../src/domain/decider.js';
import {
  type AddClause,
  type DirectiveCommand,
  directiveDecider,
} from '../../src/domain/directives/decide.js';
import { clauseOf } from '../../src/domain/directives/directive.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';

const context: CommandContext = {
  now: new Date('2025-10-01T03:00:00Z'),
  newId: () => 'id',
  actor: { id: 'office-1', role: 'clerk' },
};

const schemas = { DirectiveIssued: DirectiveIssued.schema, ClauseAdded: ClauseAdded.schema };

/** Given these events, when this command: the decided events, each checked against its schema. */
function given(...history: DirectiveEvent[]) {
  const state = history.reduce(directiveDecider.evolve, directiveDecider.initialState);
  return {
    state,
    when: (command: DirectiveCommand) => {
      const decided = directiveDecider.decide(command, state, context);
      for (const d of decided) schemas[d.event.type].parse(d.event.data);
      return decided;
    },
  };
}

const issue183: DirectiveCommand = {
  type: 'IssueDirective',
  code: '183-KL/TW',
  kind: 'conclusion',
  title: 'Kết luận của Bộ Chính trị, Ban Bí thư về tình hình hoạt động của chính quyền địa phương 2 cấp',
  issuedOn: '2025-08-01',
  issuingUnitId: 'BCT',
  references: [{ code: '428-BC/BTCTW', relation: 'based_on' }],
};

const issued183: DirectiveEvent = {
  type: 'DirectiveIssued',
  data: {
    code: '183-KL/TW',
    kind: 'conclusion',
    title: issue183.title,
    issuedOn: '2025-08-01',
    issuingUnitId: 'BCT',
    signer: null,
    references: [{ code: '428-BC/BTCTW', relation: 'based_on' }],
  },
};

const clause3_1_i: AddClause = {
  type: 'AddClause',
  reference: '3.(1)(i)',
  text: 'Bộ Nội vụ chủ trì, phối hợp với các bộ, ngành liên quan đào tạo, bồi dưỡng cán bộ, công chức cấp xã',
  assignment: {
    leadUnitIds: ['BNV'],
    coordinatingUnitIds: ['BTP'],
    expectedOutput: 'a toolkit to evaluate civil-servant performance',
    deadline: { kind: 'date', date: '2025-08-31' },
  },
  taskIds: ['task-bnv-3-1-i'],
};

t.test('issuing Conclusion 183-KL/TW records it, at now unless told when', async (t) => {
  const [decided] = given().when(issue183);
  t.same(decided?.event, issued183);
  t.equal(decided?.occurredAt, context.now);
  const at = new Date('2025-08-01T09:00:00+07:00');
  t.equal(given().when({ ...issue183, occurredAt: at })[0]?.occurredAt, at);
  t.equal(given(issued183).state.status, 'issued');
});

t.test('a directive records its signer (195-KL/TW, the standing member of the Secretariat)', async (t) => {
  const [decided] = given().when({
    ...issue183,
    code: '195-KL/TW',
    issuedOn: '2025-09-26',
    // The sources name the office, not the person: the name is a placeholder.
    signer: { name: 'Người ký', title: 'Thường trực Ban Bí thư' },
    references: [{ code: '192-KL/TW', relation: 'implements' }],
  });
  t.match(decided?.event.data, { signer: { title: 'Thường trực Ban Bí thư' } });
});

t.test('a directive is issued once: the error names the state and what it allows', async (t) => {
  const error = t.throws(() => given(issued183).when(issue183)) as InvalidStateError;
  t.ok(error instanceof InvalidStateError);
  t.same(error.details, { state: 'issued', allowedCommands: ['AddClause'] });
});

t.test('a clause cannot be added to a directive not yet issued', async (t) => {
  const error = t.throws(() => given().when(clause3_1_i)) as InvalidStateError;
  t.ok(error instanceof InvalidStateError);
  t.same(error.details, { state: 'unissued', allowedCommands: ['IssueDirective'] });
});

t.test('issuing refuses a future date, a self-reference and a document referenced twice', async (t) => {
  const cases: [Partial<DirectiveCommand>, string][] = [
    [{ issuedOn: '2025-10-02' }, 'issuedOn'],
    [{ references: [{ code: '183-KL/TW', relation: 'references' }] }, 'references'],
    [
      {
        references: [
          { code: '56-KH/BCĐ', relation: 'references' },
          { code: '56-KH/BCĐ', relation: 'implements' },
        ],
      },
      'references',
    ],
    [{ title: '  ' }, 'title'],
  ];
  for (const [change, path] of cases) {
    const error = t.throws(() =>
      given().when({ ...issue183, ...change } as DirectiveCommand),
    ) as ValidationError;
    t.ok(error instanceof ValidationError, path);
    t.equal(error.issues[0]?.path, path);
  }
});

t.test('clause 3.(1)(i): the Ministry of Home Affairs leads, with a task id, by 2025-08-31', async (t) => {
  const [decided] = given(issued183).when(clause3_1_i);
  t.same(decided?.event, {
    type: 'ClauseAdded',
    data: {
      reference: '3.(1)(i)',
      text: clause3_1_i.text,
      assignment: {
        leadUnitIds: ['BNV'],
        group: null,
        coordinatingUnitIds: ['BTP'],
        expectedOutput: 'a toolkit to evaluate civil-servant performance',
        deadline: { kind: 'date', date: '2025-08-31' },
        endsOn: null,
        taskIds: ['task-bnv-3-1-i'],
      },
    },
  });
  const after = given(issued183, decided?.event as DirectiveEvent).state;
  t.same(clauseOf(after, '3.(1)(i)')?.assignment?.taskIds, ['task-bnv-3-1-i']);
  t.equal(clauseOf(after, '9'), null);
});

t.test('a clause addressed to a group records the group as written, one task per member', async (t) => {
  const [decided] = given(issued183).when({
    type: 'AddClause',
    reference: '4.(2)',
    text: 'Giải quyết dứt điểm chế độ, chính sách đối với cán bộ chịu tác động của việc sắp xếp',
    assignment: {
      leadUnitIds: ['TQU', 'LCA', 'HNO'],
      group: { kind: 'provincial_peoples_committee', label: 'all ministries, branches and localities' },
      deadline: { kind: 'date', date: '2025-08-31' },
      endsOn: '2025-08-31',
    },
    taskIds: ['t1', 't2', 't3'],
  });
  t.match(decided?.event.data, {
    assignment: {
      leadUnitIds: ['TQU', 'LCA', 'HNO'],
      group: {
        kind: 'provincial_peoples_committee',
        parentId: null,
        label: 'all ministries, branches and localities',
      },
      endsOn: '2025-08-31',
      taskIds: ['t1', 't2', 't3'],
    },
  });
});

t.test('clause 9: reports to the Central Organizing Committee by the 25th of every month', async (t) => {
  const [decided] = given(issued183).when({
    type: 'AddClause',
    reference: '9',
    text: 'Báo cáo Ban Tổ chức Trung ương trước ngày 25 hằng tháng',
    assignment: {
      leadUnitIds: ['DUCP'],
      deadline: { kind: 'recurring_monthly', dayOfMonth: 25 },
    },
    taskIds: ['t9'],
  });
  t.match(decided?.event.data, { assignment: { deadline: { kind: 'recurring_monthly', dayOfMonth: 25 } } });
});

t.test('a clause without an assignment opens no task (clause 1 agrees with the reports)', async (t) => {
  const clause1: AddClause = { type: 'AddClause', reference: '1', text: 'Đồng ý với các báo cáo' };
  const [decided] = given(issued183).when(clause1);
  t.same(decided?.event.data, { reference: '1', text: 'Đồng ý với các báo cáo', assignment: null });
  const error = t.throws(() => given(issued183).when({ ...clause1, taskIds: ['x'] })) as ValidationError;
  t.equal(error.issues[0]?.path, 'taskIds');
});

t.test('a clause refuses with the field at fault', async (t) => {
  const withClause = given(issued183, given(issued183).when(clause3_1_i)[0]?.event as DirectiveEvent);
  const assignment = clause3_1_i.assignment as NonNullable<AddClause['assignment']>;
  const cases: [string, AddClause, string][] = [
    ['a duplicate reference', clause3_1_i, 'reference'],
    ['a blank reference', { ...clause3_1_i, reference: ' ' }, 'reference'],
    ['blank text', { ...clause3_1_i, reference: '3.(2)', text: '' }, 'text'],
    [
      'no lead unit',
      { ...clause3_1_i, reference: '3.(2)', assignment: { ...assignment, leadUnitIds: [] }, taskIds: [] },
      'assignment.leadUnitIds',
    ],
    [
      'a lead unit twice',
      { ...clause3_1_i, reference: '3.(2)', assignment: { ...assignment, leadUnitIds: ['BTP', 'BTP'] } },
      'assignment.leadUnitIds',
    ],
    [
      'a coordinating unit that also leads',
      { ...clause3_1_i, reference: '3.(2)', assignment: { ...assignment, coordinatingUnitIds: ['BNV'] } },
      'assignment.coordinatingUnitIds',
    ],
    [
      'a coordinating unit twice',
      {
        ...clause3_1_i,
        reference: '3.(2)',
        assignment: { ...assignment, coordinatingUnitIds: ['BTP', 'BTP'] },
      },
      'assignment.coordinatingUnitIds',
    ],
    [
      'an end before the directive was issued',
      { ...clause3_1_i, reference: '3.(2)', assignment: { ...assignment, endsOn: '2025-07-31' } },
      'assignment.endsOn',
    ],
    ['no task ids', { ...clause3_1_i, reference: '3.(2)', taskIds: undefined }, 'taskIds'],
    [
      'a task id twice',
      {
        ...clause3_1_i,
        reference: '3.(2)',
        assignment: { ...assignment, leadUnitIds: ['BNV', 'BTP'], coordinatingUnitIds: [] },
        taskIds: ['t', 't'],
      },
      'taskIds',
    ],
  ];
  for (const [name, command, path] of cases) {
    const error = t.throws(() => withClause.when(command), name) as ValidationError;
    t.ok(error instanceof ValidationError, name);
    t.same(
      error.issues?.map((i) => i.path),
      [path],
      name,
    );
  }
});

t.test('a command may not claim to have happened in the future', async (t) => {
  const error = t.throws(() =>
    given(issued183).when({ ...clause3_1_i, occurredAt: new Date('2025-10-01T03:06:00Z') }),
  ) as ValidationError;
  t.same(
    error.issues.map((i) => i.path),
    ['occurredAt'],
  );
  const skew = new Date('2025-10-01T03:04:00Z');
  t.equal(given(issued183).when({ ...clause3_1_i, occurredAt: skew })[0]?.occurredAt, skew, 'clock skew');
  const nonsense = t.throws(() =>
    given(issued183).when({ ...clause3_1_i, occurredAt: new Date('nonsense') }),
  ) as ValidationError;
  t.same(
    nonsense.issues.map((i) => i.path),
    ['occurredAt'],
  );
});
