import type { FilingStatus } from '../domain/monthly-reports/filing-status.js';
import { dueOnFor } from '../domain/monthly-reports/monthly-report.js';
import type { UnitTree } from '../read/unit-tree.js';
import {
  expectedReporters,
  type FiledReport,
  monthStandings,
  type ReportingObligation,
  type ReportStanding,
} from './reporting-units.js';

/** A unit's standing for a month, with its name. */
export type ComplianceLine = ReportStanding & { unitName: string };

/** One month of reporting compliance. */
export interface MonthCompliance {
  period: string;
  dueOn: string;
  expected: number;
  counts: Record<FilingStatus, number>;
  units: ComplianceLine[];
  /** Reports filed by units the reporting rule does not name (known at `now`). */
  unexpected: ComplianceLine[];
}

/**
 * For each month, every unit the reporting rule expects (as the obligations give it) on time,
 * late, missing or not yet due at `now`, with counts, and the reports filed by others.
 */
export function reportingCompliance(
  months: readonly string[],
  obligations: readonly ReportingObligation[],
  reports: readonly FiledReport[],
  tree: UnitTree,
  now: Date,
): MonthCompliance[] {
  const named = (s: ReportStanding): ComplianceLine => ({ ...s, unitName: tree.nameOf(s.unitId) });
  const byName = (a: ComplianceLine, b: ComplianceLine) =>
    a.unitName.localeCompare(b.unitName) || a.unitId.localeCompare(b.unitId);
  return months.map((period) => {
    const standings = monthStandings(period, expectedReporters(obligations, period), reports, now);
    const counts: Record<FilingStatus, number> = { on_time: 0, late: 0, missing: 0, not_yet_due: 0 };
    for (const s of standings.expected) counts[s.status]++;
    return {
      period,
      dueOn: dueOnFor(period),
      expected: standings.expected.length,
      counts,
      units: standings.expected.map(named).sort(byName),
      unexpected: standings.unexpected.map(named).sort(byName),
    };
  });
}
