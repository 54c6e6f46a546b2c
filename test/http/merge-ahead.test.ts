import { countEvents } from '../helpers/ledger.js';
import { flagBody, onEachBackendWithUnits } from '../helpers/oversight-units.js';

// A merger is often decided weeks before it takes effect (the 2025 provincial mergers were
// voted on 12 June, effective 1 July). Recorded ahead of its date, it changes nothing until
// then: the predecessor still answers, acts and shows as answering; the successor from the date.
const EFFECTIVE = '2099-07-01';

await onEachBackendWithUnits(async (t, test) => {
  const { app, call, token } = test;
  const viewer = (await token('viewer')).secret;
  const inspection = (await token('inspection')).secret;
  const hag = (await token('unit', 'HAG', 'Văn phòng Tỉnh ủy Hà Giang (test)')).secret;
  const tqu = (await token('unit', 'TQU', 'Văn phòng Tỉnh ủy Tuyên Quang (test)')).secret;

  const flagged = await call('POST', '/shortcomings', { secret: inspection, body: flagBody('HAG') });
  t.equal(flagged.statusCode, 201, flagged.body);
  const id = flagged.json().id as string;
  const merged = await call('POST', '/units/merge', {
    secret: (await token('admin')).secret,
    body: {
      predecessorIds: ['TQU-1991', 'HAG'],
      successorId: 'TQU',
      effectiveFrom: EFFECTIVE,
      reason: 'Illustrative: a merger decided ahead of its date',
    },
  });
  t.equal(merged.statusCode, 200, merged.body);

  t.test('before the date the predecessor answers for its shortcoming and acts on it', async (t) => {
    const read = (await call('GET', `/shortcomings/${id}`, { secret: viewer })).json();
    t.match(read, { unitId: 'HAG', answeringUnitId: 'HAG' });
    t.match((await call('GET', '/units/HAG', { secret: viewer })).json(), {
      status: 'active',
      endedOn: EFFECTIVE,
      successorId: 'TQU',
      answeringUnitId: 'HAG',
    });
    const listed = async (status: string) =>
      (await call('GET', `/units?status=${status}&limit=500`, { secret: viewer }))
        .json()
        .units.map((u: { id: string }) => u.id);
    t.ok((await listed('active')).includes('HAG'), 'listed as active until the date');
    t.notOk((await listed('merged')).includes('HAG'), 'not yet as merged');

    const plan = { plan: 'Illustrative: fill the vacant posts', targetDate: '2099-06-30' };
    const before = await countEvents(app.database);
    const bySuccessor = await call('POST', `/shortcomings/${id}/remediation-plan`, {
      secret: tqu,
      body: plan,
    });
    t.equal(bySuccessor.statusCode, 403, 'the successor does not act yet');
    t.equal(await countEvents(app.database), before);
    const byPredecessor = await call('POST', `/shortcomings/${id}/remediation-plan`, {
      secret: hag,
      body: plan,
    });
    t.equal(byPredecessor.statusCode, 200, byPredecessor.body);
    t.match(byPredecessor.json(), { answeringUnitId: 'HAG' });
  });

  t.test('a group clause entered before the date goes to the predecessors too', async (t) => {
    const secretariat = (await token('secretariat')).secret;
    const issued = await call('POST', '/directives', {
      secret: secretariat,
      body: {
        code: 'ILLUSTRATIVE-1/KH',
        kind: 'plan',
        title: 'Illustrative plan issued before the merger takes effect',
        issuedOn: '2026-01-05',
        issuingUnitId: 'BTCTW',
        occurredAt: '2026-01-05T09:00:00+07:00',
      },
    });
    t.equal(issued.statusCode, 201, issued.body);
    const added = await call('POST', '/directives/ILLUSTRATIVE-1%2FKH/clauses', {
      secret: secretariat,
      body: {
        reference: '1',
        text: 'Illustrative: every provincial party committee reports on its communes',
        assignment: {
          group: { kind: 'provincial_party_committee', parentId: null, label: 'các tỉnh ủy, thành ủy' },
          deadline: { kind: 'none' },
        },
        occurredAt: '2026-01-05T09:00:00+07:00',
      },
    });
    t.equal(added.statusCode, 201, added.body);
    const leads = await Promise.all(
      added.json().taskIds.map(async (id: string) => {
        const task = (await call('GET', `/tasks/${id}`, { secret: viewer })).json();
        return [task.leadUnitId, task.answeringUnitId];
      }),
    );
    t.same(
      leads.sort(),
      [
        ['HAG', 'HAG'],
        ['HNO', 'HNO'],
        ['TQU', 'TQU'],
        ['TQU-1991', 'TQU-1991'],
      ],
      'Hà Giang and the old Tuyên Quang still exist that day; each answers for its own until the merger',
    );
  });

  t.test('the register names the unit answering on the view’s day', async (t) => {
    const line = async (query: string) => {
      const res = await call('GET', `/views/shortcomings?unitId=TQU${query}`, { secret: viewer });
      t.equal(res.statusCode, 200, res.body);
      return res.json().rows.find((r: { id: string }) => r.id === id);
    };
    t.match(await line(''), { flaggedAgainst: { id: 'HAG' }, answeringUnit: { id: 'HAG' } }, 'today');
    t.match(
      await line('&now=2099-07-01T09:00:00%2B07:00'),
      { flaggedAgainst: { id: 'HAG' }, answeringUnit: { id: 'TQU', name: 'Tỉnh ủy Tuyên Quang' } },
      'from the merger’s date',
    );
    t.match(
      await line('&now=2099-06-30T23:59:00%2B07:00'),
      { answeringUnit: { id: 'HAG' } },
      'the evening before, in Vietnam',
    );
  });

  t.test('a unit registered ahead of its date is upcoming until then', async (t) => {
    const registered = await call('POST', '/units', {
      secret: (await token('admin')).secret,
      body: {
        code: 'ILLUSTRATIVE-NEW',
        kind: 'provincial_party_committee',
        nameVi: 'Tỉnh ủy minh họa (chưa thành lập)',
        effectiveFrom: EFFECTIVE,
      },
    });
    t.equal(registered.statusCode, 201, registered.body);
    t.match(registered.json(), { status: 'upcoming', registeredFrom: EFFECTIVE });
    t.match((await call('GET', '/units/ILLUSTRATIVE-NEW', { secret: viewer })).json(), {
      status: 'upcoming',
    });
    const listed = async (status: string) =>
      (await call('GET', `/units?${status ? `status=${status}&` : ''}limit=500`, { secret: viewer }))
        .json()
        .units.filter((u: { id: string }) => ['ILLUSTRATIVE-NEW', 'HAG'].includes(u.id))
        .map((u: { id: string; status: string }) => [u.id, u.status]);
    t.same(await listed('upcoming'), [['ILLUSTRATIVE-NEW', 'upcoming']]);
    t.same(await listed('active'), [['HAG', 'active']], 'not active before its day');
    t.same(
      (await listed('')).sort(),
      [
        ['HAG', 'active'],
        ['ILLUSTRATIVE-NEW', 'upcoming'],
      ],
      'the whole register shows it, as upcoming',
    );
  });
});
