// SYNTHETIC — one shortcoming's life after it is flagged: an accountable official, a remediation
// plan, revised target dates, progress, remediation verified or rejected and re-reported, some
// closed not implemented or dismissed. Not real data.
import { type ShortcomingCommand, shortcomingDecider } from '../../src/domain/shortcomings/decide.js';
import { addDays, DAY_MS, dayStart, daysLater, officeHours } from './calendar.js';
import { StepList, type World } from './world.js';

/** Shares of what becomes of a shortcoming: remedied (then verified or not), stalled, dismissed. */
const fates = { remedied: 80, stalled: 16, dismissed: 4 } as const;
const VERIFIED = 0.7;
const REVISED = 0.2;

/** A verified shortcoming a later supervision report may find again. */
export interface Closed {
  id: string;
  unitId: string;
  category: string;
  /** The day the remedy was verified: a recurrence is flagged on a later day. */
  verifiedOn: string;
}

/** The person who answers for a unit's shortcoming, by the kind of unit. */
export function officialFor(w: World, unitId: string) {
  const title = unitId.startsWith('pc-')
    ? 'Provincial Party Secretary'
    : unitId.startsWith('ubnd-')
      ? 'Chair of the Provincial People’s Committee'
      : unitId.startsWith('syn-')
        ? 'Secretary of the commune-level Party Committee'
        : 'Head of the unit';
  return { title, personName: `Official ${w.count('official')} (synthetic)` };
}

/** Plans a flagged shortcoming's life; `onVerified` hears of it when the remedy is accepted. */
export function planRemediation(
  w: World,
  id: string,
  unitId: string,
  commissionId: string,
  flaggedAt: number,
  reportDate: string,
  hasOfficial: boolean,
  onVerified: (at: number) => void,
): void {
  const { rng, book } = w;
  const s = new StepList(flaggedAt);
  let kept = false;
  const as =
    (role: 'unit' | 'inspection', command: ShortcomingCommand, after?: (at: number) => void) =>
    (at: number): void => {
      book.run(shortcomingDecider, id, command, w.ctx(at, role, role === 'unit' ? unitId : commissionId));
      after?.(at);
    };
  const schedule = () => w.schedule(s.steps, () => kept || book.forget('shortcoming', id));
  const verify = as('inspection', { type: 'VerifyRemediation', note: null }, (at) => {
    kept = true;
    onVerified(at);
  });

  if (!hasOfficial && rng.chance(0.6)) {
    const official = officialFor(w, unitId);
    s.add(
      daysLater(rng, flaggedAt, rng.int(2, 10)),
      as('unit', { type: 'AssignAccountableOfficial', ...official }),
    );
  }
  const fate = rng.weighted(fates);
  if (fate === 'dismissed') {
    s.add(
      daysLater(rng, s.at, rng.int(5, 30)),
      as('inspection', { type: 'DismissShortcoming', reason: 'On review, within the rules (synthetic)' }),
    );
    schedule();
    return;
  }
  let target = addDays(reportDate, rng.int(30, 120));
  s.add(
    daysLater(rng, s.at, rng.int(3, 20)),
    as('unit', {
      type: 'SetRemediationPlan',
      plan: 'Remediation plan adopted (synthetic)',
      targetDate: target,
    }),
  );
  const planned = s.at;
  if (rng.chance(REVISED)) {
    const revised = addDays(target, rng.int(15, 60));
    const at = planned + rng.next() * (dayStart(target) - planned);
    s.add(
      officeHours(rng, at),
      as('unit', {
        type: 'ReviseRemediationTargetDate',
        targetDate: revised,
        reason: 'Awaiting staff and budget (synthetic)',
      }),
    );
    target = revised;
  }
  const targetAt = dayStart(target) + DAY_MS - 1;
  const reportAt =
    fate === 'remedied'
      ? rng.chance(0.75)
        ? Math.max(s.at + 3 * DAY_MS, targetAt - rng.int(0, 20) * DAY_MS)
        : targetAt + rng.int(3, 40) * DAY_MS
      : targetAt + rng.int(10, 60) * DAY_MS;
  const reports = rng.int(1, 2);
  for (let i = 1; i <= reports; i++) {
    const percent = Math.round((80 * i) / (reports + 1) / 5) * 5 + 10;
    s.add(
      officeHours(rng, s.at + ((reportAt - s.at) * i) / (reports + 1)),
      as('unit', {
        type: 'ReportRemediationProgress',
        narrative: `Remedy at about ${percent}% (synthetic)`,
        percent,
      }),
    );
  }
  if (fate === 'stalled') {
    if (rng.chance(0.4)) {
      s.add(
        officeHours(rng, reportAt),
        as('inspection', {
          type: 'CloseNotImplemented',
          reason: 'Target date long past, no remedy (synthetic)',
        }),
      );
    }
    schedule();
    return;
  }
  const remedied = as('unit', {
    type: 'ReportRemediation',
    summary: 'Remedied; evidence attached (synthetic)',
    evidence: [{ kind: 'document', code: `SYN-KP-${id.slice(0, 8)}` }],
  });
  s.add(officeHours(rng, reportAt), remedied);
  if (rng.chance(VERIFIED)) {
    s.add(daysLater(rng, s.at, rng.int(5, 20)), verify);
    schedule();
    return;
  }
  s.add(
    daysLater(rng, s.at, rng.int(5, 20)),
    as('inspection', {
      type: 'RejectRemediation',
      reason: 'The remedy does not cover the finding (synthetic)',
      note: null,
    }),
  );
  s.add(daysLater(rng, s.at, rng.int(10, 30)), remedied);
  s.add(
    daysLater(rng, s.at, rng.int(5, 20)),
    rng.chance(0.8)
      ? verify
      : as('inspection', {
          type: 'CloseNotImplemented',
          reason: 'Still not remedied after a second report (synthetic)',
        }),
  );
  schedule();
}
