import t from 'tap';
import {
  type RegisterFilter,
  type RegisterPaging,
  registerView,
  shortcomingOnDay,
} from '../../src/views/register.js';
import { everything, firstPage, shortcoming, tree } from '../helpers/register-fixtures.js';

const now = new Date('2025-10-01T12:00:00+07:00');
const clock = { now, validAt: null };

const hagiang = shortcoming('sc-hag', {
  unitId: 'pc-ha-giang',
  flaggedAt: '2025-06-20T10:00',
  category: 'facilities',
  officials: [{ title: 'Bí thư Tỉnh ủy', personName: 'Nguyễn Văn Ấ', since: '2025-06-20' }],
  targetDate: '2025-10-31',
  originalTargetDate: '2025-09-15',
  targetRevisions: 1,
  rejections: 1,
  moves: [
    ['2025-07-10T10:00', 'in_progress'],
    ['2025-09-10T10:00', 'remediation_reported'],
    ['2025-09-20T10:00', 'in_progress'],
  ],
});
const commune = shortcoming('sc-commune', {
  unitId: 'xa-a',
  severity: 'high',
  targetDate: '2025-09-30',
  moves: [['2025-08-10T10:00', 'in_progress']],
});
const ministry = shortcoming('sc-bnv', {
  severity: 'critical',
  officials: [
    { title: 'Bộ trưởng', personName: 'Bộ trưởng A', since: '2025-08-01' },
    { title: 'Bộ trưởng', personName: 'Bộ trưởng B', since: '2025-09-15' },
  ],
  targetDate: '2025-08-31',
  moves: [
    ['2025-08-08T10:00', 'in_progress'],
    ['2025-08-29T10:00', 'remediation_reported'],
    ['2025-09-05T10:00', 'closed_implemented'],
  ],
});
const late = shortcoming('sc-late', {
  flaggedAt: '2025-09-26T09:00',
  severity: 'low',
  category: 'institutions',
  recurrenceOf: 'sc-bnv',
});
const docs = [late, ministry, commune, hagiang];
const ids = (view: { rows: { id: string }[] }) => view.rows.map((r) => r.id);

t.test(
  'scope through a merger: flagged against Hà Giang, listed and answered for by Tuyên Quang',
  async (t) => {
    const view = registerView(
      docs,
      tree,
      clock,
      { ...everything, scope: tree.scopeOf('pc-tuyen-quang-2025') },
      firstPage,
    );
    t.same(ids(view), ['sc-hag', 'sc-commune']);
    t.match(view.rows[0], {
      flaggedAgainst: { id: 'pc-ha-giang', name: 'Tỉnh ủy Hà Giang' },
      answeringUnit: { id: 'pc-tuyen-quang-2025', name: 'Tỉnh ủy Tuyên Quang' },
      inspectionUnit: { id: 'UBKTTW', name: 'Ủy ban Kiểm tra Trung ương' },
      targetDate: '2025-10-31',
      originalTargetDate: '2025-09-15',
      accountableOfficial: { personName: 'Nguyễn Văn Ấ' },
    });
    t.equal(view.rows[1]?.originalTargetDate, null, 'an unrevised date names no original');
    const before = registerView(docs, tree, { now, validAt: '2025-06-25' }, everything, firstPage);
    t.same(
      before.rows[0]?.answeringUnit,
      { id: 'pc-ha-giang', name: 'Tỉnh ủy Hà Giang' },
      'before the merger',
    );
  },
);

t.test('each filter narrows', async (t) => {
  const run = (f: Partial<RegisterFilter>) =>
    ids(registerView(docs, tree, clock, { ...everything, ...f }, firstPage));
  t.same(run({ statuses: ['in_progress'] }), ['sc-hag', 'sc-commune']);
  t.same(run({ statuses: ['open', 'closed_implemented'] }), ['sc-bnv', 'sc-late']);
  t.same(run({ categories: ['facilities'] }), ['sc-hag']);
  t.same(run({ severities: ['high', 'critical'] }), ['sc-bnv', 'sc-commune']);
  t.same(run({ official: 'Bộ trưởng B' }), ['sc-bnv'], 'the official answering now');
  t.same(run({ official: 'Bộ trưởng A' }), []);
  t.same(run({ overdue: true }), ['sc-commune'], 'open with its date passed at now');
  t.same(
    ids(
      registerView(
        docs,
        tree,
        { now: new Date('2025-11-01T00:00:00+07:00'), validAt: null },
        { ...everything, overdue: true },
        firstPage,
      ),
    ),
    ['sc-hag', 'sc-commune'],
    'a date passes at the end of its day in Vietnam',
  );
  t.same(
    ids(
      registerView(
        docs,
        tree,
        { now: new Date('2025-10-31T23:59:00+07:00'), validAt: null },
        { ...everything, overdue: true },
        firstPage,
      ),
    ),
    ['sc-commune'],
  );
});

t.test('sorted by each key with a stable tiebreak, and paged', async (t) => {
  const sorted = (sort: RegisterPaging['sort'], order: 'asc' | 'desc') =>
    ids(registerView(docs, tree, clock, everything, { sort, order, page: 1, pageSize: 50 }));
  t.same(sorted('flaggedOn', 'asc'), ['sc-hag', 'sc-bnv', 'sc-commune', 'sc-late'], 'same day: by id');
  t.same(sorted('flaggedOn', 'desc'), ['sc-late', 'sc-commune', 'sc-bnv', 'sc-hag']);
  t.same(sorted('targetDate', 'asc'), ['sc-bnv', 'sc-commune', 'sc-hag', 'sc-late'], 'no date last');
  t.same(sorted('severity', 'desc'), ['sc-bnv', 'sc-commune', 'sc-hag', 'sc-late']);
  t.same(sorted('status', 'asc'), ['sc-late', 'sc-commune', 'sc-hag', 'sc-bnv'], 'same status: by id');
  // By the answering unit's name in Vietnamese order (Bộ, Đảng ủy xã, Tỉnh ủy): Hà Giang's with Tuyên Quang.
  t.same(sorted('unit', 'asc'), ['sc-bnv', 'sc-late', 'sc-commune', 'sc-hag']);
  t.same(sorted('unit', 'desc'), ['sc-hag', 'sc-commune', 'sc-late', 'sc-bnv']);
  const page2 = registerView(docs, tree, clock, everything, { ...firstPage, page: 2, pageSize: 3 });
  t.same(ids(page2), ['sc-late']);
  t.match(page2, { total: 4, page: 2, pageSize: 3, pages: 2 });
});

t.test('validAt: each item as it stood that day; later ones drop out', async (t) => {
  const view = registerView(docs, tree, { now, validAt: '2025-09-01' }, everything, firstPage);
  t.same(ids(view), ['sc-hag', 'sc-bnv', 'sc-commune']);
  const byId = new Map(view.rows.map((r) => [r.id, r]));
  t.equal(byId.get('sc-bnv')?.status, 'remediation_reported', 'verified only on 09-05');
  t.equal(byId.get('sc-bnv')?.accountableOfficial?.personName, 'Bộ trưởng A', 'the official then');
  t.equal(byId.get('sc-hag')?.status, 'in_progress');
  t.equal(byId.get('sc-hag')?.rejections, 0, 'rejected only on 09-20');
  t.same(
    ids(
      registerView(
        docs,
        tree,
        { now, validAt: '2025-09-01' },
        { ...everything, statuses: ['remediation_reported'] },
        firstPage,
      ),
    ),
    ['sc-bnv'],
  );
  t.equal(shortcomingOnDay(hagiang, '2025-09-20')?.rejections, 1, 'a rejection counts from its day');
  t.equal(shortcomingOnDay(hagiang, '2025-06-19'), undefined);
});
