import type { Deadline } from '../../events/deadline.js';
import {
  deadlineOf,
  type FilingStatus,
  filingStatus,
  periodInVietnam,
} from '../domain/monthly-reports/filing-status.js';
import { dueOnFor } from '../domain/monthly-reports/monthly-report.js';

// Who must report monthly is not a list kept anywhere: it is whoever leads a task carrying the
// reporting rule of Conclusion 183-KL/TW, clause 9 ("by the 25th of every month"). A unit added
// to that clause (or to a later clause with the same rule) is expected from then on.

/** The day of the month reports fall due (183-KL/TW, clause 9). */
export const REPORTING_DAY = 25;

/** Whether a task's deadline is the monthly reporting rule: by the 25th of every month. */
export function isReportingDeadline(deadline: Deadline): boolean {
  return deadline.kind === 'recurring_monthly' && deadline.dayOfMonth === REPORTING_DAY;
}

/** A unit's standing duty to report monthly, as the task that carries it gives it. */
export interface ReportingObligation {
  taskId: string;
  unitId: string;
  assignedOn: string;
  /** The day the task ended, was cancelled or superseded. */
  closedOn: string | null;
}

/** A filed monthly report, as compliance reads it. */
export interface FiledReport {
  unitId: string;
  period: string;
  dueOn: string;
  filedAt: string;
  scenario: boolean;
  synthetic: boolean;
}

/** Whether the duty was in force on the month's due day: assigned by then and not closed before. */
export function owesReportFor(o: ReportingObligation, period: string): boolean {
  const due = dueOnFor(period);
  return o.assignedOn <= due && (o.closedOn === null || o.closedOn >= due);
}

/** The units expected to report for a month, each once. */
export function expectedReporters(obligations: readonly ReportingObligation[], period: string): string[] {
  return [...new Set(obligations.filter((o) => owesReportFor(o, period)).map((o) => o.unitId))];
}

/** The month before a YYYY-MM month. */
export function previousMonth(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The months from `from` to `to` (YYYY-MM, inclusive), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = to; m >= from; m = previousMonth(m)) months.unshift(m);
  return months;
}

/** The last `count` months whose report had fallen due at `now`, newest first. */
export function dueMonths(now: Date, count: number): string[] {
  let period = periodInVietnam(now);
  if (deadlineOf(dueOnFor(period)).getTime() > now.getTime()) period = previousMonth(period);
  const months: string[] = [];
  for (let i = 0; i < count; i++, period = previousMonth(period)) months.push(period);
  return months;
}

/** One unit's standing for one month's report. */
export interface ReportStanding {
  unitId: string;
  period: string;
  dueOn: string;
  status: FilingStatus;
  /** When it was filed, if that was known at `now`. */
  filedAt: string | null;
  scenario: boolean;
  synthetic: boolean;
}

/**
 * Each expected unit's standing for the month at `now` (on time, late, missing, not yet due),
 * and the reports filed by units not expected. A filing after `now` is not known at `now`.
 */
export function monthStandings(
  period: string,
  expected: readonly string[],
  reports: readonly FiledReport[],
  now: Date,
): { expected: ReportStanding[]; unexpected: ReportStanding[] } {
  const known = new Map(
    reports
      .filter((r) => r.period === period && new Date(r.filedAt).getTime() <= now.getTime())
      .map((r) => [r.unitId, r]),
  );
  const standing = (unitId: string, r: FiledReport | undefined): ReportStanding => {
    const dueOn = r?.dueOn ?? dueOnFor(period);
    return {
      unitId,
      period,
      dueOn,
      status: filingStatus(dueOn, r ? new Date(r.filedAt) : null, now),
      filedAt: r?.filedAt ?? null,
      scenario: r?.scenario ?? false,
      synthetic: r?.synthetic ?? false,
    };
  };
  const isExpected = new Set(expected);
  return {
    expected: expected.map((u) => standing(u, known.get(u))),
    unexpected: [...known.values()]
      .filter((r) => !isExpected.has(r.unitId))
      .map((r) => standing(r.unitId, r)),
  };
}
