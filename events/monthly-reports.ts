import { z } from 'zod';
import { defineEvent } from './catalogue.js';

/** A reporting month, YYYY-MM. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** The filed document, by its code, its address, or both; null when the report is the summary alone. */
export const reportDocumentSchema = z
  .object({
    code: z.string().trim().min(1).max(100).nullable(),
    url: z.url({ protocol: /^https?$/ }).nullable(),
  })
  .refine((d) => d.code !== null || d.url !== null, { message: 'a code or an address', path: ['code'] })
  .nullable();

const summary = z.string().trim().min(1).max(20_000);

/**
 * A unit files its monthly report to the Central Organizing Committee for a period; `dueOn` is
 * the 25th of that month (Conclusion 183-KL/TW, clause 9). When it was filed is the event's
 * valid time; on time or late is derived from it, never entered.
 */
export const MonthlyReportFiled = defineEvent(
  'MonthlyReportFiled',
  z.object({
    unitId: z.string().trim().min(1).max(200),
    period: periodSchema,
    dueOn: z.iso.date().regex(/-25$/, 'the 25th of the period'),
    summary,
    document: reportDocumentSchema,
  }),
);

/** The filed report is corrected (reason required); when it was filed does not change. */
export const MonthlyReportCorrected = defineEvent(
  'MonthlyReportCorrected',
  z.object({ summary, document: reportDocumentSchema }),
);

/** Every monthly-report event, for the catalogue. */
export const monthlyReportEvents = [MonthlyReportFiled, MonthlyReportCorrected] as const;

/** A monthly-report event as the Monthly Reports decider sees it. */
export type MonthlyReportEvent =
  | { type: 'MonthlyReportFiled'; data: z.infer<typeof MonthlyReportFiled.schema> }
  | { type: 'MonthlyReportCorrected'; data: z.infer<typeof MonthlyReportCorrected.schema> };
