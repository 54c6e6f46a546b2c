import t from 'tap';
import type { Deadline } from '../../events/deadline.js';
import { type TaskEvent, taskEvents } from '../../events/tasks.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { type TaskCommand, taskDecider } from '../../src/domain/tasks/decide.js';
import type { TaskStatus } from '../../src/domain/tasks/task.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';

const context: CommandContext = {
  now: new Date('2025-09-01T03:00:00Z'),
  newId: () => 'id',
  actor: { id: 'bnv-1', role: 'unit' },
};

const schemaOf = new Map(taskEvents.map((d) => [d.type, d.schema]));

/** Given these events, when this command: the decided events, each checked against its schema. */
function given(...history: TaskEvent[]) {
  const state = history.reduce(taskDecider.evolve, taskDecider.initialState);
  return {
    state,
    when: (command: TaskCommand) => {
      const decided = taskDecider.decide(command, state, context);
      for (const d of decided) schemaOf.get(d.event.type)?.parse(d.event.data);
      return decided;
    },
    /** The events after this command, and the state they make. */
    after: (command: TaskCommand) => {
      const decided = taskDecider.decide(command, state, context);
      for (const d of decided) schemaOf.get(d.event.type)?.parse(d.event.data);
      return given(...history, ...decided.map((d) => d.event));
    },
  };
}

const by31August: Deadline = { kind: 'date', date: '2025-08-31' };

// Conclusion 183-KL/TW, clause 3.(1)(i): the Ministry of Home Affairs, by 2025-08-31.
const assign: TaskCommand = {
  type: 'AssignTask',
  directiveCode: '183-KL/TW',
  clauseReference: '3.(1)(i)',
  leadUnitId: 'BNV',
  coordinatingUnitIds: ['BTP'],
  description: 'Đào tạo, bồi dưỡng cán bộ, công chức cấp xã; xây dựng bộ công cụ đánh giá',
  expectedOutput: 'a toolkit to evaluate civil-servant performance',
  deadline: by31August,
};
const evidence = [{ kind: 'document' as const, code: '1234/BNV-CCVC' }];
const grantedBy = { name: 'Người ký', title: 'Trưởng Ban Tổ chức Trung ương' };

const commands: Record<TaskCommand['type'], TaskCommand> = {
  AssignTask: assign,
  AcknowledgeTask: { type: 'AcknowledgeTask', note: 'Đã tiếp nhận' },
  ReportTaskProgress: { type: 'ReportTaskProgress', narrative: 'Đã tổ chức 12 lớp bồi dưỡng', percent: 40 },
  ReportTaskCompletion: { type: 'ReportTaskCompletion', summary: 'Hoàn thành', evidence },
  ConfirmTaskCompletion: { type: 'ConfirmTaskCompletion' },
  ReturnTaskCompletion: { type: 'ReturnTaskCompletion', reason: 'Thiếu bộ công cụ đánh giá' },
  ExtendTaskDeadline: {
    type: 'ExtendTaskDeadline',
    newDeadline: { kind: 'date', date: '2025-10-30' },
    grantedBy,
    reason: 'Kết luận 195-KL/TW',
  },
  EndTask: { type: 'EndTask', endedOn: '2025-08-31', reason: 'Sau ngày 31/8/2025 thì kết thúc' },
  CancelTask: { type: 'CancelTask', reason: 'Nhập nhầm' },
  SupersedeTask: { type: 'SupersedeTask', byDirectiveCode: '195-KL/TW', reason: 'Kết luận 195-KL/TW' },
};

const assigned = given().after(assign);
const acknowledged = assigned.after(commands.AcknowledgeTask);
const inProgress = acknowledged.after(commands.ReportTaskProgress);
const reported = inProgress.after(commands.ReportTaskCompletion);

// A history that reaches each state, and what that state allows.
const states: Record<TaskStatus, [ReturnType<typeof given>, TaskCommand['type'][]]> = {
  unassigned: [given(), ['AssignTask']],
  assigned: [assigned, ['AcknowledgeTask', 'ExtendTaskDeadline', 'EndTask', 'CancelTask', 'SupersedeTask']],
  acknowledged: [
    acknowledged,
    [
      'ReportTaskProgress',
      'ReportTaskCompletion',
      'ExtendTaskDeadline',
      'EndTask',
      'CancelTask',
      'SupersedeTask',
    ],
  ],
  in_progress: [
    inProgress,
    [
      'ReportTaskProgress',
      'ReportTaskCompletion',
      'ExtendTaskDeadline',
      'EndTask',
      'CancelTask',
      'SupersedeTask',
    ],
  ],
  completion_reported: [
    reported,
    [
      'ConfirmTaskCompletion',
      'ReturnTaskCompletion',
      'ExtendTaskDeadline',
      'EndTask',
      'CancelTask',
      'SupersedeTask',
    ],
  ],
  completed: [reported.after(commands.ConfirmTaskCompletion), []],
  ended: [assigned.after(commands.EndTask), []],
  cancelled: [assigned.after(commands.CancelTask), []],
  superseded: [assigned.after(commands.SupersedeTask), []],
};

t.test('each state takes exactly its commands; any other is refused with state and allowed', async (t) => {
  for (const [status, [task, allowed]] of Object.entries(states)) {
    t.equal(task.state.status, status);
    for (const command of Object.values(commands)) {
      if (allowed.includes(command.type)) {
        t.doesNotThrow(() => task.when(command), `${status} takes ${command.type}`);
        continue;
      }
      const error = t.throws(
        () => task.when(command),
        `${status} refuses ${command.type}`,
      ) as InvalidStateError;
      t.ok(error instanceof InvalidStateError);
      t.same(error.details, { state: status, allowedCommands: allowed });
    }
  }
});

t.test('assignment records the clause, the lead, its helpers and the deadline', async (t) => {
  const [decided] = given().when(assign);
  t.same(decided?.event, {
    type: 'TaskAssigned',
    data: {
      directiveCode: '183-KL/TW',
      clauseReference: '3.(1)(i)',
      leadUnitId: 'BNV',
      coordinatingUnitIds: ['BTP'],
      description: assign.description,
      expectedOutput: 'a toolkit to evaluate civil-servant performance',
      deadline: by31August,
      endsOn: null,
      fromGroup: null,
    },
  });
  t.equal(decided?.occurredAt, context.now);
  t.equal(decided?.reason, null);
  t.match(assigned.state, {
    status: 'assigned',
    directiveCode: '183-KL/TW',
    leadUnitId: 'BNV',
    originalDeadline: by31August,
    deadline: by31August,
  });
});

t.test(
  'a task from a group keeps the group (195-KL/TW: the Fatherland Front, first week of October)',
  async (t) => {
    const fromGroup = { kind: 'mass_organization', parentId: null, label: 'central mass organizations' };
    const { state } = given().after({
      type: 'AssignTask',
      directiveCode: '195-KL/TW',
      clauseReference: '4',
      leadUnitId: 'HLHPN',
      description: 'Báo cáo Bộ Chính trị, Ban Bí thư về sắp xếp tổ chức chính trị - xã hội',
      deadline: { kind: 'week', month: '2025-10', week: 1 },
      endsOn: '2025-10-07',
      fromGroup,
    });
    t.same(state.fromGroup, fromGroup);
    t.same(state.deadline, { kind: 'week', month: '2025-10', week: 1 });
    t.equal(state.endsOn, '2025-10-07');
    t.equal(state.expectedOutput, null);
    t.same(state.coordinatingUnitIds, []);
  },
);

t.test('the lifecycle: acknowledge, report progress twice, report completion, confirm', async (t) => {
  t.same(acknowledged.state.status, 'acknowledged');
  const [progress] = acknowledged.when({ type: 'ReportTaskProgress', narrative: 'Đang soạn thảo' });
  t.same(progress?.event.data, { narrative: 'Đang soạn thảo', percent: null });
  const twice = inProgress.after({
    type: 'ReportTaskProgress',
    narrative: 'Đã ban hành dự thảo',
    percent: 80,
  });
  t.same(
    twice.state.progress.map((p) => p.percent),
    [40, 80],
  );
  t.equal(twice.state.status, 'in_progress');
  t.match(reported.state, { status: 'completion_reported', completion: { evidence, confirmed: false } });
  const done = reported.after({ type: 'ConfirmTaskCompletion', note: 'Đạt yêu cầu' });
  t.match(done.state, { status: 'completed', completion: { confirmed: true, note: 'Đạt yêu cầu' } });
});

t.test('completion may be reported straight from acknowledged', async (t) => {
  const { state } = acknowledged.after(commands.ReportTaskCompletion);
  t.equal(state.status, 'completion_reported');
});

t.test('a returned completion goes back to in progress, with its reason, and is counted', async (t) => {
  const [returned] = reported.when({
    type: 'ReturnTaskCompletion',
    reason: 'Thiếu minh chứng',
    note: 'Bổ sung',
  });
  t.same(returned?.event, { type: 'TaskCompletionReturned', data: { note: 'Bổ sung' } });
  t.equal(returned?.reason, 'Thiếu minh chứng');
  const back = reported.after(commands.ReturnTaskCompletion);
  t.equal(back.state.status, 'in_progress');
  t.equal(back.state.returns, 1);
  const again = back.after(commands.ReportTaskCompletion).after(commands.ReturnTaskCompletion);
  t.equal(again.state.returns, 2);
});

t.test('an extension moves the deadline and keeps the original', async (t) => {
  const [extended] = inProgress.when(commands.ExtendTaskDeadline);
  t.same(extended?.event, {
    type: 'TaskDeadlineExtended',
    data: { previousDeadline: by31August, newDeadline: { kind: 'date', date: '2025-10-30' }, grantedBy },
  });
  t.equal(extended?.reason, 'Kết luận 195-KL/TW');
  const twice = inProgress.after(commands.ExtendTaskDeadline).after({
    type: 'ExtendTaskDeadline',
    newDeadline: { kind: 'month', month: '2025-11' },
    grantedBy,
    reason: 'Báo cáo Hội nghị Trung ương 14',
  });
  t.same(twice.state.originalDeadline, by31August);
  t.same(twice.state.deadline, { kind: 'month', month: '2025-11' });
  t.same(
    twice.state.extensions.map((e) => [e.from, e.to]),
    [
      [by31August, { kind: 'date', date: '2025-10-30' }],
      [
        { kind: 'date', date: '2025-10-30' },
        { kind: 'month', month: '2025-11' },
      ],
    ],
  );
  t.equal(twice.state.status, 'in_progress', 'an extension does not change the state');
});

t.test('an extension must move the deadline later', async (t) => {
  const cases: [Deadline, string][] = [
    [by31August, 'the same deadline'],
    [{ kind: 'date', date: '2025-08-15' }, 'an earlier date'],
    [{ kind: 'week', month: '2025-08', week: 5 }, 'the week ending on the same day'],
  ];
  for (const [newDeadline, name] of cases) {
    const error = t.throws(
      () => assigned.when({ ...commands.ExtendTaskDeadline, newDeadline } as TaskCommand),
      name,
    ) as ValidationError;
    t.same(
      error.issues.map((i) => i.path),
      ['newDeadline'],
      name,
    );
  }
  const open = given().after({ ...assign, deadline: { kind: 'none' } } as TaskCommand);
  const error = t.throws(() => open.when(commands.ExtendTaskDeadline)) as ValidationError;
  t.same(
    error.issues.map((i) => i.path),
    ['newDeadline'],
    'no deadline to extend',
  );
  const monthly = given().after({
    ...assign,
    deadline: { kind: 'recurring_monthly', dayOfMonth: 25 },
  } as TaskCommand);
  const [moved] = monthly.when({
    ...commands.ExtendTaskDeadline,
    newDeadline: { kind: 'recurring_monthly', dayOfMonth: 28 },
  } as TaskCommand);
  t.equal(moved?.event.type, 'TaskDeadlineExtended', 'a recurring day may move');
});

t.test('ending, cancelling and superseding close the task', async (t) => {
  const ended = inProgress.after(commands.EndTask);
  t.match(ended.state, { status: 'ended', endedOn: '2025-08-31' });
  const superseded = reported.after(commands.SupersedeTask);
  t.match(superseded.state, { status: 'superseded', supersededBy: '195-KL/TW' });
  const [cancelled] = acknowledged.when(commands.CancelTask);
  t.same(cancelled?.event, { type: 'TaskCancelled', data: {} });
  t.equal(cancelled?.reason, 'Nhập nhầm');
});

t.test('a decision that must be explained refuses a missing or blank reason', async (t) => {
  const needing: [ReturnType<typeof given>, TaskCommand][] = [
    [reported, commands.ReturnTaskCompletion],
    [assigned, commands.ExtendTaskDeadline],
    [assigned, commands.EndTask],
    [assigned, commands.CancelTask],
    [assigned, commands.SupersedeTask],
  ];
  for (const [task, command] of needing) {
    for (const reason of [undefined, '', '   ']) {
      const error = t.throws(() => task.when({ ...command, reason } as TaskCommand)) as ValidationError;
      t.ok(error instanceof ValidationError, `${command.type} with reason ${JSON.stringify(reason)}`);
      t.same(
        error.issues.map((i) => i.path),
        ['reason'],
      );
    }
  }
});

t.test('commands refuse with the field at fault', async (t) => {
  const cases: [ReturnType<typeof given>, TaskCommand, string][] = [
    [given(), { ...assign, coordinatingUnitIds: ['BNV'] } as TaskCommand, 'coordinatingUnitIds'],
    [given(), { ...assign, leadUnitId: '' } as TaskCommand, 'leadUnitId'],
    [given(), { ...assign, description: ' ' } as TaskCommand, 'description'],
    [acknowledged, { type: 'ReportTaskProgress', narrative: '' }, 'narrative'],
    [acknowledged, { type: 'ReportTaskProgress', narrative: 'x', percent: 101 }, 'percent'],
    [acknowledged, { type: 'ReportTaskProgress', narrative: 'x', percent: -1 }, 'percent'],
    [acknowledged, { type: 'ReportTaskProgress', narrative: 'x', percent: 12.5 }, 'percent'],
    [acknowledged, { type: 'ReportTaskCompletion', summary: 'x', evidence: [] as never }, 'evidence'],
    [acknowledged, { type: 'ReportTaskCompletion', summary: '', evidence }, 'summary'],
    [assigned, { ...commands.EndTask, endedOn: '2025-09-02' } as TaskCommand, 'endedOn'],
    [assigned, { ...commands.SupersedeTask, byDirectiveCode: '183-KL/TW' } as TaskCommand, 'byDirectiveCode'],
    [assigned, { ...commands.AcknowledgeTask, occurredAt: new Date('2025-09-02T00:00:00Z') }, 'occurredAt'],
  ];
  for (const [task, command, path] of cases) {
    const error = t.throws(() => task.when(command), path) as ValidationError;
    t.ok(error instanceof ValidationError, path);
    t.same(
      error.issues.map((i) => i.path),
      [path],
    );
  }
});

t.test('a command carries when it happened: its events take that valid time', async (t) => {
  const at = new Date('2025-08-20T02:00:00Z');
  const [decided] = assigned.when({ type: 'AcknowledgeTask', occurredAt: at });
  t.equal(decided?.occurredAt, at);
  t.same(decided?.event.data, { note: null });
});
