import { z } from 'zod';
import { authorize } from '../../../auth/permissions.js';
import { NotFoundError } from '../../../errors.js';
import {
  readGapShortcomings,
  readGapTasks,
  readShortcomingsById,
  readTasksById,
} from '../../../read/gaps.js';
import { readFiledReports, readReportingObligations } from '../../../read/reporting.js';
import { dueMonths } from '../../../views/reporting-units.js';
import {
  findGaps,
  type GapSections,
  gapSections,
  listedIds,
  unitGapsSections,
} from '../../../views/unit-gaps.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors, unitId } from '../../schemas/common.js';
import { clockStamp, viewClock, viewQuery } from '../../view-clock.js';

const query = viewQuery.extend({
  dueWithinDays: z.coerce.number().int().min(0).max(366).default(14).describe('the due-soon window, in days'),
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(24)
    .default(3)
    .describe('how many reporting months, up to the last one due, to check for late or missing reports'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('items listed per section'),
});

const counts = z.object(
  Object.fromEntries(gapSections.map((s) => [s, z.number().int()])) as {
    [K in (typeof gapSections)[number]]: z.ZodNumber;
  },
);
const provenance = { scenario: z.boolean(), synthetic: z.boolean() };
const placed = { unitName: z.string(), rollsUpTo: z.string() };
const shortcomingItem = z.object({
  id: z.string(),
  unitId: z.string(),
  answeringUnitId: z.string(),
  ...placed,
  category: z.string(),
  severity: z.string(),
  description: z.string(),
  status: z.string(),
  flaggedOn: z.string(),
  targetDate: z.string().nullable(),
  remediationOverdue: z.boolean(),
  remediationReportedOn: z.string().nullable(),
  official: z.object({ title: z.string(), personName: z.string() }).nullable(),
  ...provenance,
});
const taskItem = z.object({
  id: z.string(),
  directiveCode: z.string(),
  clauseReference: z.string(),
  leadUnitId: z.string(),
  ...placed,
  description: z.string(),
  status: z.string(),
  dueOn: z.string().nullable(),
  extensions: z.number().int(),
  percent: z.number().nullable(),
  ...provenance,
});
const reportItem = z.object({
  unitId: z.string(),
  ...placed,
  period: z.string(),
  dueOn: z.string(),
  status: z.string().describe('late or missing'),
  filedAt: z.string().nullable(),
  ...provenance,
});
const section = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
const stamp = {
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
};

/** The answer of GET /views/units/:unitId/gaps. */
const unitGapsResponse = z.object({
  ...stamp,
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string(), status: z.string() }),
  dueWithinDays: z.number().int(),
  months: z.array(z.string()).describe('the reporting months checked, newest first'),
  scopeUnits: z.number().int().describe('units answered for: the unit, those under it, merged predecessors'),
  totals: counts,
  rollUp: z
    .array(
      z
        .object({ unitId: z.string(), name: z.string(), own: z.boolean(), total: z.number().int() })
        .extend(counts.shape),
    )
    .describe('per unit directly under this one; `own` is the unit itself with its merged predecessors'),
  sections: z.object({
    openShortcomings: section(shortcomingItem).describe(
      'open or in progress: still owing a remedy (the gravest first); reported remedies are under awaitingVerification',
    ),
    awaitingVerification: section(shortcomingItem).describe(
      'remedy reported, not yet verified by inspection',
    ),
    overdueTasks: section(taskItem).describe(
      'past the due day at `now` and still owed (the most overdue first)',
    ),
    tasksDueSoon: section(taskItem).describe('still owed and due within `dueWithinDays` of `now`'),
    monthlyReports: section(reportItem).describe(
      'late or missing reports of the reporting units in scope, per month',
    ),
  }),
});

interface CsvRow {
  section: string;
  unitId: string;
  unitName: string;
  rollsUpTo: string;
  id?: string;
  directiveCode?: string;
  clauseReference?: string;
  period?: string;
  description?: string;
  status: string;
  due?: string | null;
  filedAt?: string | null;
  scenario: boolean;
}

function csvRows(sections: GapSections): CsvRow[] {
  const { openShortcomings, awaitingVerification, overdueTasks, tasksDueSoon, monthlyReports } = sections;
  const shortcomings = (name: string, items: typeof openShortcomings.items) =>
    items.map((s) => ({ ...s, section: name, due: s.targetDate, unitId: s.unitId }));
  const tasks = (name: string, items: typeof overdueTasks.items) =>
    items.map((t) => ({ ...t, section: name, due: t.dueOn, unitId: t.leadUnitId }));
  return [
    ...shortcomings('openShortcomings', openShortcomings.items),
    ...shortcomings('awaitingVerification', awaitingVerification.items),
    ...tasks('overdueTasks', overdueTasks.items),
    ...tasks('tasksDueSoon', tasksDueSoon.items),
    ...monthlyReports.items.map((r) => ({ ...r, section: 'monthlyReports', due: r.dueOn })),
  ];
}

const columns: CsvColumn<CsvRow>[] = [
  { header: 'section', value: (r) => r.section },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'unit_name', value: (r) => r.unitName },
  { header: 'rolls_up_to', value: (r) => r.rollsUpTo },
  { header: 'id', value: (r) => r.id },
  { header: 'directive_code', value: (r) => r.directiveCode },
  { header: 'clause', value: (r) => r.clauseReference },
  { header: 'period', value: (r) => r.period },
  { header: 'description', value: (r) => r.description },
  { header: 'status', value: (r) => r.status },
  { header: 'due_on', value: (r) => r.due },
  { header: 'filed_at', value: (r) => r.filedAt },
  { header: 'illustrative', value: (r) => (r.scenario ? 'yes' : 'no') },
];

/** The minister's page: what a unit and everything it answers for still owes. */
export async function unitGapsRoutes(app: App): Promise<void> {
  app.get(
    '/views/units/:unitId/gaps',
    {
      schema: {
        summary:
          'Open shortcomings, remedies awaiting verification, overdue and soon-due tasks, and late or missing monthly reports of a unit and the units it answers for, rolled up per unit directly under it',
        tags: ['views'],
        params: z.object({ unitId }),
        querystring: query,
        response: { 200: unitGapsResponse, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const q = request.query;
      const { unitId: root } = request.params;
      const clock = await viewClock(app.database, q);
      const k = clock.knowledge;
      const tree = await app.unitTrees.at(k);
      const unit = tree.get(root);
      if (!unit) throw new NotFoundError(`no unit ${root}`);
      const scope = [...tree.scopeOf(root)];
      const months = dueMonths(clock.now, q.months);
      const window = { now: clock.now, validAt: clock.validAt, dueWithinDays: q.dueWithinDays };
      const [tasks, shortcomings, obligations, reports] = await Promise.all([
        readGapTasks(app.database, k, scope, window),
        readGapShortcomings(app.database, k, scope, window),
        readReportingObligations(app.database, k, scope),
        readFiledReports(app.database, k, months, scope),
      ]);
      const input = { tree, unitId: root, ...window, tasks, shortcomings, months, obligations, reports };
      const found = findGaps(input);
      const ids = listedIds(found, q.limit);
      const [taskDocs, shortcomingDocs] = await Promise.all([
        readTasksById(app.database, k, ids.tasks),
        readShortcomingsById(app.database, k, ids.shortcomings),
      ]);
      const sections = unitGapsSections(
        input,
        found,
        { tasks: taskDocs, shortcomings: shortcomingDocs },
        q.limit,
      );
      if (wantsCsv(request))
        return sendCsv(
          reply,
          `gaps-${root.replace(/[^A-Za-z0-9._-]/g, '-')}.csv`,
          columns,
          csvRows(sections),
        );
      return {
        ...clockStamp(clock),
        unit: { id: unit.id, name: unit.nameVi, kind: unit.kind, status: unit.status },
        dueWithinDays: q.dueWithinDays,
        months,
        scopeUnits: scope.length,
        totals: found.totals,
        rollUp: found.rollUp,
        sections,
      };
    },
  );
}
