import t from 'tap';
import { UnitTree } from '../../src/read/unit-tree.js';
import { type RegisterFilter, registerView } from '../../src/views/register.js';
import { everything, firstPage, shortcoming, unit } from '../helpers/register-fixtures.js';

// Who answers personally for a shortcoming, as the register shows and filters it: the official
// named for it while its answering unit answers, else that unit's head in office. Hà Giang
// merged into Tuyên Quang on 2025-07-01 (Resolution 202/2025/QH15); every name is illustrative.
const tree = new UnitTree([
  unit('pc-ha-giang', 'Tỉnh ủy Hà Giang', {
    status: 'merged',
    endedOn: '2025-07-01',
    successorId: 'pc-tuyen-quang-2025',
    heads: [{ title: 'Bí thư Tỉnh ủy', personName: 'Bí thư Hà Giang', since: '2020-01-01' }],
  }),
  unit('pc-tuyen-quang-2025', 'Tỉnh ủy Tuyên Quang', {
    registeredFrom: '2025-07-01',
    predecessorIds: ['pc-ha-giang'],
    heads: [{ title: 'Bí thư Tỉnh ủy', personName: 'Bí thư Tuyên Quang', since: '2025-07-01' }],
  }),
  unit('BNV', 'Bộ Nội vụ', {
    kind: 'ministry',
    heads: [{ title: 'Bộ trưởng Bộ Nội vụ', personName: 'Bộ trưởng A', since: '2025-03-01' }],
  }),
  unit('BTP', 'Bộ Tư pháp', { kind: 'ministry' }),
  unit('UBKTTW', 'Ủy ban Kiểm tra Trung ương', { kind: 'inspection_commission' }),
]);

const now = new Date('2025-10-01T12:00:00+07:00');

// Flagged when the ministry's head was not yet on record: nobody named for it.
const unnamed = shortcoming('sc-bnv', { flaggedAt: '2025-08-01T09:00' });
const nobody = shortcoming('sc-btp', { unitId: 'BTP', flaggedAt: '2025-08-01T09:00' });
const hagiang = shortcoming('sc-hag', {
  unitId: 'pc-ha-giang',
  flaggedAt: '2025-06-20T10:00',
  officials: [{ title: 'Phó Bí thư Tỉnh ủy', personName: 'Phó Bí thư Hà Giang', since: '2025-06-20' }],
});
const docs = [unnamed, nobody, hagiang];
const view = (filter: Partial<RegisterFilter>, validAt: string | null = null) =>
  registerView(docs, tree, { now, validAt }, { ...everything, ...filter }, firstPage);
const ids = (v: { rows: { id: string }[] }) => v.rows.map((r) => r.id);

t.test('with nobody named, the head of the answering unit answers', async (t) => {
  const rows = new Map(view({}).rows.map((r) => [r.id, r]));
  t.match(rows.get('sc-bnv'), {
    accountableOfficial: null,
    answeringOfficial: { personName: 'Bộ trưởng A', title: 'Bộ trưởng Bộ Nội vụ', source: 'head' },
  });
  t.equal(rows.get('sc-btp')?.answeringOfficial, null, 'no head on record: nobody');
  t.same(ids(view({ official: 'Bộ trưởng A' })), ['sc-bnv'], 'the filter finds the head');
});

t.test('a named official answers until the merger; then the successor’s head', async (t) => {
  const before = view({}, '2025-06-25').rows.find((r) => r.id === 'sc-hag');
  t.match(before?.answeringOfficial, { personName: 'Phó Bí thư Hà Giang', source: 'named' });
  const after = view({}).rows.find((r) => r.id === 'sc-hag');
  t.match(after, {
    accountableOfficial: { personName: 'Phó Bí thư Hà Giang' },
    answeringOfficial: { personName: 'Bí thư Tuyên Quang', source: 'head' },
  });
  t.same(ids(view({ official: 'Bí thư Tuyên Quang' })), ['sc-hag']);
  t.same(ids(view({ official: 'Phó Bí thư Hà Giang' })), [], 'not carried over the merger');
  t.same(ids(view({ official: 'Phó Bí thư Hà Giang' }, '2025-06-25')), ['sc-hag'], 'but on a day before it');
});
