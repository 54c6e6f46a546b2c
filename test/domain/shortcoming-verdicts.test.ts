// What the inspection commission and the unit make of a shortcoming: verification, rejection,
// closure, dismissal, recurrence. Flag to claimed remedy is in shortcomings.test.ts.
import t from 'tap';
import {
  closedNotImplemented,
  dismissed,
  flag,
  flagged,
  given,
  inProgress,
  invalid,
  plan,
  refusedIn,
  report,
  reported,
  states,
  story,
  verified,
} from '../helpers/shortcomings.js';

t.test('the commission verifies the remedy: closed as implemented, open only to recurrence', async (t) => {
  const [decided] = given(...reported).when({
    type: 'VerifyRemediation',
    note: 'Illustrative: checked on site',
  });
  t.same(decided?.event, { type: 'RemediationVerified', data: { note: 'Illustrative: checked on site' } });
  const { state } = given(...verified);
  t.equal(state.status, 'closed_implemented');
  t.same(refusedIn(t, verified, plan), {
    state: 'closed_implemented',
    allowedCommands: ['RecordRecurrence'],
  });
  t.equal(refusedIn(t, inProgress, { type: 'VerifyRemediation' }).state, 'in_progress');
});

t.test('the commission rejects the remedy with a reason: back in progress, reported anew', async (t) => {
  const reject = {
    type: 'RejectRemediation',
    note: null,
    reason: 'Illustrative: training covered only half the communes',
  } as const;
  const [decided] = given(...reported).when(reject);
  t.same(decided?.event, { type: 'RemediationRejected', data: { note: null } });
  t.equal(decided?.reason, reject.reason);
  const history = story(flag, plan, report, reject, report);
  const { state } = given(...history);
  t.equal(state.status, 'remediation_reported');
  t.equal(state.rejections, 1);
  t.equal(state.remediationReports.length, 2);
  t.equal(given(...story(flag, plan, report, reject)).state.status, 'in_progress');
  invalid(t, reported, { ...reject, reason: '' }, 'reason');
  t.equal(refusedIn(t, inProgress, reject).state, 'in_progress');
});

t.test('closing as not implemented, from any open state, needs a reason', async (t) => {
  const close = {
    type: 'CloseNotImplemented',
    reason: 'Illustrative: the task ended on 2025-08-31',
  } as const;
  for (const history of [flagged, inProgress, reported]) {
    const [decided] = given(...history).when(close);
    t.same(decided?.event, { type: 'ShortcomingClosedNotImplemented', data: {} });
    t.equal(decided?.reason, close.reason);
    invalid(t, history, { type: 'CloseNotImplemented', reason: '' }, 'reason');
  }
  t.equal(given(...closedNotImplemented).state.status, 'closed_not_implemented');
  t.equal(refusedIn(t, verified, close).state, 'closed_implemented');
  t.equal(refusedIn(t, dismissed, close).state, 'dismissed');
});

t.test('dismissing, justified by its reason, before any remedy is claimed', async (t) => {
  const dismiss = { type: 'DismissShortcoming', reason: 'Illustrative: named in error' } as const;
  for (const history of [flagged, inProgress]) {
    const [decided] = given(...history).when(dismiss);
    t.same(decided?.event, { type: 'ShortcomingDismissed', data: {} });
    t.equal(decided?.reason, 'Illustrative: named in error');
  }
  invalid(t, flagged, { type: 'DismissShortcoming', reason: ' ' }, 'reason');
  t.equal(given(...dismissed).state.status, 'dismissed');
  const details = refusedIn(t, reported, dismiss);
  t.equal(details.state, 'remediation_reported');
  t.notOk(details.allowedCommands.includes('DismissShortcoming'));
  t.equal(refusedIn(t, closedNotImplemented, dismiss).state, 'closed_not_implemented');
});

t.test('a recurrence is recorded on the earlier shortcoming, whatever became of it, once', async (t) => {
  for (const [status, history] of Object.entries(states)) {
    const [decided] = given(...history).when({ type: 'RecordRecurrence', recurrenceId: 'later-1' });
    t.same(decided?.event, { type: 'ShortcomingRecurred', data: { recurrenceId: 'later-1' } }, status);
    t.equal(given(...history, ...(decided ? [decided.event] : [])).state.status, status, 'status unchanged');
  }
  const twice = story(
    flag,
    { type: 'RecordRecurrence', recurrenceId: 'later-1' },
    { type: 'RecordRecurrence', recurrenceId: 'later-2' },
  );
  t.same(given(...twice).state.recurrences, ['later-1', 'later-2']);
  invalid(t, twice, { type: 'RecordRecurrence', recurrenceId: 'later-1' }, 'recurrenceId');
  t.equal(refusedIn(t, [], { type: 'RecordRecurrence', recurrenceId: 'x' }).state, 'unflagged');
});

t.test('the new shortcoming names what it recurs from', async (t) => {
  const { state } = given(...story({ ...flag, recurrenceOf: 'earlier-1' }));
  t.equal(state.recurrenceOf, 'earlier-1');
});
