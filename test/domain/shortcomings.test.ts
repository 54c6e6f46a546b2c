// A shortcoming from its flag to the unit's claim of a remedy; verdicts, closures and
// recurrences are in shortcoming-verdicts.test.ts.
import t from 'tap';
import {
  closedNotImplemented,
  dismissed,
  flag,
  flagged,
  given,
  inProgress,
  invalid,
  now,
  plan,
  refusedIn,
  report,
  reported,
  story,
  verified,
} from '../helpers/shortcomings.js';

t.test('the Central Inspection Commission flags a shortcoming: open, its official on record', async (t) => {
  const [decided] = given().when(flag);
  t.same(decided?.event, {
    type: 'ShortcomingFlagged',
    data: {
      unitId: 'ministry-of-home-affairs',
      inspectionUnitId: 'central-inspection-commission',
      supervisionReport: { ...flag.supervisionReport, documentCode: null },
      category: 'human_resources',
      severity: 'high',
      description: flag.description,
      accountableOfficial: flag.accountableOfficial,
      recurrenceOf: null,
    },
  });
  t.equal(decided?.occurredAt, now, 'valid time defaults to now');
  t.equal(decided?.reason, null);
  const { state } = given(...flagged);
  t.equal(state.status, 'open');
  t.same(state.officials, [flag.accountableOfficial]);
  t.equal(state.report?.date, '2025-07-31');
});

t.test('valid time: given in the past it is kept, in the future refused on occurredAt', async (t) => {
  const occurredAt = new Date('2025-08-05T02:00:00Z');
  t.equal(given().when({ ...flag, occurredAt })[0]?.occurredAt, occurredAt);
  invalid(t, [], { ...flag, occurredAt: new Date('2025-09-02T00:00:00Z') }, 'occurredAt');
});

t.test('an unflagged shortcoming takes only FlagShortcoming; a flagged one never again', async (t) => {
  t.same(refusedIn(t, [], plan), { state: 'unflagged', allowedCommands: ['FlagShortcoming'] });
  const details = refusedIn(t, flagged, flag);
  t.equal(details.state, 'open');
  t.same(details.allowedCommands, [
    'AssignAccountableOfficial',
    'SetRemediationPlan',
    'CloseNotImplemented',
    'DismissShortcoming',
    'RecordRecurrence',
  ]);
});

t.test(
  'a flag may name no official yet; one is assigned later, and successors keep the history',
  async (t) => {
    const history = story(
      { ...flag, accountableOfficial: undefined },
      { type: 'AssignAccountableOfficial', title: 'Bộ trưởng Bộ Nội vụ', personName: 'Illustrative A' },
      plan,
      report,
      { type: 'AssignAccountableOfficial', title: 'Bộ trưởng Bộ Nội vụ', personName: 'Illustrative B' },
    );
    const { state } = given(...history);
    t.equal(state.accountableOfficial?.personName, 'Illustrative B');
    t.same(
      state.officials.map((o) => o.personName),
      ['Illustrative A', 'Illustrative B'],
    );
    for (const closed of [verified, closedNotImplemented, dismissed]) {
      refusedIn(t, closed, { type: 'AssignAccountableOfficial', title: 'x', personName: 'y' });
    }
  },
);

t.test('a remediation plan moves an open shortcoming into progress, with its target date', async (t) => {
  const [decided] = given(...flagged).when(plan);
  t.same(decided?.event.data, { plan: plan.plan, targetDate: '2025-08-31' });
  const { state } = given(...inProgress);
  t.equal(state.status, 'in_progress');
  t.equal(state.originalTargetDate, '2025-08-31');
  t.equal(state.targetDate, '2025-08-31');
  t.equal(refusedIn(t, inProgress, plan).state, 'in_progress', 'one plan; later changes are revisions');
});

t.test('a target date before the supervision report is refused on targetDate', async (t) => {
  invalid(t, flagged, { type: 'SetRemediationPlan', plan: 'x', targetDate: '2025-07-30' }, 'targetDate');
  t.equal(given(...flagged).when({ ...plan, targetDate: '2025-07-31' }).length, 1, 'the same day is fine');
});

t.test('revising the target date keeps the original, and needs a reason', async (t) => {
  const revise = {
    type: 'ReviseRemediationTargetDate',
    targetDate: '2025-10-15',
    reason: 'Illustrative: aligned with the 195-KL/TW deadline for administrative procedures',
  } as const;
  const [decided] = given(...inProgress).when(revise);
  t.same(decided?.event, {
    type: 'RemediationTargetDateRevised',
    data: { previousTargetDate: '2025-08-31', targetDate: '2025-10-15' },
  });
  t.equal(decided?.reason, revise.reason);
  const history = story(flag, plan, revise, report, {
    ...revise,
    targetDate: '2025-10-30',
    reason: 'Illustrative: awaiting verification',
  });
  const { state } = given(...history);
  t.equal(state.originalTargetDate, '2025-08-31');
  t.equal(state.targetDate, '2025-10-30');
  t.same(state.revisions, [
    { previousTargetDate: '2025-08-31', targetDate: '2025-10-15' },
    { previousTargetDate: '2025-10-15', targetDate: '2025-10-30' },
  ]);
  invalid(t, inProgress, { ...revise, reason: '' }, 'reason');
  invalid(t, inProgress, { ...revise, reason: '   ' }, 'reason');
  invalid(t, inProgress, { ...revise, targetDate: '2025-08-31' }, 'targetDate');
  invalid(t, inProgress, { ...revise, targetDate: '2025-07-01' }, 'targetDate');
  t.equal(refusedIn(t, flagged, revise).state, 'open', 'no plan, nothing to revise');
  t.equal(refusedIn(t, verified, revise).state, 'closed_implemented');
});

t.test('progress is reported while in progress, as often as the unit likes', async (t) => {
  const [decided] = given(...inProgress).when({
    type: 'ReportRemediationProgress',
    narrative: 'Illustrative: 20 of 34 provinces trained',
    percent: 59,
  });
  t.same(decided?.event.data, { narrative: 'Illustrative: 20 of 34 provinces trained', percent: 59 });
  const history = story(
    flag,
    plan,
    { type: 'ReportRemediationProgress', narrative: 'Illustrative: started', percent: 10 },
    { type: 'ReportRemediationProgress', narrative: 'Illustrative: under way' },
  );
  t.same(given(...history).state.progress, [
    { narrative: 'Illustrative: started', percent: 10 },
    { narrative: 'Illustrative: under way', percent: null },
  ]);
  const progress = { type: 'ReportRemediationProgress', narrative: 'x' } as const;
  t.equal(refusedIn(t, flagged, progress).state, 'open');
  t.equal(refusedIn(t, reported, progress).state, 'remediation_reported');
});

t.test('reporting the remedy needs evidence, and awaits the commission', async (t) => {
  const [decided] = given(...inProgress).when(report);
  t.equal(decided?.event.type, 'RemediationReported');
  const { state } = given(...reported);
  t.equal(state.status, 'remediation_reported');
  t.same(state.remediationReports, [
    { summary: 'Illustrative: training completed in every province', evidence: report.evidence },
  ]);
  invalid(t, inProgress, { ...report, evidence: [] }, 'evidence');
  t.equal(refusedIn(t, flagged, report).state, 'open', 'a remedy follows a plan');
  t.equal(refusedIn(t, reported, report).state, 'remediation_reported');
});
