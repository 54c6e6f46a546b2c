import t from 'tap';
import {
  MonthlyReportCorrected,
  type MonthlyReportEvent,
  monthlyReportEvents,
} from '../../events/monthly-reports.js';
import type { CommandContext, Decided } from '../../src/domain/decider.js';
import { type MonthlyReportCommand, monthlyReportDecider } from '../../src/domain/monthly-reports/decide.js';
import { deadlineOf, filingStatus, periodInVietnam } from '../../src/domain/monthly-reports/filing-status.js';
import { monthlyReportStreamId } from '../../src/domain/monthly-reports/monthly-report.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';

// 10:00 on 1 September 2025 in Vietnam.
const now = new Date('2025-09-01T03:00:00Z');
const context: CommandContext = { now, newId: () => 'id', actor: { id: 'clerk-1', role: 'reporter' } };

/** Given these events, when this command: the decided events, each valid against its schema. */
function given(...history: MonthlyReportEvent[]) {
  const state = history.reduce(monthlyReportDecider.evolve, monthlyReportDecider.initialState);
  return {
    state,
    when(command: MonthlyReportCommand): Decided<MonthlyReportEvent>[] {
      const decided = monthlyReportDecider.decide(command, state, context);
      for (const { event } of decided) {
        monthlyReportEvents.find((d) => d.type === event.type)?.schema.parse(event.data);
      }
      return decided;
    },
  };
}

type Asserts = Pick<typeof t, 'throws' | 'ok' | 'same'>;

function invalid(t: Asserts, history: MonthlyReportEvent[], command: MonthlyReportCommand, path: string) {
  const error = t.throws(() => given(...history).when(command)) as ValidationError;
  t.ok(error instanceof ValidationError, `${command.type} is invalid`);
  t.same(
    error.issues.map((i) => i.path),
    [path],
  );
}

// The Government Party Committee reports to the Central Organizing Committee by the 25th
// (183-KL/TW clause 9); the summary and document code are illustrative.
const file: Extract<MonthlyReportCommand, { type: 'FileMonthlyReport' }> = {
  type: 'FileMonthlyReport',
  unitId: 'government-party-committee',
  period: '2025-08',
  summary: 'Illustrative: August progress on the two-tier local government model',
  document: { code: 'ILLUSTRATIVE-12/BC-ĐU', url: null },
  occurredAt: new Date('2025-08-22T02:00:00Z'),
};
const filed = given()
  .when(file)
  .map((d) => d.event);

t.test('a unit files its August report: due on the 25th, filed at the valid time given', async (t) => {
  const [decided] = given().when(file);
  t.same(decided?.event, {
    type: 'MonthlyReportFiled',
    data: {
      unitId: 'government-party-committee',
      period: '2025-08',
      dueOn: '2025-08-25',
      summary: file.summary,
      document: file.document,
    },
  });
  t.equal(decided?.occurredAt, file.occurredAt);
  const { state } = given(...filed);
  t.equal(state.status, 'filed');
  t.equal(state.dueOn, '2025-08-25');
  t.equal(given().when({ ...file, document: undefined, occurredAt: undefined })[0]?.occurredAt, now);
});

t.test('one filing per unit and month; its stream is named by both', async (t) => {
  t.equal(
    monthlyReportStreamId('government-party-committee', '2025-08'),
    'government-party-committee/2025-08',
  );
  const error = t.throws(() => given(...filed).when(file)) as InvalidStateError;
  t.ok(error instanceof InvalidStateError);
  t.same(error.details, { state: 'filed', allowedCommands: ['CorrectMonthlyReport'] });
  const unfiled = t.throws(() =>
    given().when({ type: 'CorrectMonthlyReport', summary: 'x', reason: 'y' }),
  ) as InvalidStateError;
  t.ok(unfiled instanceof InvalidStateError);
  t.same(unfiled.details, { state: 'unfiled', allowedCommands: ['FileMonthlyReport'] });
});

t.test('a report may come late, never ahead of its month in Vietnam', async (t) => {
  t.equal(
    given().when({ ...file, period: '2025-07', occurredAt: undefined }).length,
    1,
    'July, filed in September',
  );
  t.equal(
    given().when({ ...file, period: '2025-09', occurredAt: undefined }).length,
    1,
    'September, filed in it',
  );
  // 23:30 on 31 August in Vietnam: September has not begun there.
  invalid(t, [], { ...file, period: '2025-09', occurredAt: new Date('2025-08-31T16:30:00Z') }, 'period');
  invalid(t, [], { ...file, period: '2025-10', occurredAt: undefined }, 'period');
  invalid(t, [], { ...file, period: '2025-13', occurredAt: undefined }, 'period');
  invalid(t, [], { ...file, period: 'August', occurredAt: undefined }, 'period');
  invalid(t, [], { ...file, occurredAt: new Date('2025-09-02T00:00:00Z') }, 'occurredAt');
});

t.test('a correction replaces the content with a reason; when it was filed stays', async (t) => {
  const correct = {
    type: 'CorrectMonthlyReport',
    summary: 'Illustrative: August progress, corrected figures',
    reason: 'Illustrative: wrong count of communes',
  } as const;
  const [decided] = given(...filed).when(correct);
  t.same(decided?.event, {
    type: 'MonthlyReportCorrected',
    data: { summary: correct.summary, document: file.document },
  });
  t.equal(decided?.reason, correct.reason);
  const { state } = given(...filed, decided?.event as MonthlyReportEvent);
  t.equal(state.summary, correct.summary);
  t.equal(state.dueOn, '2025-08-25');
  t.equal(state.corrections, 1);
  const withdrawn = given(...filed).when({ ...correct, summary: file.summary, document: null });
  t.same(withdrawn[0]?.event.data, { summary: file.summary, document: null }, 'null withdraws the document');
  const linked = given(...filed).when({
    ...correct,
    document: { code: null, url: 'https://example.org/bc' },
  });
  t.equal(linked.length, 1, 'a document by its address alone');
  t.notOk(
    MonthlyReportCorrected.schema.safeParse({ summary: 'x', document: { code: null, url: null } }).success,
    'a document is named by a code or an address',
  );
  invalid(t, filed, { ...correct, reason: '' }, 'reason');
  invalid(t, filed, { ...correct, summary: file.summary }, 'summary');
  invalid(
    t,
    filed,
    { ...correct, summary: file.summary, document: { ...file.document } as never },
    'summary',
  );
});

t.test('the 25th ends at midnight in Vietnam, 17:00 UTC', async (t) => {
  t.equal(deadlineOf('2025-08-25').toISOString(), '2025-08-25T17:00:00.000Z');
  const due = '2025-08-25';
  const lastMoment = new Date('2025-08-25T16:59:59.999Z');
  const midnight = new Date('2025-08-25T17:00:00Z');
  const later = new Date('2025-09-01T03:00:00Z');
  t.equal(filingStatus(due, lastMoment, later), 'on_time', '23:59:59.999 on the 25th');
  t.equal(filingStatus(due, midnight, later), 'late', '00:00 on the 26th');
  t.equal(
    filingStatus(due, new Date('2025-08-25T20:00:00Z'), later),
    'late',
    'still the 25th in UTC, already the 26th in Vietnam',
  );
  t.equal(filingStatus(due, null, lastMoment), 'not_yet_due');
  t.equal(filingStatus(due, null, midnight), 'missing');
  t.equal(filingStatus(due, new Date('2025-08-20T03:00:00Z'), lastMoment), 'on_time', 'filed early');
});

t.test('as of an earlier day, a later filing is not yet known', async (t) => {
  const filedLate = new Date('2025-08-28T03:00:00Z');
  t.equal(filingStatus('2025-08-25', filedLate, new Date('2025-08-26T03:00:00Z')), 'missing');
  t.equal(filingStatus('2025-08-25', filedLate, new Date('2025-08-20T03:00:00Z')), 'not_yet_due');
  t.equal(filingStatus('2025-08-25', filedLate, filedLate), 'late');
});

t.test('the month an instant falls in, on Vietnam’s calendar', async (t) => {
  t.equal(periodInVietnam(new Date('2025-08-31T16:59:59Z')), '2025-08');
  t.equal(periodInVietnam(new Date('2025-08-31T17:00:00Z')), '2025-09');
});
