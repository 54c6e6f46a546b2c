import { countEvents } from '../helpers/ledger.js';
import { onEachBackendWithUnits } from '../helpers/oversight-units.js';

// Conclusion 183-KL/TW, clause 9: the Government Party Committee, central agencies and
// localities report to the Central Organizing Committee by the 25th of every month. Which unit
// filed when, and what its reports say, is illustrative.
await onEachBackendWithUnits(async (t, test) => {
  const { app, call, token } = test;
  const secretariat = (await token('secretariat')).secret;
  const inspection = (await token('inspection')).secret;
  const viewer = (await token('viewer')).secret;
  const ducp = (await token('unit', 'DUCP')).secret;
  const bnv = (await token('unit', 'BNV')).secret;
  const hno = (await token('unit', 'HNO')).secret;
  const report = (period: string, extra: object = {}) => ({
    period,
    summary: `Illustrative: progress on the two-tier local government model, ${period}`,
    ...extra,
  });
  const file = (unit: string, secret: string, body: object, headers?: Record<string, string>) =>
    call('POST', `/units/${unit}/monthly-reports`, { secret, body, headers });
  const read = (unit: string, period: string) =>
    call('GET', `/units/${unit}/monthly-reports/${period}`, { secret: viewer });

  t.test('a unit files its own report: the server clock is the filing time', async (t) => {
    const started = Date.now();
    const res = await file('DUCP', ducp, report('2025-08', { document: { code: 'ILLUSTRATIVE-12/BC-ĐU' } }));
    t.equal(res.statusCode, 201, res.body);
    const filed = res.json();
    t.match(filed, {
      unitId: 'DUCP',
      period: '2025-08',
      status: 'filed',
      dueOn: '2025-08-25',
      filingStatus: 'late',
      document: { code: 'ILLUSTRATIVE-12/BC-ĐU', url: null },
      corrections: 0,
      version: 1,
    });
    t.ok(Date.parse(filed.filedAt) >= started - 1000, 'filed now');
    t.ok(Date.parse(filed.recordedAt) >= Date.parse(filed.filedAt) - 1000, 'recorded as it was filed');
    t.same((await read('DUCP', '2025-08')).json(), filed);
  });

  t.test('the secretariat enters a paper report received on the 24th: on time', async (t) => {
    const res = await file(
      'BNV',
      secretariat,
      report('2025-09', { occurredAt: '2025-09-24T10:00:00+07:00', document: null }),
    );
    t.equal(res.statusCode, 201, res.body);
    t.match(res.json(), {
      filingStatus: 'on_time',
      filedAt: '2025-09-24T03:00:00.000Z',
      document: null,
    });
    t.ok(Date.parse(res.json().recordedAt) > Date.parse('2025-09-25T00:00:00Z'), 'recorded later');
    const [event] = await app.ledger.store.readStream('monthly_report', 'BNV/2025-09');
    t.match(event, { role: 'secretariat', onBehalfOf: 'BNV' });
  });

  t.test('a unit may not backdate its own filing', async (t) => {
    const before = await countEvents(app.database);
    const res = await file('BNV', bnv, report('2025-10', { occurredAt: '2025-10-24T10:00:00+07:00' }));
    t.equal(res.statusCode, 400);
    t.match(res.json().issues, [{ path: 'body.occurredAt' }]);
    t.equal(await countEvents(app.database), before);
  });

  t.test('the 25th ends at midnight in Vietnam: 23:59:59 is on time, 00:00 the next day late', async (t) => {
    const onTime = await file('BTP', secretariat, report('2025-10', { occurredAt: '2025-10-25T16:59:59Z' }));
    t.equal(onTime.statusCode, 201, onTime.body);
    t.equal(onTime.json().filingStatus, 'on_time', '23:59:59 on the 25th in Hà Nội');
    const late = await file(
      'HNO',
      secretariat,
      report('2025-10', { occurredAt: '2025-10-26T00:00:00+07:00' }),
    );
    t.equal(late.statusCode, 201, late.body);
    t.equal(late.json().filingStatus, 'late', 'midnight: 17:00 UTC on the 25th');
  });

  t.test('an unfiled month: missing once the 25th is over, not yet due before', async (t) => {
    const missing = await read('DUCP', '2025-07');
    t.equal(missing.statusCode, 200, missing.body);
    t.same(missing.json(), {
      unitId: 'DUCP',
      period: '2025-07',
      status: 'unfiled',
      dueOn: '2025-07-25',
      filingStatus: 'missing',
      filedAt: null,
      recordedAt: null,
      summary: null,
      document: null,
      corrections: 0,
      version: 0,
      scenario: false,
    });
    t.match((await read('DUCP', '2099-12')).json(), { filingStatus: 'not_yet_due', dueOn: '2099-12-25' });
    t.equal((await read('NOWHERE', '2025-07')).statusCode, 404);
    const badPeriod = await read('DUCP', '2025-13');
    t.equal(badPeriod.statusCode, 400);
    t.match(badPeriod.json().issues, [{ path: 'params.period' }]);
  });

  t.test('one filing per month: a second is a 409; a month ahead is refused', async (t) => {
    const before = await countEvents(app.database);
    const twice = await file('DUCP', ducp, report('2025-08'));
    t.equal(twice.statusCode, 409);
    t.match(twice.json(), {
      error: 'invalid_state',
      state: 'filed',
      allowedCommands: ['CorrectMonthlyReport'],
    });
    const ahead = await file('DUCP', ducp, report('2099-01'));
    t.equal(ahead.statusCode, 400);
    t.match(ahead.json().issues, [{ path: /period/ }]);
    const noDocument = await file('DUCP', ducp, report('2025-06', { document: {} }));
    t.equal(noDocument.statusCode, 400);
    t.match(noDocument.json().issues, [{ path: 'body.document.code' }]);
    t.equal((await file('NOWHERE', secretariat, report('2025-08'))).statusCode, 404);
    t.equal(await countEvents(app.database), before);
  });

  t.test('a correction needs a reason; when the report was filed stays', async (t) => {
    const url = '/units/DUCP/monthly-reports/2025-08/correction';
    const summary = 'Illustrative: corrected figures for August';
    const noReason = await call('POST', url, { secret: ducp, body: { summary } });
    t.equal(noReason.statusCode, 400);
    t.match(noReason.json().issues, [{ path: 'body.reason' }]);
    const before = (await read('DUCP', '2025-08')).json();
    const res = await call('POST', url, {
      secret: ducp,
      body: { summary, reason: 'Illustrative: two provinces’ figures were transposed' },
    });
    t.equal(res.statusCode, 200, res.body);
    t.match(res.json(), {
      summary,
      corrections: 1,
      version: 2,
      document: { code: 'ILLUSTRATIVE-12/BC-ĐU' },
      filedAt: before.filedAt,
      recordedAt: before.recordedAt,
      filingStatus: 'late',
    });
    const unfiled = await call('POST', '/units/DUCP/monthly-reports/2025-05/correction', {
      secret: ducp,
      body: { summary, reason: 'x' },
    });
    t.equal(unfiled.statusCode, 404);
  });

  t.test(
    'who files: the unit or the units above it, the secretariat; not inspection, not a viewer',
    async (t) => {
      const before = await countEvents(app.database);
      t.equal((await file('BTP', inspection, report('2025-09'))).statusCode, 403, 'inspection');
      t.equal((await file('BTP', viewer, report('2025-09'))).statusCode, 403, 'a viewer');
      const other = await file('BTP', bnv, report('2025-09'));
      t.equal(other.statusCode, 403, 'another ministry');
      t.match(other.json(), { tokenUnit: 'BNV', unit: 'BTP' });
      const correction = await call('POST', '/units/DUCP/monthly-reports/2025-08/correction', {
        secret: bnv,
        body: { summary: 'x', reason: 'x' },
      });
      t.equal(correction.statusCode, 403, 'nor correct another unit’s report');
      t.equal(await countEvents(app.database), before);
      const forCommune = await file('HNO-XA-01', hno, report('2025-09'));
      t.equal(forCommune.statusCode, 201, 'Hà Nội files for a commune under it');
      const [event] = await app.ledger.store.readStream('monthly_report', 'HNO-XA-01/2025-09');
      t.match(event, { role: 'unit', onBehalfOf: 'HNO-XA-01' });
    },
  );

  t.test('an Idempotency-Key replays the filing and appends nothing', async (t) => {
    const headers = { 'idempotency-key': 'ducp-2025-09' };
    const body = report('2025-09');
    const first = await file('DUCP', ducp, body, headers);
    t.equal(first.statusCode, 201, first.body);
    const before = await countEvents(app.database);
    const again = await file('DUCP', ducp, body, headers);
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotent-replayed'], 'true');
    t.same(again.json(), first.json());
    t.equal(await countEvents(app.database), before);
    const other = await file('DUCP', ducp, report('2025-10'), headers);
    t.equal(other.statusCode, 422, 'the same key for another month');
  });
});
