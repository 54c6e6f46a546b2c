import t from 'tap';
import { type Deadline, deadlineSchema } from '../../events/deadline.js';
import { describeDeadline, dueDate } from '../../src/domain/deadline.js';

t.test('a date is due on itself (183-KL/TW: by 2025-08-31)', async (t) => {
  const deadline: Deadline = { kind: 'date', date: '2025-08-31' };
  t.equal(dueDate(deadline), '2025-08-31');
  t.equal(describeDeadline(deadline), 'by 2025-08-31');
});

t.test('a week of a month ends on day 7n, the fifth on the last day (195-KL/TW)', async (t) => {
  const firstOfOctober: Deadline = { kind: 'week', month: '2025-10', week: 1 };
  t.equal(dueDate(firstOfOctober), '2025-10-07');
  t.equal(describeDeadline(firstOfOctober), 'first week of 2025-10');
  t.equal(dueDate({ kind: 'week', month: '2025-10', week: 4 }), '2025-10-28');
  t.equal(dueDate({ kind: 'week', month: '2025-10', week: 5 }), '2025-10-31');
  t.equal(dueDate({ kind: 'week', month: '2024-02', week: 5 }), '2024-02-29', 'a leap February');
  t.equal(describeDeadline({ kind: 'week', month: '2025-10', week: 5 }), 'fifth week of 2025-10');
});

t.test('a month is due on its last day (report to the 14th Central Conference, November 2025)', async (t) => {
  const november: Deadline = { kind: 'month', month: '2025-11' };
  t.equal(dueDate(november), '2025-11-30');
  t.equal(dueDate({ kind: 'month', month: '2025-12' }), '2025-12-31');
  t.equal(dueDate({ kind: 'month', month: '2025-02' }), '2025-02-28');
  t.equal(describeDeadline(november), 'by the end of 2025-11');
});

t.test('by the 25th of every month: the next 25th on or after a day', async (t) => {
  const monthly: Deadline = { kind: 'recurring_monthly', dayOfMonth: 25 };
  t.equal(dueDate(monthly), null, 'no occurrence without a day to count from');
  t.equal(dueDate(monthly, '2025-08-01'), '2025-08-25');
  t.equal(dueDate(monthly, '2025-08-25'), '2025-08-25', 'the day itself counts');
  t.equal(dueDate(monthly, '2025-08-26'), '2025-09-25');
  t.equal(dueDate(monthly, '2025-12-26'), '2026-01-25', 'over the year end');
  t.equal(describeDeadline(monthly), 'by the 25th of every month');
});

t.test('a recurring day beyond the month end falls on its last day', async (t) => {
  const thirtyFirst: Deadline = { kind: 'recurring_monthly', dayOfMonth: 31 };
  t.equal(dueDate(thirtyFirst, '2025-09-10'), '2025-09-30');
  t.equal(dueDate(thirtyFirst, '2025-02-01'), '2025-02-28');
  t.equal(dueDate(thirtyFirst, '2025-01-31'), '2025-01-31');
  t.equal(describeDeadline(thirtyFirst), 'by the 31st of every month');
  t.equal(describeDeadline({ kind: 'recurring_monthly', dayOfMonth: 1 }), 'by the 1st of every month');
  t.equal(describeDeadline({ kind: 'recurring_monthly', dayOfMonth: 2 }), 'by the 2nd of every month');
  t.equal(describeDeadline({ kind: 'recurring_monthly', dayOfMonth: 3 }), 'by the 3rd of every month');
  t.equal(describeDeadline({ kind: 'recurring_monthly', dayOfMonth: 11 }), 'by the 11th of every month');
  t.equal(describeDeadline({ kind: 'recurring_monthly', dayOfMonth: 22 }), 'by the 22nd of every month');
});

t.test('"continue to…" has no deadline', async (t) => {
  t.equal(dueDate({ kind: 'none' }, '2025-08-01'), null);
  t.equal(describeDeadline({ kind: 'none' }), 'no deadline');
});

t.test('the schema takes every kind and refuses malformed ones', async (t) => {
  for (const ok of [
    { kind: 'date', date: '2025-08-31' },
    { kind: 'week', month: '2025-10', week: 1 },
    { kind: 'month', month: '2025-11' },
    { kind: 'recurring_monthly', dayOfMonth: 25 },
    { kind: 'none' },
  ]) {
    t.ok(deadlineSchema.safeParse(ok).success, ok.kind);
  }
  for (const bad of [
    { kind: 'date', date: '2025-02-30' },
    { kind: 'date', date: '31/08/2025' },
    { kind: 'week', month: '2025-10', week: 0 },
    { kind: 'week', month: '2025-10', week: 6 },
    { kind: 'week', month: '2025-02', week: 5 },
    { kind: 'week', month: '2025-13', week: 1 },
    { kind: 'month', month: '2025-1' },
    { kind: 'recurring_monthly', dayOfMonth: 0 },
    { kind: 'recurring_monthly', dayOfMonth: 32 },
    { kind: 'recurring_monthly', dayOfMonth: 2.5 },
    { kind: 'soon' },
  ]) {
    t.notOk(deadlineSchema.safeParse(bad).success, JSON.stringify(bad));
  }
  const february = deadlineSchema.safeParse({ kind: 'week', month: '2025-02', week: 5 });
  t.same(
    february.error?.issues.map((i) => i.path),
    [['week']],
  );
});
