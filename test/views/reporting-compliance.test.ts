import t from 'tap';
import type { UnitDocument } from '../../projections/views/units.js';
import { UnitTree } from '../../src/read/unit-tree.js';
import { reportingCompliance } from '../../src/views/reporting-compliance.js';
import {
  dueMonths,
  expectedReporters,
  isReportingDeadline,
  monthsBetween,
  owesReportFor,
} from '../../src/views/reporting-units.js';

const unit = (id: string, nameVi: string): UnitDocument => ({
  id,
  code: id,
  kind: 'ministry',
  parentId: null,
  nameVi,
  nameEn: null,
  status: 'active',
  registeredFrom: '2025-01-01',
  endedOn: null,
  successorId: null,
  predecessorIds: [],
  heads: [],
});
const tree = new UnitTree([unit('A', 'Bộ A'), unit('B', 'Bộ B'), unit('C', 'Bộ C'), unit('X', 'Ban X')]);

const obligation = (unitId: string, assignedOn = '2025-08-01', closedOn: string | null = null) => ({
  taskId: `r-${unitId}`,
  unitId,
  assignedOn,
  closedOn,
});
const filed = (unitId: string, period: string, at: string) => ({
  unitId,
  period,
  dueOn: `${period}-25`,
  filedAt: new Date(at).toISOString(),
  scenario: true,
  synthetic: false,
});

t.test('who must report: the leads of a task under the rule "by the 25th of every month"', async (t) => {
  t.ok(isReportingDeadline({ kind: 'recurring_monthly', dayOfMonth: 25 }));
  t.notOk(isReportingDeadline({ kind: 'recurring_monthly', dayOfMonth: 10 }));
  t.notOk(isReportingDeadline({ kind: 'date', date: '2025-08-25' }));
  t.ok(owesReportFor(obligation('A'), '2025-08'), 'assigned before the due day');
  t.notOk(owesReportFor(obligation('A', '2025-08-26'), '2025-08'), 'assigned after it');
  t.ok(
    owesReportFor(obligation('A', '2025-08-01', '2025-09-25'), '2025-09'),
    'ended on the due day: still owed',
  );
  t.notOk(owesReportFor(obligation('A', '2025-08-01', '2025-09-24'), '2025-09'));
  t.same(expectedReporters([obligation('A'), obligation('A'), obligation('B')], '2025-09'), ['A', 'B']);
});

t.test('months: ranges, and the last months due at a moment', async (t) => {
  t.same(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  t.same(monthsBetween('2025-09', '2025-09'), ['2025-09']);
  t.same(
    dueMonths(new Date('2025-09-25T23:59:00+07:00'), 2),
    ['2025-08', '2025-07'],
    'September not yet due',
  );
  t.same(dueMonths(new Date('2025-09-26T00:00:00+07:00'), 2), ['2025-09', '2025-08']);
  t.same(dueMonths(new Date('2026-01-10T00:00:00+07:00'), 2), ['2025-12', '2025-11']);
});

t.test('per month: on time, late, missing, not yet due; and reports nobody expected', async (t) => {
  const obligations = [obligation('A'), obligation('B'), obligation('C', '2025-09-26')];
  const reports = [
    filed('A', '2025-08', '2025-08-25T23:30:00+07:00'),
    filed('B', '2025-08', '2025-08-26T00:00:00+07:00'),
    filed('A', '2025-09', '2025-09-20T10:00:00+07:00'),
    filed('X', '2025-09', '2025-09-21T10:00:00+07:00'),
    filed('B', '2025-09', '2025-09-28T10:00:00+07:00'),
  ];
  const [aug, sep] = reportingCompliance(
    ['2025-08', '2025-09'],
    obligations,
    reports,
    tree,
    new Date('2025-09-24T10:00:00+07:00'),
  );
  t.match(aug, {
    period: '2025-08',
    dueOn: '2025-08-25',
    expected: 2,
    counts: { on_time: 1, late: 1, missing: 0 },
  });
  t.same(
    sep?.units.map((u) => [u.unitId, u.unitName, u.status]),
    [
      ['A', 'Bộ A', 'on_time'],
      ['B', 'Bộ B', 'not_yet_due'],
    ],
    'C is expected only from October; B’s later filing is not known yet',
  );
  t.same(
    sep?.unexpected.map((u) => [u.unitId, u.status]),
    [['X', 'on_time']],
  );
  const [, later] = reportingCompliance(
    ['2025-08', '2025-09'],
    obligations,
    reports,
    tree,
    new Date('2025-10-01T00:00:00+07:00'),
  );
  t.match(later, { counts: { on_time: 1, late: 1, missing: 0, not_yet_due: 0 } });
  const [, missing] = reportingCompliance(
    ['2025-08', '2025-09'],
    obligations,
    reports.slice(0, 4),
    tree,
    new Date('2025-10-01T00:00:00+07:00'),
  );
  t.match(missing, { counts: { on_time: 1, late: 0, missing: 1 } });
  t.equal(missing?.units.find((u) => u.unitId === 'B')?.filedAt, null);
});
