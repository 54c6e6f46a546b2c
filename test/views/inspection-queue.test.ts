import t from 'tap';
import { inspectionQueue, type QueueInput, type Setback } from '../../src/views/inspection-queue.js';
import { at, shortcoming, task, tree } from '../helpers/register-fixtures.js';

const reported = shortcoming('sc-reported', {
  unitId: 'pc-ha-giang',
  flaggedAt: '2025-06-20T10:00',
  targetDate: '2025-09-15',
  remediationReportedOn: '2025-09-10',
  moves: [
    ['2025-07-10T10:00', 'in_progress'],
    ['2025-09-10T10:00', 'remediation_reported'],
  ],
});
const reportedEarlier = shortcoming('sc-reported-earlier', {
  targetDate: '2025-09-15',
  remediationReportedOn: '2025-08-29',
  moves: [
    ['2025-08-08T10:00', 'in_progress'],
    ['2025-08-29T10:00', 'remediation_reported'],
    ['2025-09-05T10:00', 'closed_implemented'],
  ],
});
const rejected = shortcoming('sc-rejected', {
  unitId: 'xa-a',
  inspectionUnitId: 'UBKT-TQ',
  targetDate: '2025-09-30',
  rejections: 1,
  moves: [
    ['2025-08-10T10:00', 'in_progress'],
    ['2025-09-01T10:00', 'remediation_reported'],
    ['2025-09-03T10:00', 'in_progress'],
  ],
});
const recurrence = shortcoming('sc-again', {
  flaggedAt: '2025-09-26T09:00',
  recurrenceOf: 'sc-reported-earlier',
});
const returnedTask = task(
  'task-returned',
  'pc-tuyen-quang-2025',
  [
    ['2025-08-04T09:00', 'acknowledged'],
    ['2025-09-10T11:00', 'completion_reported'],
    ['2025-09-15T14:00', 'in_progress'],
  ],
  1,
);
const setback = (when: string, reason: string, count = 1): Setback => ({
  occurredAt: at(when),
  reason,
  count,
});
const input: QueueInput = {
  shortcomings: [reported, rejected, recurrence],
  tasks: [returnedTask],
  earlier: [reportedEarlier],
  rejections: new Map([['sc-rejected', setback('2025-09-03T10:00', 'Chưa đủ bằng chứng')]]),
  returns: new Map([['task-returned', setback('2025-09-15T14:00', 'Thiếu thông tư')]]),
};
const now = new Date('2025-10-01T12:00:00+07:00');
const everyone = { scope: null, inspectionUnitId: null };
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

t.test('four sections, each counted', async (t) => {
  const q = inspectionQueue(input, tree, { now, validAt: null }, everyone);
  t.same(q.counts, { awaitingVerification: 1, overdue: 1, returned: 2, recurrences: 1 });
  t.match(q.awaitingVerification[0], {
    id: 'sc-reported',
    remediationReportedOn: '2025-09-10',
    flaggedAgainst: { name: 'Tỉnh ủy Hà Giang' },
    answeringUnit: { id: 'pc-tuyen-quang-2025', name: 'Tỉnh ủy Tuyên Quang' },
  });
  t.same(ids(q.overdue), ['sc-rejected'], 'reported remedies wait on the commission, not overdue');
  t.same(ids(q.returned), ['sc-rejected', 'task-returned'], 'oldest setback first');
  t.match(q.returned[0], {
    kind: 'shortcoming',
    lastRejectedOn: '2025-09-03',
    lastRejectionReason: 'Chưa đủ bằng chứng',
  });
  t.match(q.returned[1], {
    kind: 'task',
    returns: 1,
    lastReturnedOn: '2025-09-15',
    lastReturnReason: 'Thiếu thông tư',
    overdue: true,
  });
  t.match(q.recurrences[0], {
    id: 'sc-again',
    earlier: { id: 'sc-reported-earlier', status: 'closed_implemented', unit: { name: 'Bộ Nội vụ' } },
  });
});

t.test('a unit scope reaches through the merger and down to communes', async (t) => {
  const q = inspectionQueue(
    input,
    tree,
    { now, validAt: null },
    { scope: tree.scopeOf('pc-tuyen-quang-2025'), inspectionUnitId: null },
  );
  t.same(q.counts, { awaitingVerification: 1, overdue: 1, returned: 2, recurrences: 0 });
  const bnv = inspectionQueue(
    input,
    tree,
    { now, validAt: null },
    { scope: tree.scopeOf('BNV'), inspectionUnitId: null },
  );
  t.same(bnv.counts, { awaitingVerification: 0, overdue: 0, returned: 0, recurrences: 1 });
});

t.test('one commission: its shortcomings only, and no tasks (they carry no commission)', async (t) => {
  const q = inspectionQueue(
    input,
    tree,
    { now, validAt: null },
    { scope: null, inspectionUnitId: 'UBKT-TQ' },
  );
  t.same(q.counts, { awaitingVerification: 0, overdue: 1, returned: 1, recurrences: 0 });
});

t.test('validAt: the queue as things stood at the end of that day', async (t) => {
  // On 2025-09-02 the rejected remedy still awaited its verdict; the task was not yet returned.
  const q = inspectionQueue(
    {
      ...input,
      rejections: new Map(),
      returns: new Map(),
      shortcomings: [...input.shortcomings, reportedEarlier],
    },
    tree,
    { now: new Date('2025-09-02T23:59:59+07:00'), validAt: '2025-09-02' },
    everyone,
  );
  t.same(ids(q.awaitingVerification), ['sc-reported-earlier', 'sc-rejected'], 'oldest report first');
  t.same(
    q.awaitingVerification.map((r) => r.remediationReportedOn),
    ['2025-08-29', '2025-09-01'],
  );
  t.same(ids(q.returned), []);
  t.same(ids(q.recurrences), [], 'not flagged yet');
  t.equal(q.counts.overdue, 0);
});
