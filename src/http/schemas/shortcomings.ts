import { z } from 'zod';
import { evidenceSchema } from '../../../events/evidence.js';
import { shortcomingCategories, shortcomingSeverities } from '../../../events/shortcomings.js';
import { isoDate, occurredAt, reason, unitId } from './common.js';

// The limits of the events these bodies become, so a body that passes here passes the catalogue.
const name = z.string().trim().min(1).max(300);
const text = z.string().trim().min(1).max(10_000);

/** A shortcoming's id, as the server gave it when it was flagged. */
export const shortcomingId = z.string().min(1).max(200);

/** Who answers personally for the remedy (Conclusion 195-KL/TW): a role and a person. */
export const official = z.object({
  title: name.describe('e.g. Bộ trưởng (minister), Bí thư Tỉnh ủy (provincial party secretary)'),
  personName: name,
});

/** An inspection commission names a shortcoming of a unit in its supervision report. */
export const flagShortcomingBody = z.object({
  unitId: unitId.describe('the unit the shortcoming is named against'),
  inspectionUnitId: unitId.describe('the inspection commission whose report names it'),
  supervisionReport: z.object({
    title: name,
    documentCode: z.string().trim().min(1).max(100).nullable().optional(),
    date: isoDate,
  }),
  category: z.enum(shortcomingCategories),
  severity: z.enum(shortcomingSeverities),
  description: text,
  accountableOfficial: official
    .nullable()
    .optional()
    .describe('omitted: the unit’s current head, if one is on record; null: nobody named yet'),
  recurrenceOf: shortcomingId.optional().describe('the earlier shortcoming this one repeats'),
  occurredAt,
});

export const remediationPlanBody = z.object({ plan: text, targetDate: isoDate, occurredAt });

export const reviseTargetDateBody = z.object({
  targetDate: isoDate,
  reason: reason.describe('why the date moves; the original date stays on record'),
  occurredAt,
});

export const progressBody = z.object({
  narrative: text,
  percent: z.number().int().min(0).max(100).nullable().optional(),
  occurredAt,
});

export const remediationBody = z.object({ summary: text, evidence: evidenceSchema, occurredAt });

export const accountableOfficialBody = official.extend({ occurredAt });

export const verifyBody = z.object({ note: text.nullable().optional(), occurredAt });

export const rejectBody = z.object({ reason, note: text.nullable().optional(), occurredAt });

export const closeNotImplementedBody = z.object({ reason, occurredAt });

export const dismissBody = z.object({
  reason: reason.describe('the justification: why this is not a shortcoming after all'),
  occurredAt,
});

/** A shortcoming as the API shows it, with the unit answering for it today. */
export const shortcomingView = z.object({
  id: z.string(),
  status: z.enum([
    'open',
    'in_progress',
    'remediation_reported',
    'closed_implemented',
    'closed_not_implemented',
    'dismissed',
  ]),
  unitId: z.string().describe('the unit the shortcoming was named against, as recorded'),
  answeringUnitId: z.string().describe('the unit that answers for it today (after mergers and splits)'),
  inspectionUnitId: z.string(),
  supervisionReport: z.object({ title: z.string(), documentCode: z.string().nullable(), date: z.string() }),
  category: z.enum(shortcomingCategories),
  severity: z.enum(shortcomingSeverities),
  description: z.string(),
  accountableOfficial: official.nullable(),
  officials: z.array(official).describe('everyone who answered for it, the current one last'),
  plan: z.string().nullable(),
  originalTargetDate: z.string().nullable().describe('the first date committed to; revisions keep it'),
  targetDate: z.string().nullable(),
  revisions: z.array(z.object({ previousTargetDate: z.string(), targetDate: z.string() })),
  progress: z.array(z.object({ narrative: z.string(), percent: z.number().int().nullable() })),
  remediationReports: z.array(z.object({ summary: z.string(), evidence: evidenceSchema })),
  rejections: z.number().int(),
  verificationNote: z.string().nullable(),
  recurrenceOf: z.string().nullable(),
  recurrences: z.array(z.string()),
  version: z.number().int(),
  scenario: z.boolean().describe('true when written by the illustrative seed scenario, not real data'),
});
