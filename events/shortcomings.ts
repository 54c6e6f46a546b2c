import { z } from 'zod';
import { defineEvent } from './catalogue.js';
import { evidenceSchema } from './evidence.js';

/** The areas Conclusion 195-KL/TW names shortcomings in (DOMAIN.md), and a catch-all. */
export const shortcomingCategories = [
  'institutions',
  'facilities',
  'technology_infrastructure',
  'human_resources',
  'administrative_procedures',
  'other',
] as const;

/** How grave an inspection commission judges a shortcoming. */
export const shortcomingSeverities = ['low', 'medium', 'high', 'critical'] as const;

const isoDate = z.iso.date();
const id = z.string().trim().min(1).max(200);
const name = z.string().trim().min(1).max(300);
const text = z.string().trim().min(1).max(10_000);
const note = text.nullable();

/** The person who answers for a shortcoming: the unit head's role and name. */
export const officialSchema = z.object({ title: name, personName: name });

/** The supervision report that names a shortcoming. */
export const supervisionReportSchema = z.object({
  title: name,
  documentCode: z.string().trim().min(1).max(100).nullable(),
  date: isoDate,
});

/** An inspection commission names a shortcoming of a unit in a supervision report. */
export const ShortcomingFlagged = defineEvent(
  'ShortcomingFlagged',
  z.object({
    unitId: id,
    inspectionUnitId: id,
    supervisionReport: supervisionReportSchema,
    category: z.enum(shortcomingCategories),
    severity: z.enum(shortcomingSeverities),
    description: text,
    accountableOfficial: officialSchema.nullable(),
    recurrenceOf: id.nullable(),
  }),
);

/** Someone (the unit's head, usually) now answers personally for the remedy. */
export const AccountableOfficialAssigned = defineEvent('AccountableOfficialAssigned', officialSchema);

/** The unit commits to a remedy and a completion date. */
export const RemediationPlanSet = defineEvent(
  'RemediationPlanSet',
  z.object({ plan: text, targetDate: isoDate }),
);

/** The completion date moves; the reason is the event's `reason`, the original date stays on record. */
export const RemediationTargetDateRevised = defineEvent(
  'RemediationTargetDateRevised',
  z.object({ previousTargetDate: isoDate, targetDate: isoDate }),
);

/** An interim account of the remedy; `percent` when the unit can quantify it. */
export const RemediationProgressReported = defineEvent(
  'RemediationProgressReported',
  z.object({ narrative: text, percent: z.number().int().min(0).max(100).nullable() }),
);

/** The unit says the shortcoming is remedied, and shows what proves it. */
export const RemediationReported = defineEvent(
  'RemediationReported',
  z.object({ summary: text, evidence: evidenceSchema }),
);

/** The inspection commission accepts the remedy: closed as implemented. */
export const RemediationVerified = defineEvent('RemediationVerified', z.object({ note }));

/** The inspection commission does not accept the remedy (reason required): back to in progress. */
export const RemediationRejected = defineEvent('RemediationRejected', z.object({ note }));

/** Closed without the remedy being carried out (reason required). */
export const ShortcomingClosedNotImplemented = defineEvent('ShortcomingClosedNotImplemented', z.object({}));

/** Withdrawn as not a shortcoming after all; the reason is the justification. */
export const ShortcomingDismissed = defineEvent('ShortcomingDismissed', z.object({}));

/** On an earlier shortcoming: the same problem was flagged again as `recurrenceId`. */
export const ShortcomingRecurred = defineEvent('ShortcomingRecurred', z.object({ recurrenceId: id }));

/** Every shortcoming event, for the catalogue. */
export const shortcomingEvents = [
  ShortcomingFlagged,
  AccountableOfficialAssigned,
  RemediationPlanSet,
  RemediationTargetDateRevised,
  RemediationProgressReported,
  RemediationReported,
  RemediationVerified,
  RemediationRejected,
  ShortcomingClosedNotImplemented,
  ShortcomingDismissed,
  ShortcomingRecurred,
] as const;

/** A shortcoming event as the Shortcomings decider sees it. */
export type ShortcomingEvent =
  | { type: 'ShortcomingFlagged'; data: z.infer<typeof ShortcomingFlagged.schema> }
  | { type: 'AccountableOfficialAssigned'; data: z.infer<typeof AccountableOfficialAssigned.schema> }
  | { type: 'RemediationPlanSet'; data: z.infer<typeof RemediationPlanSet.schema> }
  | { type: 'RemediationTargetDateRevised'; data: z.infer<typeof RemediationTargetDateRevised.schema> }
  | { type: 'RemediationProgressReported'; data: z.infer<typeof RemediationProgressReported.schema> }
  | { type: 'RemediationReported'; data: z.infer<typeof RemediationReported.schema> }
  | { type: 'RemediationVerified'; data: z.infer<typeof RemediationVerified.schema> }
  | { type: 'RemediationRejected'; data: z.infer<typeof RemediationRejected.schema> }
  | { type: 'ShortcomingClosedNotImplemented'; data: z.infer<typeof ShortcomingClosedNotImplemented.schema> }
  | { type: 'ShortcomingDismissed'; data: z.infer<typeof ShortcomingDismissed.schema> }
  | { type: 'ShortcomingRecurred'; data: z.infer<typeof ShortcomingRecurred.schema> };
