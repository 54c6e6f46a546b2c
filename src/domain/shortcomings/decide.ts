import type { Evidence } from '../../../events/evidence.js';
import type {
  ShortcomingEvent,
  shortcomingCategories,
  shortcomingSeverities,
} from '../../../events/shortcomings.js';
import type { Decided, Decider } from '../decider.js';
import { validTime } from '../occurred-at.js';
import { refuseIf, requireAllowed, requireText } from '../refuse.js';
import { evolveShortcoming, type Official, type Shortcoming, unflaggedShortcoming } from './shortcoming.js';

/** The command that starts a shortcoming's stream. */
export interface FlagShortcomingCommand {
  type: 'FlagShortcoming';
  unitId: string;
  inspectionUnitId: string;
  supervisionReport: { title: string; documentCode?: string | null; date: string };
  category: (typeof shortcomingCategories)[number];
  severity: (typeof shortcomingSeverities)[number];
  description: string;
  accountableOfficial?: Official | null;
  /** The earlier shortcoming this one repeats; only `flagShortcoming` records it on both streams. */
  recurrenceOf?: string | null;
  occurredAt?: Date;
}

/** What may be asked of a shortcoming's stream; `occurredAt` defaults to now. */
export type ShortcomingCommand =
  | FlagShortcomingCommand
  | ((
      | { type: 'AssignAccountableOfficial'; title: string; personName: string }
      | { type: 'SetRemediationPlan'; plan: string; targetDate: string }
      | { type: 'ReviseRemediationTargetDate'; targetDate: string; reason: string }
      | { type: 'ReportRemediationProgress'; narrative: string; percent?: number | null }
      | { type: 'ReportRemediation'; summary: string; evidence: Evidence }
      | { type: 'VerifyRemediation'; note?: string | null }
      | { type: 'RejectRemediation'; note?: string | null; reason: string }
      | { type: 'CloseNotImplemented'; reason: string }
      | { type: 'DismissShortcoming'; reason: string }
      | { type: 'RecordRecurrence'; recurrenceId: string }
    ) & { occurredAt?: Date });

type CommandName = ShortcomingCommand['type'];

// A recurrence may be recorded whatever became of the earlier shortcoming, closed ones included.
const allowed: Record<Shortcoming['status'], CommandName[]> = {
  unflagged: ['FlagShortcoming'],
  open: [
    'AssignAccountableOfficial',
    'SetRemediationPlan',
    'CloseNotImplemented',
    'DismissShortcoming',
    'RecordRecurrence',
  ],
  in_progress: [
    'AssignAccountableOfficial',
    'ReviseRemediationTargetDate',
    'ReportRemediationProgress',
    'ReportRemediation',
    'CloseNotImplemented',
    'DismissShortcoming',
    'RecordRecurrence',
  ],
  // Once the unit claims the remedy, only the commission's verdict (or a closure) settles it;
  // dismissing it now would erase a claim it has not judged.
  remediation_reported: [
    'AssignAccountableOfficial',
    'ReviseRemediationTargetDate',
    'VerifyRemediation',
    'RejectRemediation',
    'CloseNotImplemented',
    'RecordRecurrence',
  ],
  closed_implemented: ['RecordRecurrence'],
  closed_not_implemented: ['RecordRecurrence'],
  dismissed: ['RecordRecurrence'],
};

// A remedy cannot be due before the report that asked for it.
function refuseBeforeReport(s: Shortcoming, targetDate: string): void {
  const reportDate = s.report?.date ?? '';
  refuseIf(targetDate < reportDate, 'targetDate', `must not precede the supervision report of ${reportDate}`);
}

/** The Shortcomings stream: flagged in a supervision report, remedied, verified or closed. */
export const shortcomingDecider: Decider<ShortcomingCommand, ShortcomingEvent, Shortcoming> = {
  streamType: 'shortcoming',
  creates: ['FlagShortcoming'],
  initialState: unflaggedShortcoming,
  evolve: evolveShortcoming,
  decide(command, s, context) {
    requireAllowed('shortcoming', allowed, s.status, command.type);
    const at = validTime(command, context);
    const one = (event: ShortcomingEvent, reason: string | null = null): Decided<ShortcomingEvent>[] => [
      { event, occurredAt: at, reason },
    ];
    switch (command.type) {
      case 'FlagShortcoming':
        return one({
          type: 'ShortcomingFlagged',
          data: {
            unitId: command.unitId,
            inspectionUnitId: command.inspectionUnitId,
            supervisionReport: {
              title: command.supervisionReport.title,
              documentCode: command.supervisionReport.documentCode ?? null,
              date: command.supervisionReport.date,
            },
            category: command.category,
            severity: command.severity,
            description: command.description,
            accountableOfficial: command.accountableOfficial ?? null,
            recurrenceOf: command.recurrenceOf ?? null,
          },
        });
      case 'AssignAccountableOfficial':
        return one({
          type: 'AccountableOfficialAssigned',
          data: { title: command.title, personName: command.personName },
        });
      case 'SetRemediationPlan':
        refuseBeforeReport(s, command.targetDate);
        return one({
          type: 'RemediationPlanSet',
          data: { plan: command.plan, targetDate: command.targetDate },
        });
      case 'ReviseRemediationTargetDate': {
        const reason = requireText(command.reason, 'reason');
        refuseBeforeReport(s, command.targetDate);
        const previousTargetDate = s.targetDate as string;
        refuseIf(command.targetDate === previousTargetDate, 'targetDate', 'is already the target date');
        return one(
          {
            type: 'RemediationTargetDateRevised',
            data: { previousTargetDate, targetDate: command.targetDate },
          },
          reason,
        );
      }
      case 'ReportRemediationProgress':
        return one({
          type: 'RemediationProgressReported',
          data: { narrative: command.narrative, percent: command.percent ?? null },
        });
      case 'ReportRemediation':
        refuseIf(!command.evidence?.length, 'evidence', 'needs at least one item');
        return one({
          type: 'RemediationReported',
          data: { summary: command.summary, evidence: command.evidence },
        });
      case 'VerifyRemediation':
        return one({ type: 'RemediationVerified', data: { note: command.note ?? null } });
      case 'RejectRemediation':
        return one(
          { type: 'RemediationRejected', data: { note: command.note ?? null } },
          requireText(command.reason, 'reason'),
        );
      case 'CloseNotImplemented':
        return one(
          { type: 'ShortcomingClosedNotImplemented', data: {} },
          requireText(command.reason, 'reason'),
        );
      case 'DismissShortcoming':
        return one({ type: 'ShortcomingDismissed', data: {} }, requireText(command.reason, 'reason'));
      case 'RecordRecurrence':
        refuseIf(s.recurrences.includes(command.recurrenceId), 'recurrenceId', 'is already recorded');
        return one({ type: 'ShortcomingRecurred', data: { recurrenceId: command.recurrenceId } });
    }
  },
};
