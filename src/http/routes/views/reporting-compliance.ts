import { z } from 'zod';
import { monthSchema } from '../../../../events/deadline.js';
import { authorize } from '../../../auth/permissions.js';
import { periodInVietnam } from '../../../domain/monthly-reports/filing-status.js';
import { ValidationError } from '../../../errors.js';
import { readFiledReports, readReportingObligations } from '../../../read/reporting.js';
import { type ComplianceLine, reportingCompliance } from '../../../views/reporting-compliance.js';
import { monthsBetween } from '../../../views/reporting-units.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors } from '../../schemas/common.js';
import { clockStamp, viewClock, viewQuery } from '../../view-clock.js';

// Two years of months is already 24 tables of every reporting unit; beyond that, ask twice.
const MAX_MONTHS = 24;

const query = viewQuery.extend({
  month: monthSchema.optional().describe('one month, YYYY-MM'),
  from: monthSchema.optional().describe('the first month of a range (with `to`), YYYY-MM'),
  to: monthSchema.optional().describe(`the last month of a range, at most ${MAX_MONTHS} months`),
});

const status = z.enum(['on_time', 'late', 'missing', 'not_yet_due']);
const line = z.object({
  unitId: z.string(),
  unitName: z.string(),
  period: z.string(),
  dueOn: z.string(),
  status,
  filedAt: z.string().nullable(),
  scenario: z.boolean(),
  synthetic: z.boolean(),
});
const complianceResponse = z.object({
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
  months: z.array(
    z.object({
      period: z.string(),
      dueOn: z.string(),
      expected: z.number().int().describe('units leading a task under the rule "by the 25th of every month"'),
      counts: z.object({
        on_time: z.number().int(),
        late: z.number().int(),
        missing: z.number().int(),
        not_yet_due: z.number().int(),
      }),
      units: z.array(line),
      unexpected: z.array(line).describe('reports filed by units the reporting rule does not name'),
    }),
  ),
});

type Row = ComplianceLine & { expected: boolean };
const columns: CsvColumn<Row>[] = [
  { header: 'period', value: (r) => r.period },
  { header: 'due_on', value: (r) => r.dueOn },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'unit_name', value: (r) => r.unitName },
  { header: 'expected', value: (r) => (r.expected ? 'yes' : 'no') },
  { header: 'status', value: (r) => r.status },
  { header: 'filed_at', value: (r) => r.filedAt },
  { header: 'illustrative', value: (r) => (r.scenario ? 'yes' : 'no') },
];

/** The months asked for: one month, a range of at most MAX_MONTHS, or the month of `now`. */
function monthsAsked(q: { month?: string; from?: string; to?: string }, now: Date): string[] {
  if (q.month && (q.from || q.to)) {
    throw new ValidationError('give either month or from/to', [
      { path: 'querystring.month', message: 'not together with from or to' },
    ]);
  }
  const from = q.month ?? q.from ?? q.to ?? periodInVietnam(now);
  const to = q.month ?? q.to ?? q.from ?? from;
  if (from > to) {
    throw new ValidationError('from is after to', [
      { path: 'querystring.from', message: 'on or before `to`' },
    ]);
  }
  const months = monthsBetween(from, to);
  if (months.length > MAX_MONTHS) {
    throw new ValidationError(`at most ${MAX_MONTHS} months`, [
      { path: 'querystring.to', message: `at most ${MAX_MONTHS} months after \`from\`` },
    ]);
  }
  return months;
}

/** Who filed the monthly report (due by the 25th) on time, late, or not at all. */
export async function reportingComplianceRoutes(app: App): Promise<void> {
  app.get(
    '/views/reporting-compliance',
    {
      schema: {
        summary:
          'Per month, every unit expected to report by the 25th (183-KL/TW, clause 9): on time, late, missing or not yet due, with counts; and reports filed by units not expected',
        tags: ['views'],
        querystring: query,
        response: { 200: complianceResponse, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const clock = await viewClock(app.database, request.query);
      const months = monthsAsked(request.query, clock.now);
      const k = clock.knowledge;
      const [obligations, reports, tree] = await Promise.all([
        readReportingObligations(app.database, k),
        readFiledReports(app.database, k, months),
        app.unitTrees.at(k),
      ]);
      const compliance = reportingCompliance(months, obligations, reports, tree, clock.now);
      if (wantsCsv(request)) {
        const rows = compliance.flatMap((m) => [
          ...m.units.map((u) => ({ ...u, expected: true })),
          ...m.unexpected.map((u) => ({ ...u, expected: false })),
        ]);
        return sendCsv(reply, `reporting-compliance-${months[0]}-${months.at(-1)}.csv`, columns, rows);
      }
      return { ...clockStamp(clock), months: compliance };
    },
  );
}
