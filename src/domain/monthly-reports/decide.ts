import { type MonthlyReportEvent, periodSchema } from '../../../events/monthly-reports.js';
import type { Decider } from '../decider.js';
import { validTime } from '../occurred-at.js';
import { refuseIf, requireAllowed, requireText } from '../refuse.js';
import { periodInVietnam } from './filing-status.js';
import {
  dueOnFor,
  evolveMonthlyReport,
  type MonthlyReport,
  type ReportDocument,
  unfiledMonthlyReport,
} from './monthly-report.js';

/**
 * What may be asked of a monthly report's stream (`monthlyReportStreamId(unitId, period)`).
 * `occurredAt` is when it was filed or corrected, defaulting to now.
 */
export type MonthlyReportCommand =
  | {
      type: 'FileMonthlyReport';
      unitId: string;
      period: string;
      summary: string;
      document?: ReportDocument | null;
      occurredAt?: Date;
    }
  | {
      type: 'CorrectMonthlyReport';
      summary: string;
      /** Omitted keeps the filed document; null withdraws it. */
      document?: ReportDocument | null;
      reason: string;
      occurredAt?: Date;
    };

const allowed: Record<MonthlyReport['status'], MonthlyReportCommand['type'][]> = {
  unfiled: ['FileMonthlyReport'],
  filed: ['CorrectMonthlyReport'],
};

const sameDocument = (a: ReportDocument | null, b: ReportDocument | null) =>
  a === b || (a !== null && b !== null && a.code === b.code && a.url === b.url);

/** The Monthly Reports stream: one unit's report for one month, filed once, then corrected. */
export const monthlyReportDecider: Decider<MonthlyReportCommand, MonthlyReportEvent, MonthlyReport> = {
  streamType: 'monthly_report',
  creates: ['FileMonthlyReport'],
  initialState: unfiledMonthlyReport,
  evolve: evolveMonthlyReport,
  decide(command, report, context) {
    requireAllowed('monthly report', allowed, report.status, command.type);
    const at = validTime(command, context);
    switch (command.type) {
      case 'FileMonthlyReport': {
        refuseIf(!periodSchema.safeParse(command.period).success, 'period', 'must be a month as YYYY-MM');
        // A month's report can be filed during that month or after it, never ahead of it.
        const filingMonth = periodInVietnam(at);
        refuseIf(
          command.period > filingMonth,
          'period',
          `must not start after the filing month ${filingMonth}`,
        );
        return [
          {
            event: {
              type: 'MonthlyReportFiled',
              data: {
                unitId: command.unitId,
                period: command.period,
                dueOn: dueOnFor(command.period),
                summary: command.summary,
                document: command.document ?? null,
              },
            },
            occurredAt: at,
            reason: null,
          },
        ];
      }
      case 'CorrectMonthlyReport': {
        const reason = requireText(command.reason, 'reason');
        const document = command.document === undefined ? report.document : command.document;
        refuseIf(
          command.summary === report.summary && sameDocument(document, report.document),
          'summary',
          'the correction changes nothing',
        );
        return [
          {
            event: { type: 'MonthlyReportCorrected', data: { summary: command.summary, document } },
            occurredAt: at,
            reason,
          },
        ];
      }
    }
  },
};
