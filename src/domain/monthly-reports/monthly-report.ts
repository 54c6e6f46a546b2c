import type { MonthlyReportEvent } from '../../../events/monthly-reports.js';

/** Whether the month's report is in. */
export type MonthlyReportStatus = 'unfiled' | 'filed';

/** The filed document, by code and/or address. */
export interface ReportDocument {
  code: string | null;
  url: string | null;
}

/** One unit's report for one month, as its own events make it. */
export interface MonthlyReport {
  status: MonthlyReportStatus;
  unitId: string | null;
  period: string | null;
  dueOn: string | null;
  summary: string | null;
  document: ReportDocument | null;
  corrections: number;
}

/** A month's report before it is filed. */
export const unfiledMonthlyReport: MonthlyReport = {
  status: 'unfiled',
  unitId: null,
  period: null,
  dueOn: null,
  summary: null,
  document: null,
  corrections: 0,
};

/** The stream of one unit's report for one month (YYYY-MM): at most one filing each. */
export function monthlyReportStreamId(unitId: string, period: string): string {
  return `${unitId}/${period}`;
}

/** Units report by the 25th of every month (Conclusion 183-KL/TW, clause 9). */
export function dueOnFor(period: string): string {
  return `${period}-25`;
}

/** Folds one event into the report. */
export function evolveMonthlyReport(report: MonthlyReport, event: MonthlyReportEvent): MonthlyReport {
  switch (event.type) {
    case 'MonthlyReportFiled':
      return {
        ...report,
        status: 'filed',
        unitId: event.data.unitId,
        period: event.data.period,
        dueOn: event.data.dueOn,
        summary: event.data.summary,
        document: event.data.document,
      };
    case 'MonthlyReportCorrected':
      return {
        ...report,
        summary: event.data.summary,
        document: event.data.document,
        corrections: report.corrections + 1,
      };
  }
}
