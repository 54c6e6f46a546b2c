import type { ShortcomingEvent } from '../../events/shortcomings.js';
import type { RecordedEvent } from '../../src/ledger/types.js';
import { type DocumentProjection, streamsOf } from '../../src/projections/projection.js';
import { advance, clip, dayOf, type Provenance, provenanceOf, type Transition, transition } from './marks.js';

/** Who answers personally for a remedy, and since when. */
export interface OfficialTerm {
  title: string;
  personName: string;
  since: string;
}

/** A shortcoming as the views list it: against whom, how grave, who answers, where it stands. */
export interface ShortcomingDocument extends Provenance {
  id: string;
  /** The unit it was flagged against; the unit answering now may be its successor. */
  unitId: string;
  inspectionUnitId: string;
  report: { title: string; documentCode: string | null; date: string };
  category: string;
  severity: string;
  description: string;
  /** Accountable officials in order; the last answers now. */
  officials: OfficialTerm[];
  plan: string | null;
  targetDate: string | null;
  originalTargetDate: string | null;
  targetRevisions: number;
  percent: number | null;
  status: string;
  flaggedOn: string;
  remediationReportedOn: string | null;
  /** Verified, closed as not implemented, or dismissed on this day. */
  closedOn: string | null;
  rejections: number;
  recurrenceOf: string | null;
  recurrences: string[];
  transitions: Transition[];
}

function flagged(e: RecordedEvent, id: string): ShortcomingDocument {
  const d = e.data as Extract<ShortcomingEvent, { type: 'ShortcomingFlagged' }>['data'];
  const on = dayOf(e);
  return {
    id,
    unitId: d.unitId,
    inspectionUnitId: d.inspectionUnitId,
    report: d.supervisionReport,
    category: d.category,
    severity: d.severity,
    description: clip(d.description),
    officials: d.accountableOfficial ? [{ ...d.accountableOfficial, since: on }] : [],
    plan: null,
    targetDate: null,
    originalTargetDate: null,
    targetRevisions: 0,
    percent: null,
    status: 'open',
    flaggedOn: on,
    remediationReportedOn: null,
    closedOn: null,
    rejections: 0,
    recurrenceOf: d.recurrenceOf,
    recurrences: [],
    transitions: [transition(e, 'open')],
    ...provenanceOf(e),
  };
}

/** Shortcomings, versioned: the register and the inspection queue read them as of any position. */
export const shortcomingDocuments: DocumentProjection<ShortcomingDocument> = {
  name: 'view_shortcomings',
  version: 3,
  table: 'view_shortcoming_versions',
  tables: ['view_shortcoming_versions', 'view_shortcoming_items'],
  // What a shortcoming was flagged with; who answers, the plan and the state move on (migration 013).
  fixed: {
    keys: [
      'id',
      'unitId',
      'inspectionUnitId',
      'report',
      'category',
      'severity',
      'description',
      'flaggedOn',
      'recurrenceOf',
    ],
    table: 'view_shortcoming_items',
    view: 'view_shortcomings',
  },
  keysOf: streamsOf('shortcoming'),
  evolve(doc, e, id) {
    const event = { type: e.type, data: e.data } as ShortcomingEvent;
    if (event.type === 'ShortcomingFlagged') return flagged(e, id);
    if (!doc) return doc;
    const to = (status: string, change: Partial<ShortcomingDocument> = {}) => advance(doc, e, status, change);
    switch (event.type) {
      case 'AccountableOfficialAssigned':
        return to(doc.status, { officials: [...doc.officials, { ...event.data, since: dayOf(e) }] });
      case 'RemediationPlanSet':
        return to('in_progress', {
          plan: clip(event.data.plan),
          targetDate: event.data.targetDate,
          originalTargetDate: doc.originalTargetDate ?? event.data.targetDate,
        });
      case 'RemediationTargetDateRevised':
        return to(doc.status, {
          targetDate: event.data.targetDate,
          targetRevisions: doc.targetRevisions + 1,
        });
      case 'RemediationProgressReported':
        return to(doc.status, { percent: event.data.percent ?? doc.percent });
      case 'RemediationReported':
        return to('remediation_reported', { remediationReportedOn: dayOf(e) });
      case 'RemediationVerified':
        return to('closed_implemented', { closedOn: dayOf(e), percent: 100 });
      case 'RemediationRejected':
        return to('in_progress', { rejections: doc.rejections + 1 });
      case 'ShortcomingClosedNotImplemented':
        return to('closed_not_implemented', { closedOn: dayOf(e) });
      case 'ShortcomingDismissed':
        return to('dismissed', { closedOn: dayOf(e) });
      case 'ShortcomingRecurred':
        return to(doc.status, { recurrences: [...doc.recurrences, event.data.recurrenceId] });
    }
  },
  columns: (d) => ({
    unit_id: d.unitId,
    inspection_unit_id: d.inspectionUnitId,
    status: d.status,
    category: d.category,
    severity: d.severity,
    official_name: d.officials.at(-1)?.personName ?? null,
    target_date: d.targetDate,
    flagged_on: d.flaggedOn,
    remediation_reported_on: d.remediationReportedOn,
    closed_on: d.closedOn,
    recurrence_of: d.recurrenceOf,
  }),
};
