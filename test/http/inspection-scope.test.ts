import type { Test } from 'tap';
import { countEvents } from '../helpers/ledger.js';
import { flagBody, onEachBackendWithUnits } from '../helpers/oversight-units.js';

// Each inspection commission judges its own findings: a token named for the Hanoi Party
// Committee's Inspection Commission neither flags in the Central Inspection Commission's name
// nor verifies, rejects or dismisses its findings. A token named for no commission acts for all,
// as before. (The Hanoi commission is real; what it finds here is illustrative.)
await onEachBackendWithUnits(async (t, test) => {
  const { app, call, token } = test;
  const admin = (await token('admin')).secret;
  const registered = await call('POST', '/units', {
    secret: admin,
    body: {
      code: 'UBKT-HNO',
      kind: 'inspection_commission',
      nameVi: 'Ủy ban Kiểm tra Thành ủy Hà Nội',
      parentId: 'HNO',
      effectiveFrom: '2025-01-01',
    },
  });
  t.equal(registered.statusCode, 201, registered.body);
  const central = (await token('inspection', 'UBKTTW')).secret;
  const hanoi = (await token('inspection', 'UBKT-HNO')).secret;
  const everyCommission = (await token('inspection')).secret;
  const bnv = (await token('unit', 'BNV')).secret;
  const act = (id: string, action: string, secret: string, body: object) =>
    call('POST', `/shortcomings/${id}/${action}`, { secret, body });
  const refused = async (t: Test, what: string, request: () => ReturnType<typeof call>) => {
    const before = await countEvents(app.database);
    const res = await request();
    t.equal(res.statusCode, 403, `${what}: ${res.body}`);
    t.equal(await countEvents(app.database), before, `${what}: nothing appended`);
    return res;
  };

  t.test('an inspection token names a commission, or none', async (t) => {
    const issue = (body: object) => call('POST', '/tokens', { secret: admin, body: { name: 'x', ...body } });
    const ministry = await issue({ role: 'inspection', unitId: 'BNV' });
    t.equal(ministry.statusCode, 400, ministry.body);
    t.match(ministry.json().issues, [{ path: 'body.unitId', message: /not an inspection_commission/ }]);
    const viewer = await issue({ role: 'viewer', unitId: 'UBKTTW' });
    t.equal(viewer.statusCode, 400, viewer.body);
    t.match(viewer.json().issues, [{ path: 'body.unitId', message: /not allowed for the viewer role/ }]);
    const named = await issue({ role: 'inspection', unitId: 'UBKT-HNO' });
    t.equal(named.statusCode, 201, named.body);
    t.match(named.json(), { role: 'inspection', unitId: 'UBKT-HNO' });
  });

  t.test('a commission flags in its own name only', async (t) => {
    const res = await refused(t, 'Hanoi as the Central Commission', () =>
      call('POST', '/shortcomings', { secret: hanoi, body: flagBody('HNO') }),
    );
    t.match(res.json(), { error: 'forbidden', tokenUnit: 'UBKT-HNO', inspectionUnit: 'UBKTTW' });
    const own = await call('POST', '/shortcomings', {
      secret: hanoi,
      body: flagBody('HNO', { inspectionUnitId: 'UBKT-HNO' }),
    });
    t.equal(own.statusCode, 201, own.body);
  });

  t.test('a commission judges its own findings only', async (t) => {
    const flagged = await call('POST', '/shortcomings', { secret: central, body: flagBody('BNV') });
    t.equal(flagged.statusCode, 201, flagged.body);
    const id = flagged.json().id as string;
    const official = { title: 'Vụ trưởng (illustrative)', personName: 'Official (illustrative)' };
    await refused(t, 'Hanoi names the official', () => act(id, 'accountable-official', hanoi, official));
    t.equal((await act(id, 'accountable-official', everyCommission, official)).statusCode, 200);

    const plan = { plan: 'Illustrative: train commune civil servants', targetDate: '2025-12-31' };
    t.equal((await act(id, 'remediation-plan', bnv, plan)).statusCode, 200);
    const remedy = {
      summary: 'Illustrative: training completed',
      evidence: [{ kind: 'document', code: 'ILLUSTRATIVE-12/BC-BNV' }],
    };
    t.equal((await act(id, 'remediation', bnv, remedy)).statusCode, 200);
    await refused(t, 'Hanoi verifies', () => act(id, 'verify', hanoi, {}));
    await refused(t, 'Hanoi rejects', () => act(id, 'reject', hanoi, { reason: 'Illustrative' }));
    await refused(t, 'Hanoi dismisses', () => act(id, 'dismiss', hanoi, { reason: 'Illustrative' }));
    const verified = await act(id, 'verify', central, {});
    t.equal(verified.statusCode, 200, verified.body);
    t.match(verified.json(), { status: 'closed_implemented', inspectionUnitId: 'UBKTTW' });
  });
});
