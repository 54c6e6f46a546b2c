import { countEvents } from '../helpers/ledger.js';
import { flagBody, onEachBackendWithUnits } from '../helpers/oversight-units.js';

// The Central Inspection Commission names shortcomings; the ministry answering for one plans,
// reports and remedies; the commission verifies, rejects or closes. Plans, dates, evidence and
// verdicts are illustrative.
await onEachBackendWithUnits(async (t, test) => {
  const { app, call, token } = test;
  const inspection = (await token('inspection')).secret;
  const viewer = (await token('viewer')).secret;
  const bnv = (await token('unit', 'BNV')).secret;
  const btp = (await token('unit', 'BTP')).secret;
  const flag = async (body: object) => {
    const res = await call('POST', '/shortcomings', { secret: inspection, body });
    if (res.statusCode !== 201) throw new Error(`flagging: ${res.body}`);
    return res.json();
  };
  const act = (id: string, action: string, secret: string, body: object = {}) =>
    call('POST', `/shortcomings/${id}/${action}`, { secret, body });

  t.test('the commission flags a shortcoming; the minister answers for it by default', async (t) => {
    const res = await call('POST', '/shortcomings', { secret: inspection, body: flagBody('BNV') });
    t.equal(res.statusCode, 201, res.body);
    const flagged = res.json();
    t.match(flagged, {
      id: /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/,
      status: 'open',
      unitId: 'BNV',
      answeringUnitId: 'BNV',
      inspectionUnitId: 'UBKTTW',
      supervisionReport: { date: '2025-07-31', documentCode: null },
      category: 'human_resources',
      accountableOfficial: { title: 'Bộ trưởng Bộ Nội vụ', personName: 'Minister (illustrative)' },
      version: 1,
    });
    const read = await call('GET', `/shortcomings/${flagged.id}`, { secret: viewer });
    t.equal(read.statusCode, 200);
    t.same(read.json(), flagged);
  });

  t.test('without a head on record nobody is named; a named official is kept as given', async (t) => {
    t.equal((await flag(flagBody('BTP'))).accountableOfficial, null);
    const official = { title: 'Bộ trưởng Bộ Tư pháp', personName: 'Minister (illustrative)' };
    t.same((await flag(flagBody('BTP', { accountableOfficial: official }))).accountableOfficial, official);
    t.equal((await flag(flagBody('BNV', { accountableOfficial: null }))).accountableOfficial, null);
  });

  t.test('a bad flag: 400 naming each field, 404 for unknown units and shortcomings', async (t) => {
    const before = await countEvents(app.database);
    const bad = await call('POST', '/shortcomings', {
      secret: inspection,
      body: flagBody('BNV', {
        category: 'weather',
        severity: 'dire',
        supervisionReport: { title: 'x', date: '2025-13-01' },
      }),
    });
    t.equal(bad.statusCode, 400);
    const paths = bad.json().issues.map((i: { path: string }) => i.path);
    for (const path of ['body.category', 'body.severity', 'body.supervisionReport.date']) {
      t.ok(paths.includes(path), `${path} in ${paths.join()}`);
    }
    const unknownUnit = await call('POST', '/shortcomings', {
      secret: inspection,
      body: flagBody('NOWHERE'),
    });
    t.equal(unknownUnit.statusCode, 404);
    t.match(unknownUnit.json().issues, [{ path: 'body.unitId', message: 'no such unit' }]);
    const unknownCommission = await call('POST', '/shortcomings', {
      secret: inspection,
      body: flagBody('BNV', { inspectionUnitId: 'NOWHERE' }),
    });
    t.equal(unknownCommission.statusCode, 404);
    t.match(unknownCommission.json().issues, [{ path: 'body.inspectionUnitId' }]);
    const notACommission = await call('POST', '/shortcomings', {
      secret: inspection,
      body: flagBody('BNV', { inspectionUnitId: 'BTCTW' }),
    });
    t.equal(notACommission.statusCode, 400, 'the Central Organizing Committee reports, it does not inspect');
    t.match(notACommission.json().issues, [{ path: 'body.inspectionUnitId' }]);
    const unknownEarlier = await call('POST', '/shortcomings', {
      secret: inspection,
      body: flagBody('BNV', { recurrenceOf: '01900000-0000-7000-8000-000000000000' }),
    });
    t.equal(unknownEarlier.statusCode, 404);
    t.match(unknownEarlier.json().issues, [{ path: 'body.recurrenceOf' }]);
    t.equal(await countEvents(app.database), before, 'nothing appended');
    t.equal((await call('GET', '/shortcomings/no-such-id', { secret: viewer })).statusCode, 404);
    t.equal((await act('no-such-id', 'verify', inspection)).statusCode, 404);
    t.equal(
      (await act('no-such-id', 'progress', bnv, { narrative: 'Illustrative' })).statusCode,
      404,
      'a unit action on an unknown shortcoming',
    );
  });

  t.test('plan, revised date, progress, remedy, rejection, remedy, verification', async (t) => {
    const { id } = await flag(flagBody('BNV'));
    const plan = await act(id, 'remediation-plan', bnv, {
      plan: 'Illustrative: train commune civil servants, issue the evaluation toolkit (183-KL/TW 3(1)(i))',
      targetDate: '2025-08-31',
    });
    t.equal(plan.statusCode, 200, plan.body);
    t.match(plan.json(), {
      status: 'in_progress',
      originalTargetDate: '2025-08-31',
      targetDate: '2025-08-31',
    });

    const noReason = await act(id, 'target-date', bnv, { targetDate: '2025-10-15' });
    t.equal(noReason.statusCode, 400);
    t.match(noReason.json().issues, [{ path: 'body.reason' }]);
    const revised = await act(id, 'target-date', bnv, {
      targetDate: '2025-10-15',
      reason: 'Illustrative: the toolkit awaits the amended regulations',
    });
    t.equal(revised.statusCode, 200, revised.body);
    t.match(revised.json(), {
      originalTargetDate: '2025-08-31',
      targetDate: '2025-10-15',
      revisions: [{ previousTargetDate: '2025-08-31', targetDate: '2025-10-15' }],
    });
    const [, , revision] = await app.ledger.store.readStream('shortcoming', id);
    t.match(revision, { reason: 'Illustrative: the toolkit awaits the amended regulations' });

    const progress = await act(id, 'progress', bnv, {
      narrative: 'Illustrative: 20 provinces',
      percent: 60,
    });
    t.equal(progress.statusCode, 200, progress.body);
    t.same(progress.json().progress, [{ narrative: 'Illustrative: 20 provinces', percent: 60 }]);

    const noEvidence = await act(id, 'remediation', bnv, { summary: 'Illustrative: done', evidence: [] });
    t.equal(noEvidence.statusCode, 400);
    t.match(noEvidence.json().issues, [{ path: 'body.evidence' }]);
    const evidence = [{ kind: 'document', code: 'ILLUSTRATIVE-01/BC-BNV' }];
    const remedied = await act(id, 'remediation', bnv, {
      summary: 'Illustrative: training done',
      evidence,
    });
    t.equal(remedied.statusCode, 200, remedied.body);
    t.equal(remedied.json().status, 'remediation_reported');

    const rejectNoReason = await act(id, 'reject', inspection, { note: 'x' });
    t.equal(rejectNoReason.statusCode, 400);
    t.match(rejectNoReason.json().issues, [{ path: 'body.reason' }]);
    const rejected = await act(id, 'reject', inspection, {
      reason: 'Illustrative: three provinces not covered',
    });
    t.equal(rejected.statusCode, 200, rejected.body);
    t.match(rejected.json(), { status: 'in_progress', rejections: 1 });

    const again = await act(id, 'remediation', bnv, {
      summary: 'Illustrative: the remaining provinces trained',
      evidence: [...evidence, { kind: 'url', url: 'https://example.org/illustrative-report' }],
    });
    t.equal(again.statusCode, 200, again.body);
    const verified = await act(id, 'verify', inspection, { note: 'Illustrative: accepted' });
    t.equal(verified.statusCode, 200, verified.body);
    t.match(verified.json(), {
      status: 'closed_implemented',
      verificationNote: 'Illustrative: accepted',
      remediationReports: [{ summary: 'Illustrative: training done' }, { evidence: [{}, { kind: 'url' }] }],
      version: 8,
    });
  });

  t.test('an illegal transition is a 409 naming the state and what it allows', async (t) => {
    const { id } = await flag(flagBody('BTP'));
    const before = await countEvents(app.database);
    const res = await act(id, 'verify', inspection);
    t.equal(res.statusCode, 409);
    t.match(res.json(), {
      error: 'invalid_state',
      state: 'open',
      allowedCommands: ['AssignAccountableOfficial', 'SetRemediationPlan', 'CloseNotImplemented'],
    });
    t.equal(await countEvents(app.database), before);
  });

  t.test('closed as not implemented, or dismissed, with a reason; then nothing moves', async (t) => {
    const closed = await flag(flagBody('BTP', { category: 'institutions' }));
    t.equal((await act(closed.id, 'close-not-implemented', inspection)).statusCode, 400);
    const close = await act(closed.id, 'close-not-implemented', inspection, {
      reason: 'Illustrative: superseded by Conclusion 195-KL/TW',
    });
    t.equal(close.statusCode, 200, close.body);
    t.equal(close.json().status, 'closed_not_implemented');

    const dismissed = await flag(flagBody('BTP', { category: 'facilities' }));
    const noJustification = await act(dismissed.id, 'dismiss', inspection, { reason: '  ' });
    t.equal(noJustification.statusCode, 400);
    t.match(noJustification.json().issues, [{ path: 'body.reason' }]);
    const dismiss = await act(dismissed.id, 'dismiss', inspection, {
      reason: 'Illustrative: the facilities were already in place',
    });
    t.equal(dismiss.statusCode, 200, dismiss.body);
    t.equal(dismiss.json().status, 'dismissed');
    const late = await act(dismissed.id, 'remediation-plan', btp, { plan: 'x', targetDate: '2025-09-30' });
    t.equal(late.statusCode, 409);
    t.match(late.json(), { state: 'dismissed', allowedCommands: ['RecordRecurrence'] });
  });

  t.test('a recurrence names the earlier shortcoming, and the earlier lists it', async (t) => {
    const earlier = await flag(flagBody('BTP', { category: 'administrative_procedures' }));
    await act(earlier.id, 'close-not-implemented', inspection, { reason: 'Illustrative' });
    const later = await flag(
      flagBody('BTP', {
        category: 'administrative_procedures',
        supervisionReport: { title: 'Illustrative later supervision report', date: '2025-09-26' },
        recurrenceOf: earlier.id,
      }),
    );
    t.equal(later.recurrenceOf, earlier.id);
    const reread = (await call('GET', `/shortcomings/${earlier.id}`, { secret: viewer })).json();
    t.same(reread.recurrences, [later.id]);
    t.equal(reread.status, 'closed_not_implemented');
  });

  t.test('the accountable official: named by the unit or by the commission', async (t) => {
    const { id } = await flag(flagBody('BTP'));
    const byUnit = await act(id, 'accountable-official', btp, {
      title: 'Bộ trưởng Bộ Tư pháp',
      personName: 'Minister (illustrative)',
    });
    t.equal(byUnit.statusCode, 200, byUnit.body);
    const byCommission = await act(id, 'accountable-official', inspection, {
      title: 'Thứ trưởng Bộ Tư pháp',
      personName: 'Deputy minister (illustrative)',
    });
    t.equal(byCommission.statusCode, 200, byCommission.body);
    t.same(
      byCommission.json().officials.map((o: { title: string }) => o.title),
      ['Bộ trưởng Bộ Tư pháp', 'Thứ trưởng Bộ Tư pháp'],
    );
    const byOther = await act(id, 'accountable-official', bnv, { title: 'x', personName: 'y' });
    t.equal(byOther.statusCode, 403);
  });

  t.test('an Idempotency-Key replays the flag: the same id, nothing appended', async (t) => {
    const headers = { 'idempotency-key': 'flag-bnv-human-resources' };
    const body = flagBody('BNV', { category: 'technology_infrastructure' });
    const first = await call('POST', '/shortcomings', { secret: inspection, body, headers });
    t.equal(first.statusCode, 201, first.body);
    const before = await countEvents(app.database);
    const again = await call('POST', '/shortcomings', { secret: inspection, body, headers });
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotent-replayed'], 'true');
    t.equal(again.json().id, first.json().id);
    t.equal(await countEvents(app.database), before);

    const planHeaders = { 'idempotency-key': 'plan-bnv-technology' };
    const plan = { plan: 'Illustrative: shared data platform', targetDate: '2025-10-15' };
    const id = first.json().id;
    const planned = await call('POST', `/shortcomings/${id}/remediation-plan`, {
      secret: bnv,
      body: plan,
      headers: planHeaders,
    });
    t.equal(planned.statusCode, 200, planned.body);
    const afterPlan = await countEvents(app.database);
    const replayed = await call('POST', `/shortcomings/${id}/remediation-plan`, {
      secret: bnv,
      body: plan,
      headers: planHeaders,
    });
    t.equal(replayed.statusCode, 200, 'a retry is answered as the first attempt, not refused as a 409');
    t.same(replayed.json(), planned.json());
    t.equal(await countEvents(app.database), afterPlan);
  });
});
