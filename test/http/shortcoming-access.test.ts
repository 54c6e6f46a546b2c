import { countEvents } from '../helpers/ledger.js';
import { flagBody, mergeTuyenQuang, onEachBackendWithUnits } from '../helpers/oversight-units.js';

// Who may act on a shortcoming: the unit answering for it (and the units above it), the
// secretariat on its behalf, the inspection commission for verdicts. Plans and progress are
// illustrative.
await onEachBackendWithUnits(async (t, test) => {
  const { app, call, token } = test;
  const inspection = (await token('inspection')).secret;
  const secretariat = (await token('secretariat')).secret;
  const viewer = (await token('viewer')).secret;
  const unit = async (id: string) => (await token('unit', id, `Văn phòng ${id} (test)`)).secret;
  const flag = async (body: object) => {
    const res = await call('POST', '/shortcomings', { secret: inspection, body });
    if (res.statusCode !== 201) throw new Error(`flagging: ${res.body}`);
    return res.json().id as string;
  };
  const act = (id: string, action: string, secret: string, body: object) =>
    call('POST', `/shortcomings/${id}/${action}`, { secret, body });
  const plan = {
    plan: 'Illustrative: fill the vacant posts (183-KL/TW clause 5)',
    targetDate: '2025-08-31',
  };

  t.test('another unit’s token: 403 and nothing appended', async (t) => {
    const id = await flag(flagBody('BNV'));
    const [btp, bnv] = [await unit('BTP'), await unit('BNV')];
    const before = await countEvents(app.database);
    const res = await act(id, 'remediation-plan', btp, plan);
    t.equal(res.statusCode, 403);
    t.match(res.json(), { error: 'forbidden', tokenUnit: 'BTP', unit: 'BNV' });
    t.equal(await countEvents(app.database), before);
    t.equal((await act(id, 'remediation-plan', bnv, plan)).statusCode, 200);
  });

  t.test('roles: units do not flag or judge, inspection does not remedy, a viewer only reads', async (t) => {
    const id = await flag(flagBody('BNV'));
    const bnv = await unit('BNV');
    const before = await countEvents(app.database);
    const cases: [string, string, string, object][] = [
      ['a unit flags', '/shortcomings', bnv, flagBody('BNV')],
      ['the secretariat flags', '/shortcomings', secretariat, flagBody('BNV')],
      ['a unit dismisses its own', `/shortcomings/${id}/dismiss`, bnv, { reason: 'x' }],
      ['inspection plans the remedy', `/shortcomings/${id}/remediation-plan`, inspection, plan],
      ['a viewer plans', `/shortcomings/${id}/remediation-plan`, viewer, plan],
      ['a viewer flags', '/shortcomings', viewer, flagBody('BNV')],
    ];
    for (const [what, url, secret, body] of cases) {
      t.equal((await call('POST', url, { secret, body })).statusCode, 403, what);
    }
    t.equal(await countEvents(app.database), before);
    t.equal((await call('GET', `/shortcomings/${id}`, { secret: viewer })).statusCode, 200, 'a viewer reads');
  });

  t.test('a province’s token acts for a commune under it, not the other way round', async (t) => {
    const commune = await flag(flagBody('HNO-XA-01', { category: 'administrative_procedures' }));
    const res = await act(commune, 'remediation-plan', await unit('HNO'), plan);
    t.equal(res.statusCode, 200, res.body);
    const [, planned] = await app.ledger.store.readStream('shortcoming', commune);
    t.match(planned, { role: 'unit', onBehalfOf: 'HNO-XA-01' });
    const province = await flag(flagBody('HNO'));
    t.equal((await act(province, 'remediation-plan', await unit('HNO-XA-01'), plan)).statusCode, 403);
  });

  t.test('after a merger the successor answers for the predecessor’s shortcoming', async (t) => {
    // Illustrative: a supervision report of June 2025 names a shortcoming of Hà Giang, which
    // merges into Tuyên Quang on 2025-07-01 (Resolution 202/2025/QH15).
    const id = await flag(
      flagBody('HAG', {
        supervisionReport: { title: 'Illustrative supervision report', date: '2025-06-20' },
        occurredAt: '2025-06-20T09:00:00+07:00',
      }),
    );
    const hag = await unit('HAG');
    const tqu = await unit('TQU');
    t.equal((await act(id, 'remediation-plan', tqu, plan)).statusCode, 403, 'not before the merger');
    const merged = await mergeTuyenQuang(test);
    t.equal(merged.statusCode, 200, merged.body);
    const read = (await call('GET', `/shortcomings/${id}`, { secret: viewer })).json();
    t.match(read, { unitId: 'HAG', answeringUnitId: 'TQU' });

    const before = await countEvents(app.database);
    const byPredecessor = await act(id, 'remediation-plan', hag, plan);
    t.equal(byPredecessor.statusCode, 403, 'Hà Giang no longer answers');
    t.equal(await countEvents(app.database), before);
    const planned = await act(id, 'remediation-plan', tqu, plan);
    t.equal(planned.statusCode, 200, planned.body);
    const remedied = await act(id, 'remediation', tqu, {
      summary: 'Illustrative: posts filled across the merged province',
      evidence: [{ kind: 'document', code: 'ILLUSTRATIVE-07/BC-TU' }],
    });
    t.equal(remedied.statusCode, 200, remedied.body);
    t.match(remedied.json(), { status: 'remediation_reported', unitId: 'HAG', answeringUnitId: 'TQU' });
    const events = await app.ledger.store.readStream('shortcoming', id);
    t.same(
      events.map((e) => e.onBehalfOf),
      [null, 'TQU', 'TQU'],
    );
  });

  t.test('a unit speaks now; the secretariat may enter what happened earlier', async (t) => {
    const id = await flag(flagBody('BTP'));
    const btp = await unit('BTP');
    await act(id, 'remediation-plan', btp, plan);
    const before = await countEvents(app.database);
    const backdated = await act(id, 'progress', btp, {
      narrative: 'Illustrative',
      occurredAt: '2025-08-20T09:00:00+07:00',
    });
    t.equal(backdated.statusCode, 400);
    t.match(backdated.json().issues, [{ path: 'body.occurredAt' }]);
    t.equal(await countEvents(app.database), before);

    const entered = await act(id, 'progress', secretariat, {
      narrative: 'Illustrative: progress reported on paper on 20 August',
      percent: 40,
      occurredAt: '2025-08-20T09:00:00+07:00',
    });
    t.equal(entered.statusCode, 200, entered.body);
    const last = (await app.ledger.store.readStream('shortcoming', id)).at(-1);
    t.match(last, { role: 'secretariat', onBehalfOf: 'BTP' });
    t.equal(last?.occurredAt.toISOString(), '2025-08-20T02:00:00.000Z');
    const future = await act(id, 'progress', secretariat, {
      narrative: 'Illustrative',
      occurredAt: '2999-01-01T00:00:00+07:00',
    });
    t.equal(future.statusCode, 400, 'never in the future');
  });
});
