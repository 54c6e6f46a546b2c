import { filingStatus } from '../../domain/monthly-reports/filing-status.js';
import { dueOnFor, type MonthlyReport } from '../../domain/monthly-reports/monthly-report.js';
import type { RecordedEvent } from '../../ledger/types.js';

/**
 * A unit's report for a month as the API shows it: the folded state, when the filing happened
 * and when the ledger recorded it (from the filing event), and on time or late as of now.
 */
export function monthlyReportView(
  unitId: string,
  period: string,
  report: MonthlyReport,
  version: number,
  history: readonly RecordedEvent[],
  now = new Date(),
) {
  const filed = history.find((e) => e.type === 'MonthlyReportFiled');
  const dueOn = report.dueOn ?? dueOnFor(period);
  return {
    unitId,
    period,
    status: report.status,
    dueOn,
    filingStatus: filingStatus(dueOn, filed?.occurredAt ?? null, now),
    filedAt: filed?.occurredAt.toISOString() ?? null,
    recordedAt: filed?.recordedAt.toISOString() ?? null,
    summary: report.summary,
    document: report.document,
    corrections: report.corrections,
    version,
    scenario: filed?.tags.scenario === true,
  };
}
