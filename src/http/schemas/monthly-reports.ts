import { z } from 'zod';
import { periodSchema } from '../../../events/monthly-reports.js';
import { occurredAt, reason, unitId } from './common.js';

const summary = z.string().trim().min(1).max(20_000);

/** A reporting month, YYYY-MM. */
export const period = periodSchema;

/** The filed document, by its code, its address, or both. */
export const reportDocument = z
  .object({
    code: z.string().trim().min(1).max(100).nullable().optional(),
    url: z.url().nullable().optional(),
  })
  .refine((d) => (d.code ?? null) !== null || (d.url ?? null) !== null, {
    message: 'a code or an address',
    path: ['code'],
  });

export const monthlyReportParams = z.object({ unitId, period });

/** A unit files its report for a month; when it was filed is the valid time. */
export const fileMonthlyReportBody = z.object({
  period,
  summary,
  document: reportDocument.nullable().optional(),
  occurredAt: occurredAt.describe(
    'when the report came in, if not now: e.g. a paper report the secretariat enters later (not for the unit role)',
  ),
});

export const correctMonthlyReportBody = z.object({
  summary,
  document: reportDocument
    .nullable()
    .optional()
    .describe('omitted keeps the filed document; null withdraws it'),
  reason,
  occurredAt,
});

/** One unit's report for one month, filed or not, with whether it came in on time. */
export const monthlyReportView = z.object({
  unitId: z.string(),
  period: z.string(),
  status: z.enum(['unfiled', 'filed']),
  dueOn: z.string().describe('the 25th of the period (Conclusion 183-KL/TW, clause 9)'),
  filingStatus: z
    .enum(['on_time', 'late', 'missing', 'not_yet_due'])
    .describe('derived from dueOn and filedAt at the end of the due day in Vietnam (UTC+7); never entered'),
  filedAt: z.string().nullable().describe('when it was filed (valid time)'),
  recordedAt: z.string().nullable().describe('when the ledger recorded the filing'),
  summary: z.string().nullable(),
  document: z.object({ code: z.string().nullable(), url: z.string().nullable() }).nullable(),
  corrections: z.number().int(),
  version: z.number().int(),
  scenario: z.boolean().describe('true when written by the illustrative seed scenario, not real data'),
});
