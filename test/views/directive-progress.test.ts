import t from 'tap';
import type { DirectiveDocument } from '../../projections/views/directives.js';
import type { Transition } from '../../projections/views/marks.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitDocument } from '../../projections/views/units.js';
import { UnitTree } from '../../src/read/unit-tree.js';
import {
  directiveProgress,
  directivesSummary,
  outcomeOf,
  tally,
} from '../../src/views/directive-progress.js';

const unit = (id: string): UnitDocument => ({
  id,
  code: id,
  kind: 'ministry',
  parentId: null,
  nameVi: `Bộ ${id}`,
  nameEn: null,
  status: 'active',
  registeredFrom: '2025-01-01',
  endedOn: null,
  successorId: null,
  predecessorIds: [],
  heads: [],
});
const tree = new UnitTree(['A', 'B', 'C', 'D'].map(unit));

const at = (day: string, status: string): Transition => [
  new Date(`${day}T09:00:00+07:00`).toISOString(),
  1,
  status,
];
const task = (
  id: string,
  reference: string,
  leadUnitId: string,
  dueOn: string | null,
  transitions: Transition[],
  completedOn: string | null = null,
): TaskDocument =>
  ({
    id,
    directiveCode: '1-KL/TW',
    clauseReference: reference,
    leadUnitId,
    dueOn,
    completedOn,
    status: transitions.at(-1)?.[2] as string,
    transitions,
    extensions: 0,
    scenario: false,
    synthetic: false,
  }) as unknown as TaskDocument;

const done = (day: string) => [
  at('2025-08-01', 'assigned'),
  at(day, 'completion_reported'),
  at(day, 'completed'),
];
const tasks = [
  task('g-a', '2', 'A', '2025-08-31', done('2025-08-29'), '2025-08-29'),
  // Completed late, and recorded as done on 2025-09-10 whenever it was entered.
  task('g-b', '2', 'B', '2025-08-31', done('2025-09-10'), '2025-09-10'),
  task('g-c', '2', 'C', '2025-08-31', [at('2025-08-01', 'assigned'), at('2025-08-05', 'in_progress')]),
  task('s-d', '3', 'D', '2025-10-31', [at('2025-08-01', 'assigned')]),
  task('late-added', '3', 'A', null, [at('2025-09-20', 'assigned')]),
];
const directive: DirectiveDocument = {
  code: '1-KL/TW',
  kind: 'conclusion',
  title: 'An illustrative conclusion',
  issuedOn: '2025-08-01',
  issuingUnitId: 'A',
  scenario: true,
  synthetic: false,
  clauses: [
    { reference: '1', text: 'Agrees.', groupLabel: null, deadline: null, taskIds: [] },
    {
      reference: '2',
      text: 'All of them, by 2025-08-31.',
      groupLabel: 'Ministries',
      deadline: { kind: 'date', date: '2025-08-31' },
      taskIds: ['g-a', 'g-b', 'g-c'],
    },
    {
      reference: '3',
      text: 'D, by 2025-10-31.',
      groupLabel: null,
      deadline: { kind: 'date', date: '2025-10-31' },
      taskIds: ['s-d', 'late-added'],
    },
  ],
};
const now = new Date('2025-09-15T10:00:00+07:00');

t.test(
  'per clause: tasks by state, on time, late, overdue, and each lead unit of a group clause',
  async (t) => {
    const p = directiveProgress(directive, tasks, tree, { now, validAt: null });
    t.equal(p.clauses.length, 3);
    t.same(p.tally, {
      tasks: 5,
      byStatus: { completed: 2, in_progress: 1, assigned: 2 },
      onTime: 1,
      late: 1,
      overdue: 1,
    });
    const [agrees, group, single] = p.clauses;
    t.same(agrees?.tally, { tasks: 0, byStatus: {}, onTime: 0, late: 0, overdue: 0 });
    t.same(group?.tally, {
      tasks: 3,
      byStatus: { completed: 2, in_progress: 1 },
      onTime: 1,
      late: 1,
      overdue: 1,
    });
    t.same(
      group?.units.map((u) => [u.unitId, u.unitName, u.status, u.completedOn, u.outcome]),
      [
        ['A', 'Bộ A', 'completed', '2025-08-29', 'on_time'],
        ['B', 'Bộ B', 'completed', '2025-09-10', 'late'],
        ['C', 'Bộ C', 'in_progress', null, 'overdue'],
      ],
    );
    t.same(single?.tally.overdue, 0, 'not due yet');
    t.equal(group?.groupLabel, 'Ministries');
  },
);

t.test('validAt: the tasks as they stood that day; tasks not yet assigned drop out', async (t) => {
  const p = directiveProgress(directive, tasks, tree, {
    now: new Date('2025-09-05T23:59:59+07:00'),
    validAt: '2025-09-05',
  });
  const group = p.clauses[1];
  t.same(
    group?.units.map((u) => [u.unitId, u.status, u.outcome]),
    [
      ['A', 'completed', 'on_time'],
      ['B', 'assigned', 'overdue'],
      ['C', 'in_progress', 'overdue'],
    ],
  );
  t.equal(p.clauses[2]?.tally.tasks, 1, 'the task assigned on 2025-09-20 did not exist yet');
  t.equal(p.tally.tasks, 4);
});

t.test('outcomes: on time on the due day, late after, overdue only while owed', async (t) => {
  t.equal(outcomeOf({ status: 'completed', dueOn: '2025-08-31', completedOn: '2025-08-31' }, now), 'on_time');
  t.equal(outcomeOf({ status: 'completed', dueOn: '2025-08-31', completedOn: '2025-09-01' }, now), 'late');
  t.equal(outcomeOf({ status: 'completed', dueOn: null, completedOn: '2025-09-01' }, now), 'on_time');
  t.equal(outcomeOf({ status: 'completion_reported', dueOn: '2025-08-31', completedOn: null }, now), null);
  t.equal(outcomeOf({ status: 'cancelled', dueOn: '2025-08-31', completedOn: null }, now), null);
  t.equal(outcomeOf({ status: 'assigned', dueOn: null, completedOn: null }, now), null);
});

t.test('the summary: one line per directive, from grouped tallies', async (t) => {
  const lines = [
    {
      directiveCode: '1-KL/TW',
      status: 'assigned',
      dueOn: '2025-08-31',
      completedOn: null,
      transitions: [],
      n: 30,
    },
    {
      directiveCode: '1-KL/TW',
      status: 'completed',
      dueOn: '2025-08-31',
      completedOn: '2025-08-30',
      transitions: [],
      n: 3,
    },
    {
      directiveCode: '1-KL/TW',
      status: 'completed',
      dueOn: '2025-08-31',
      completedOn: '2025-09-03',
      transitions: [],
      n: 2,
    },
  ];
  const { clauses: _, ...heading } = directive;
  const [line, empty] = directivesSummary(
    [
      { ...heading, clauseCount: 3 },
      { ...heading, code: '2-KL/TW', clauseCount: 0 },
    ],
    lines,
    { now, validAt: null },
  );
  t.match(line, { code: '1-KL/TW', clauses: 3, tally: { tasks: 35, onTime: 3, late: 2, overdue: 30 } });
  t.match(empty, { code: '2-KL/TW', clauses: 0, tally: { tasks: 0 } });
  t.same(tally([], { now, validAt: null }).byStatus, {});
});
