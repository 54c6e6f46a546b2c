import t from 'tap';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitDocument } from '../../projections/views/units.js';
import { UnitTree } from '../../src/read/unit-tree.js';
import { answeredUnits, unitAccountability } from '../../src/views/accountability.js';
import { accountableOfficials, foldName, owedTaskGroups } from '../../src/views/accountable-officials.js';
import { answerers, answeringOn, shortcomingItem, taskItem } from '../../src/views/answerers.js';

// Given documents, then the view. Units and the merger are the real ones of 2025-07-01 (Hà
// Giang into Tuyên Quang); people, tasks and shortcomings are illustrative.

const unit = (u: Partial<UnitDocument> & { id: string; nameVi: string }): UnitDocument => ({
  code: u.id,
  kind: 'provincial_party_committee',
  parentId: null,
  nameEn: null,
  status: 'active',
  registeredFrom: '2025-01-01',
  endedOn: null,
  successorId: null,
  predecessorIds: [],
  heads: [],
  ...u,
});

const secretaryC = { title: 'Bí thư Tỉnh ủy', personName: 'Nguyễn Văn Đức (illustrative)' };
const secretaryD = { title: 'Bí thư Tỉnh ủy', personName: 'Secretary D (illustrative)' };
const secretaryE = { title: 'Bí thư Tỉnh ủy', personName: 'Secretary E (illustrative)' };
const minister = { title: 'Bộ trưởng Bộ Nội vụ', personName: 'Minister A (illustrative)' };

const tree = new UnitTree([
  unit({
    id: 'pc-ha-giang',
    nameVi: 'Tỉnh ủy Hà Giang',
    status: 'merged',
    endedOn: '2025-07-01',
    successorId: 'pc-tuyen-quang-2025',
    heads: [{ ...secretaryC, since: '2025-01-01' }],
  }),
  unit({
    id: 'pc-tuyen-quang',
    nameVi: 'Tỉnh ủy Tuyên Quang',
    status: 'merged',
    endedOn: '2025-07-01',
    successorId: 'pc-tuyen-quang-2025',
  }),
  unit({
    id: 'pc-tuyen-quang-2025',
    nameVi: 'Tỉnh ủy Tuyên Quang',
    registeredFrom: '2025-07-01',
    predecessorIds: ['pc-tuyen-quang', 'pc-ha-giang'],
    heads: [
      { ...secretaryD, since: '2025-07-01' },
      { ...secretaryE, since: '2025-10-01' },
    ],
  }),
  unit({ id: 'BNV', nameVi: 'Bộ Nội vụ', kind: 'ministry', heads: [{ ...minister, since: '2025-07-01' }] }),
  unit({ id: 'BTP', nameVi: 'Bộ Tư pháp', kind: 'ministry' }),
]);

const shortcoming = (
  s: Partial<ShortcomingDocument> & { id: string; unitId: string },
): ShortcomingDocument => ({
  inspectionUnitId: 'UBKTTW',
  report: { title: 'Supervision report (illustrative)', documentCode: null, date: '2025-06-20' },
  category: 'facilities',
  severity: 'medium',
  description: 'Commune offices lack equipment (illustrative)',
  officials: [],
  plan: null,
  targetDate: null,
  originalTargetDate: null,
  targetRevisions: 0,
  percent: null,
  status: 'open',
  flaggedOn: '2025-06-20',
  remediationReportedOn: null,
  closedOn: null,
  rejections: 0,
  recurrenceOf: null,
  recurrences: [],
  transitions: [['2025-06-20T03:00:00.000Z', 10, 'open']],
  scenario: true,
  synthetic: false,
  ...s,
});

const task = (d: Partial<TaskDocument> & { id: string; leadUnitId: string }): TaskDocument => ({
  directiveCode: '183-KL/TW',
  clauseReference: '5',
  coordinatingUnitIds: [],
  groupLabel: null,
  description: 'Strengthen commune capacity',
  deadline: { kind: 'date', date: '2025-08-31' },
  originalDeadline: { kind: 'date', date: '2025-08-31' },
  dueOn: '2025-08-31',
  status: 'assigned',
  assignedOn: '2025-08-01',
  percent: null,
  completionReportedOn: null,
  completedOn: null,
  returns: 0,
  extensions: 0,
  closedOn: null,
  transitions: [['2025-08-01T02:00:00.000Z', 20, 'assigned']],
  scenario: false,
  synthetic: false,
  ...d,
});

// Flagged against Hà Giang before the merger, with its secretary named; still being remedied.
const hagFacilities = shortcoming({
  id: 'hag-facilities',
  unitId: 'pc-ha-giang',
  officials: [{ ...secretaryC, since: '2025-06-20' }],
  status: 'in_progress',
  targetDate: '2025-09-15',
  transitions: [
    ['2025-06-20T03:00:00.000Z', 10, 'open'],
    ['2025-07-10T03:00:00.000Z', 30, 'in_progress'],
  ],
});

t.test(
  'answerers: the predecessor until the merger, then the successor with its heads in office',
  async (t) => {
    const spans = answerers(shortcomingItem(hagFacilities), tree);
    t.same(spans, [
      {
        from: '2025-06-20',
        until: '2025-07-01',
        unitId: 'pc-ha-giang',
        unitName: 'Tỉnh ủy Hà Giang',
        official: { ...secretaryC, since: '2025-06-20', source: 'named' },
      },
      {
        from: '2025-07-01',
        until: '2025-10-01',
        unitId: 'pc-tuyen-quang-2025',
        unitName: 'Tỉnh ủy Tuyên Quang',
        official: { ...secretaryD, since: '2025-07-01', source: 'head' },
      },
      {
        from: '2025-10-01',
        until: null,
        unitId: 'pc-tuyen-quang-2025',
        unitName: 'Tỉnh ủy Tuyên Quang',
        official: { ...secretaryE, since: '2025-10-01', source: 'head' },
      },
    ]);
    t.equal(answeringOn(spans, '2025-06-30')?.unitId, 'pc-ha-giang');
    t.equal(answeringOn(spans, '2025-07-01')?.official?.personName, secretaryD.personName);
    t.equal(answeringOn(spans, '2025-06-19'), undefined, 'nobody before it was flagged');
  },
);

t.test(
  'answerers: an official named for the successor answers from that day, through head changes',
  async (t) => {
    const named = { title: 'Phó Bí thư Tỉnh ủy', personName: 'Deputy F (illustrative)', since: '2025-08-10' };
    const spans = answerers(
      shortcomingItem({ ...hagFacilities, officials: [...hagFacilities.officials, named] }),
      tree,
    );
    t.same(
      spans.map((s) => [s.from, s.until, s.unitId, s.official?.personName, s.official?.source]),
      [
        ['2025-06-20', '2025-07-01', 'pc-ha-giang', secretaryC.personName, 'named'],
        ['2025-07-01', '2025-08-10', 'pc-tuyen-quang-2025', secretaryD.personName, 'head'],
        ['2025-08-10', null, 'pc-tuyen-quang-2025', named.personName, 'named'],
      ],
    );
  },
);

t.test('answerers: closed items stop; items of an ended unit start with its successor', async (t) => {
  const closed = answerers(
    shortcomingItem({ ...hagFacilities, status: 'closed_implemented', closedOn: '2025-06-28' }),
    tree,
  );
  t.same(
    closed.map((s) => [s.from, s.until, s.unitId]),
    [['2025-06-20', '2025-06-28', 'pc-ha-giang']],
    'closed before the merger: the successor never answered for it',
  );
  const late = answerers(
    taskItem(task({ id: 't-late', leadUnitId: 'pc-ha-giang', assignedOn: '2025-08-01' })),
    tree,
  );
  t.same(
    late.map((s) => [s.from, s.until, s.unitId, s.official?.personName]),
    [
      ['2025-08-01', '2025-10-01', 'pc-tuyen-quang-2025', secretaryD.personName],
      ['2025-10-01', null, 'pc-tuyen-quang-2025', secretaryE.personName],
    ],
  );
  const noHead = answerers(taskItem(task({ id: 't-btp', leadUnitId: 'BTP' })), tree);
  t.same(noHead, [
    { from: '2025-08-01', until: null, unitId: 'BTP', unitName: 'Bộ Tư pháp', official: null },
  ]);
});

const own = task({ id: 'tq-own', leadUnitId: 'pc-tuyen-quang-2025', dueOn: '2025-08-31' });
const done = task({
  id: 'tq-done',
  leadUnitId: 'pc-tuyen-quang-2025',
  status: 'completed',
  completedOn: '2025-08-20',
  transitions: [
    ['2025-08-01T02:00:00.000Z', 20, 'assigned'],
    ['2025-08-25T02:00:00.000Z', 40, 'completed'],
  ],
});
const hagTask = task({ id: 'hag-task', leadUnitId: 'pc-ha-giang', assignedOn: '2025-06-10', dueOn: null });
const clock = { now: new Date('2025-09-26T03:00:00Z'), validAt: null };

t.test('a successor answers for its own and, apart, for each predecessor’s open obligations', async (t) => {
  t.same(answeredUnits(tree, 'pc-tuyen-quang-2025', '2025-09-26').sort(), [
    'pc-ha-giang',
    'pc-tuyen-quang',
    'pc-tuyen-quang-2025',
  ]);
  const view = unitAccountability(tree, 'pc-tuyen-quang-2025', [own, done, hagTask], [hagFacilities], clock);
  t.ok(view);
  if (!view) return;
  t.same(view.head, { ...secretaryD, since: '2025-07-01' });
  t.same(
    view.own.tasks.map((x) => [x.id, x.overdue]),
    [['tq-own', true]],
    'owed and overdue; the completed one is not owed',
  );
  t.equal(view.own.shortcomings.length, 0);
  t.equal(view.inherited.length, 1);
  t.match(view.inherited[0], {
    predecessorId: 'pc-ha-giang',
    predecessorName: 'Tỉnh ủy Hà Giang',
    mergedOn: '2025-07-01',
    how: 'merged',
  });
  t.same(
    view.inherited[0]?.tasks.map((x) => x.id),
    ['hag-task'],
  );
  t.match(view.inherited[0]?.shortcomings, [
    { id: 'hag-facilities', status: 'in_progress', official: { ...secretaryD, source: 'head' } },
  ]);
  t.same(view.totals, { tasks: 2, overdueTasks: 1, shortcomings: 1, overdueRemediations: 1 });

  const ended = unitAccountability(tree, 'pc-ha-giang', [hagTask], [hagFacilities], clock);
  t.equal(ended?.answeringUnitId, 'pc-tuyen-quang-2025', 'an ended unit answers for nothing now');
  t.equal(ended?.totals.shortcomings, 0);
  t.equal(unitAccountability(tree, 'nowhere', [], [], clock), undefined);
});

t.test('on a day before the merger the predecessor answered for it, as it stood then', async (t) => {
  const before = { now: new Date('2025-06-30T16:59:59.999Z'), validAt: '2025-06-30' };
  const hag = unitAccountability(tree, 'pc-ha-giang', [hagTask], [hagFacilities], before);
  t.match(hag?.own.shortcomings, [{ id: 'hag-facilities', status: 'open', official: { source: 'named' } }]);
  t.same(hag?.head, { ...secretaryC, since: '2025-01-01' });
  const tq = unitAccountability(tree, 'pc-tuyen-quang-2025', [own, hagTask], [hagFacilities], before);
  t.equal(tq?.totals.shortcomings, 0);
  t.equal(tq?.totals.tasks, 0, 'its own task was not yet assigned');
  // Completed on 2025-08-25: on 2025-08-24 it was still owed.
  const day = { now: new Date('2025-08-24T16:59:59.999Z'), validAt: '2025-08-24' };
  t.same(
    unitAccountability(tree, 'pc-tuyen-quang-2025', [own, done], [], day)?.own.tasks.map((x) => x.id),
    ['tq-done', 'tq-own'],
  );
});

t.test('officials: who answers for what, counted; by name without case or diacritics', async (t) => {
  const bnvHr = shortcoming({
    id: 'bnv-hr',
    unitId: 'BNV',
    flaggedOn: '2025-08-01',
    officials: [{ ...minister, since: '2025-08-01' }],
  });
  const btpGap = shortcoming({ id: 'btp-gap', unitId: 'BTP', flaggedOn: '2025-08-01' });
  const groups = owedTaskGroups([own, done, hagTask, task({ id: 'bnv-1', leadUnitId: 'BNV' })], clock);
  t.equal(
    groups.reduce((n, g) => n + g.count, 0),
    3,
  );
  const { officials, unanswered } = accountableOfficials(tree, groups, [hagFacilities, bnvHr, btpGap], clock);
  t.same(
    officials.map((o) => [o.personName, o.unitId, o.isHead, o.tasks, o.overdueTasks, o.shortcomings]),
    [
      [secretaryD.personName, 'pc-tuyen-quang-2025', true, 2, 1, 1],
      [minister.personName, 'BNV', true, 1, 1, 1],
    ],
  );
  t.same(unanswered, { tasks: 0, shortcomings: 1 }, 'the Ministry of Justice has no head on record');
  t.same(
    accountableOfficials(tree, groups, [hagFacilities], clock, 'SECRETARY d').officials.map(
      (o) => o.personName,
    ),
    [secretaryD.personName],
  );
  const before = { now: new Date('2025-06-30T16:59:59.999Z'), validAt: '2025-06-30' };
  t.same(
    accountableOfficials(tree, [], [hagFacilities], before, 'nguyen van duc').officials.map((o) => [
      o.personName,
      o.unitId,
      o.isHead,
    ]),
    [[secretaryC.personName, 'pc-ha-giang', true]],
    'before the merger, Hà Giang’s named secretary; found without diacritics',
  );
  t.equal(foldName('Đồng Tháp Nguyễn'), 'dong thap nguyen');
});
