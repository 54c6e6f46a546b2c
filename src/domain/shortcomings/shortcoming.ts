import type { Evidence } from '../../../events/evidence.js';
import type {
  ShortcomingEvent,
  shortcomingCategories,
  shortcomingSeverities,
} from '../../../events/shortcomings.js';

/** Where a shortcoming stands: flagged, being remedied, remedy claimed, or closed one way or another. */
export type ShortcomingStatus =
  | 'unflagged'
  | 'open'
  | 'in_progress'
  | 'remediation_reported'
  | 'closed_implemented'
  | 'closed_not_implemented'
  | 'dismissed';

/** Statuses in which the unit still owes a remedy. */
export const openStatuses: readonly ShortcomingStatus[] = ['open', 'in_progress', 'remediation_reported'];

/** Who answers for the remedy: a role and a person. */
export interface Official {
  title: string;
  personName: string;
}

/** The supervision report a shortcoming was named in. */
export interface SupervisionReport {
  title: string;
  documentCode: string | null;
  date: string;
}

/** A move of the completion date. */
export interface TargetRevision {
  previousTargetDate: string;
  targetDate: string;
}

/** An interim account of the remedy. */
export interface Progress {
  narrative: string;
  percent: number | null;
}

/** The unit's claim that the remedy is done, with its evidence. */
export interface RemediationReport {
  summary: string;
  evidence: Evidence;
}

/** A shortcoming as its own events make it. */
export interface Shortcoming {
  status: ShortcomingStatus;
  unitId: string | null;
  inspectionUnitId: string | null;
  report: SupervisionReport | null;
  category: (typeof shortcomingCategories)[number] | null;
  severity: (typeof shortcomingSeverities)[number] | null;
  description: string | null;
  accountableOfficial: Official | null;
  /** Everyone who answered for it, in order, the current one last. */
  officials: Official[];
  plan: string | null;
  /** The first completion date committed to; revisions never change it. */
  originalTargetDate: string | null;
  targetDate: string | null;
  revisions: TargetRevision[];
  progress: Progress[];
  remediationReports: RemediationReport[];
  rejections: number;
  /** The inspection commission's note on accepting the remedy. */
  verificationNote: string | null;
  recurrenceOf: string | null;
  recurrences: string[];
}

/** A shortcoming before its first event. */
export const unflaggedShortcoming: Shortcoming = {
  status: 'unflagged',
  unitId: null,
  inspectionUnitId: null,
  report: null,
  category: null,
  severity: null,
  description: null,
  accountableOfficial: null,
  officials: [],
  plan: null,
  originalTargetDate: null,
  targetDate: null,
  revisions: [],
  progress: [],
  remediationReports: [],
  rejections: 0,
  verificationNote: null,
  recurrenceOf: null,
  recurrences: [],
};

/** Folds one event into the shortcoming. */
export function evolveShortcoming(s: Shortcoming, event: ShortcomingEvent): Shortcoming {
  switch (event.type) {
    case 'ShortcomingFlagged': {
      const d = event.data;
      return {
        ...s,
        status: 'open',
        unitId: d.unitId,
        inspectionUnitId: d.inspectionUnitId,
        report: d.supervisionReport,
        category: d.category,
        severity: d.severity,
        description: d.description,
        accountableOfficial: d.accountableOfficial,
        officials: d.accountableOfficial ? [d.accountableOfficial] : [],
        recurrenceOf: d.recurrenceOf,
      };
    }
    case 'AccountableOfficialAssigned':
      return { ...s, accountableOfficial: event.data, officials: [...s.officials, event.data] };
    case 'RemediationPlanSet':
      return {
        ...s,
        status: 'in_progress',
        plan: event.data.plan,
        originalTargetDate: event.data.targetDate,
        targetDate: event.data.targetDate,
      };
    case 'RemediationTargetDateRevised':
      return { ...s, targetDate: event.data.targetDate, revisions: [...s.revisions, event.data] };
    case 'RemediationProgressReported':
      return { ...s, progress: [...s.progress, event.data] };
    case 'RemediationReported':
      return {
        ...s,
        status: 'remediation_reported',
        remediationReports: [...s.remediationReports, event.data],
      };
    case 'RemediationVerified':
      return { ...s, status: 'closed_implemented', verificationNote: event.data.note };
    case 'RemediationRejected':
      return { ...s, status: 'in_progress', rejections: s.rejections + 1 };
    case 'ShortcomingClosedNotImplemented':
      return { ...s, status: 'closed_not_implemented' };
    case 'ShortcomingDismissed':
      return { ...s, status: 'dismissed' };
    case 'ShortcomingRecurred':
      return { ...s, recurrences: [...s.recurrences, event.data.recurrenceId] };
  }
}
