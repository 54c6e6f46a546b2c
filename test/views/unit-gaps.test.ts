import t from 'tap';
import type { Transition } from '../../projections/views/marks.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitDocument } from '../../projections/views/units.js';
import { UnitTree } from '../../src/read/unit-tree.js';
import {
  findGaps,
  type GapsInput,
  listedIds,
  type ShortcomingLine,
  type TaskLine,
  unitGapsSections,
} from '../../src/views/unit-gaps.js';

const unit = (id: string, change: Partial<UnitDocument> = {}): UnitDocument => ({
  id,
  code: id,
  kind: 'commune',
  parentId: null,
  nameVi: `Unit ${id}`,
  nameEn: null,
  status: 'active',
  registeredFrom: '2025-01-01',
  endedOn: null,
  successorId: null,
  predecessorIds: [],
  heads: [],
  ...change,
});

// A province formed by a merger on 2025-07-01, two communes under it (one absorbed an older
// commune), its people's committee, and a province outside.
const tree = new UnitTree([
  unit('P', { kind: 'provincial_party_committee', predecessorIds: ['P-old'] }),
  unit('P-old', { status: 'merged', successorId: 'P', endedOn: '2025-07-01' }),
  unit('C1', { parentId: 'P' }),
  unit('C2', { parentId: 'P', predecessorIds: ['C2-old'] }),
  unit('C2-old', { parentId: 'P-old', status: 'merged', successorId: 'C2', endedOn: '2025-07-01' }),
  unit('UBND', { parentId: 'P', kind: 'provincial_peoples_committee' }),
  unit('Q', { kind: 'provincial_party_committee' }),
]);

const at = (day: string, status: string, position = 1): Transition => [
  new Date(`${day}T09:00:00+07:00`).toISOString(),
  position,
  status,
];
const task = (id: string, unitId: string, dueOn: string | null, transitions: Transition[]): TaskLine => ({
  id,
  unitId,
  dueOn,
  status: transitions.at(-1)?.[2] as string,
  transitions,
});
const shortcoming = (
  id: string,
  unitId: string,
  severity: string,
  transitions: Transition[],
  targetDate: string | null = null,
): ShortcomingLine => ({
  id,
  unitId,
  severity,
  targetDate,
  status: transitions.at(-1)?.[2] as string,
  transitions,
});

const tasks = [
  task('t-c1', 'C1', '2025-08-31', [at('2025-08-01', 'assigned')]),
  task('t-c2', 'C2', '2025-09-10', [at('2025-08-01', 'assigned'), at('2025-08-05', 'in_progress')]),
  task('t-old', 'P-old', '2025-08-15', [at('2025-06-01', 'assigned')]),
  // Done on 2025-09-02 (recorded later): overdue on 2025-09-01 only.
  task('t-p', 'P', '2025-09-01', [
    at('2025-08-01', 'assigned'),
    at('2025-09-02', 'completion_reported'),
    at('2025-09-04', 'completed'),
  ]),
];
const shortcomings = [
  shortcoming('s-old', 'P-old', 'medium', [at('2025-06-20', 'open'), at('2025-07-10', 'in_progress')]),
  shortcoming('s-c1', 'C1', 'high', [at('2025-08-01', 'open'), at('2025-08-20', 'remediation_reported')]),
  shortcoming('s-c2-old', 'C2-old', 'critical', [at('2025-06-01', 'open')]),
  shortcoming('s-closed', 'C1', 'low', [at('2025-08-01', 'open'), at('2025-09-01', 'closed_implemented')]),
];

const input = (change: Partial<GapsInput> = {}): GapsInput => ({
  tree,
  unitId: 'P',
  now: new Date('2025-09-05T10:00:00+07:00'),
  validAt: null,
  dueWithinDays: 14,
  tasks,
  shortcomings,
  months: [],
  obligations: [],
  reports: [],
  ...change,
});
const ids = (lines: { id: string }[]) => lines.map((l) => l.id);

t.test(
  'a province’s gaps take in its communes and its merged predecessors, rolled up per unit under it',
  async (t) => {
    const found = findGaps(input());
    t.same(ids(found.overdueTasks), ['t-old', 't-c1'], 'most overdue first; the completed task is not owed');
    t.same(ids(found.tasksDueSoon), ['t-c2']);
    t.same(ids(found.openShortcomings), ['s-c2-old', 's-old'], 'gravest first; closed ones left out');
    t.same(ids(found.awaitingVerification), ['s-c1']);
    t.same(found.totals, {
      openShortcomings: 2,
      awaitingVerification: 1,
      overdueTasks: 2,
      tasksDueSoon: 1,
      monthlyReports: 0,
    });
    const row = (id: string) => found.rollUp.find((r) => r.unitId === id);
    t.match(
      row('P'),
      { own: true, overdueTasks: 1, openShortcomings: 1, total: 2 },
      'the predecessor’s items are the province’s own',
    );
    t.match(row('C1'), { overdueTasks: 1, awaitingVerification: 1, total: 2 });
    t.match(
      row('C2'),
      { tasksDueSoon: 1, openShortcomings: 1, total: 2 },
      'an absorbed commune rolls up to its successor',
    );
    t.match(row('UBND'), { total: 0 }, 'every unit directly under is listed, even with nothing owed');
    t.equal(found.rollUp[0]?.unitId, 'P', 'the unit itself first');
    t.notOk(row('Q'), 'nothing outside the scope');
  },
);

t.test('overdue and due soon move with now', async (t) => {
  const early = findGaps(input({ now: new Date('2025-08-20T10:00:00+07:00') }));
  t.same(ids(early.overdueTasks), ['t-old']);
  t.same(ids(early.tasksDueSoon), ['t-c1'], 'due within 14 days of 2025-08-20 (t-p is done, as known now)');
  const endOfDueDay = findGaps(input({ now: new Date('2025-08-31T23:59:59+07:00') }));
  t.notOk(ids(endOfDueDay.overdueTasks).includes('t-c1'), 'not overdue until its due day is over in Vietnam');
  const nextDay = findGaps(input({ now: new Date('2025-09-01T00:00:00+07:00') }));
  t.ok(ids(nextDay.overdueTasks).includes('t-c1'));
  const narrow = findGaps(input({ now: new Date('2025-08-20T10:00:00+07:00'), dueWithinDays: 3 }));
  t.same(ids(narrow.tasksDueSoon), []);
});

t.test('validAt: each item as it stood that day, a late-recorded completion done on its date', async (t) => {
  const before = findGaps(input({ validAt: '2025-09-01', now: new Date('2025-09-01T23:59:59+07:00') }));
  t.same(ids(before.overdueTasks), ['t-old', 't-c1']);
  t.same(ids(before.awaitingVerification), ['s-c1']);
  t.same(
    ids(before.openShortcomings),
    ['s-c2-old', 's-old'],
    'closed on 2025-09-01: no longer open that evening',
  );
  const earlier = findGaps(input({ validAt: '2025-08-10', now: new Date('2025-08-10T23:59:59+07:00') }));
  t.same(
    ids(earlier.openShortcomings),
    ['s-c2-old', 's-c1', 's-old', 's-closed'],
    'all four were open then, the gravest first',
  );
  t.same(ids(earlier.awaitingVerification), [], 'the remedy was reported later');
  const day = findGaps(input({ validAt: '2025-09-03', now: new Date('2025-09-05T10:00:00+07:00') }));
  t.notOk(ids(day.overdueTasks).includes('t-p'), 'reported done on 2025-09-02: not owed on 2025-09-03');
  const preFlag = findGaps(input({ validAt: '2025-05-31' }));
  t.equal(preFlag.totals.openShortcomings, 0, 'items not yet flagged drop out');
});

t.test('monthly reports late or missing for the reporting units in scope', async (t) => {
  const obligations = [
    { taskId: 'r-p', unitId: 'P', assignedOn: '2025-08-01', closedOn: null },
    { taskId: 'r-c1', unitId: 'C1', assignedOn: '2025-08-01', closedOn: null },
    { taskId: 'r-c2', unitId: 'C2', assignedOn: '2025-09-26', closedOn: null },
  ];
  const filed = (unitId: string, period: string, at: string) => ({
    unitId,
    period,
    dueOn: `${period}-25`,
    filedAt: new Date(at).toISOString(),
    scenario: false,
    synthetic: false,
  });
  const reports = [
    filed('P', '2025-08', '2025-08-20T10:00:00+07:00'),
    filed('C1', '2025-08', '2025-08-27T10:00:00+07:00'),
    filed('P', '2025-09', '2025-09-25T23:30:00+07:00'),
  ];
  const found = findGaps(
    input({
      months: ['2025-09', '2025-08'],
      obligations,
      reports,
      now: new Date('2025-10-01T10:00:00+07:00'),
    }),
  );
  t.same(
    found.monthlyReports.map((r) => [r.period, r.unitId, r.status]),
    [
      ['2025-09', 'C1', 'missing'],
      ['2025-08', 'C1', 'late'],
    ],
    'on time is no gap; a unit expected only from later months is not asked for earlier ones',
  );
  t.match(
    found.rollUp.find((r) => r.unitId === 'C1'),
    { monthlyReports: 2 },
  );
});

t.test('each section lists its first items described, with the full count', async (t) => {
  const i = input();
  const found = findGaps(i);
  const listed = listedIds(found, 1);
  t.same(listed, { tasks: ['t-old', 't-c2'], shortcomings: ['s-c2-old', 's-c1'] });
  const taskDoc = (id: string, leadUnitId: string) =>
    ({
      id,
      leadUnitId,
      directiveCode: 'X',
      clauseReference: '1',
      description: 'd',
      dueOn: '2025-08-15',
      extensions: 0,
      percent: null,
      scenario: true,
      synthetic: false,
    }) as unknown as TaskDocument;
  const scDoc = (id: string, unitId: string) =>
    ({
      id,
      unitId,
      officials: [],
      category: 'other',
      severity: 'critical',
      description: 'd',
      flaggedOn: '2025-06-01',
      targetDate: '2025-08-01',
      remediationReportedOn: null,
      scenario: false,
      synthetic: false,
    }) as unknown as ShortcomingDocument;
  const sections = unitGapsSections(
    i,
    found,
    {
      tasks: new Map([
        ['t-old', taskDoc('t-old', 'P-old')],
        ['t-c2', taskDoc('t-c2', 'C2')],
      ]),
      shortcomings: new Map([
        ['s-c2-old', scDoc('s-c2-old', 'C2-old')],
        ['s-c1', scDoc('s-c1', 'C1')],
      ]),
    },
    1,
  );
  t.equal(sections.overdueTasks.total, 2);
  t.equal(sections.overdueTasks.items.length, 1);
  t.match(sections.overdueTasks.items[0], { id: 't-old', rollsUpTo: 'P', unitName: 'Unit P-old' });
  t.match(sections.openShortcomings.items[0], {
    id: 's-c2-old',
    answeringUnitId: 'C2',
    rollsUpTo: 'C2',
    remediationOverdue: true,
  });
});
