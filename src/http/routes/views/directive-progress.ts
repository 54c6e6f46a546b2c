import { z } from 'zod';
import { deadlineSchema } from '../../../../events/deadline.js';
import { authorize } from '../../../auth/permissions.js';
import { NotFoundError } from '../../../errors.js';
import {
  readDirective,
  readDirectiveHeadings,
  readDirectiveTasks,
  readTaskTallies,
} from '../../../read/progress.js';
import {
  type ClauseProgress,
  directiveProgress,
  directivesSummary,
  type UnitProgress,
} from '../../../views/directive-progress.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors } from '../../schemas/common.js';
import { directiveCode } from '../../schemas/directives.js';
import { clockStamp, viewClock, viewQuery } from '../../view-clock.js';

const tags = ['views'];
const stamp = {
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
};
const provenance = { scenario: z.boolean(), synthetic: z.boolean() };
const outcome = z.enum(['on_time', 'late', 'overdue']).nullable();
const tally = z.object({
  tasks: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  onTime: z.number().int().describe('completed on or before the due day'),
  late: z.number().int().describe('completed after the due day'),
  overdue: z.number().int().describe('past the due day and still owed'),
});
const heading = {
  code: z.string(),
  kind: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuingUnitId: z.string(),
  ...provenance,
  tally,
};
const unitProgress = z.object({
  taskId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.string(),
  dueOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  outcome,
  extensions: z.number().int(),
  ...provenance,
});
const progressResponse = z.object({
  ...stamp,
  ...heading,
  clauses: z.array(
    z.object({
      reference: z.string(),
      text: z.string(),
      groupLabel: z.string().nullable(),
      deadline: deadlineSchema.nullable(),
      tally,
      units: z
        .array(unitProgress)
        .describe('each lead unit’s task: the per-unit breakdown of a group clause'),
    }),
  ),
});
const summaryResponse = z.object({
  ...stamp,
  directives: z.array(z.object({ ...heading, clauses: z.number().int() })),
});

type TaskRow = UnitProgress & Pick<ClauseProgress, 'reference' | 'groupLabel'>;
const taskColumns: CsvColumn<TaskRow>[] = [
  { header: 'clause', value: (r) => r.reference },
  { header: 'group', value: (r) => r.groupLabel },
  { header: 'task_id', value: (r) => r.taskId },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'unit_name', value: (r) => r.unitName },
  { header: 'status', value: (r) => r.status },
  { header: 'due_on', value: (r) => r.dueOn },
  { header: 'completed_on', value: (r) => r.completedOn },
  { header: 'outcome', value: (r) => r.outcome },
  { header: 'extensions', value: (r) => r.extensions },
  { header: 'illustrative', value: (r) => (r.scenario ? 'yes' : 'no') },
];

type SummaryRow = ReturnType<typeof directivesSummary>[number];
const summaryColumns: CsvColumn<SummaryRow>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'kind', value: (r) => r.kind },
  { header: 'issued_on', value: (r) => r.issuedOn },
  { header: 'title', value: (r) => r.title },
  { header: 'clauses', value: (r) => r.clauses },
  { header: 'tasks', value: (r) => r.tally.tasks },
  { header: 'completed', value: (r) => r.tally.byStatus.completed ?? 0 },
  { header: 'on_time', value: (r) => r.tally.onTime },
  { header: 'late', value: (r) => r.tally.late },
  { header: 'overdue', value: (r) => r.tally.overdue },
];

/** How far each directive has got: its tasks by state, on time, late and overdue. */
export async function directiveProgressRoutes(app: App): Promise<void> {
  app.get(
    '/views/directives/progress',
    {
      schema: {
        summary: 'One line per directive: clauses, tasks by state, done on time or late, overdue',
        tags,
        querystring: viewQuery,
        response: { 200: summaryResponse, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const clock = await viewClock(app.database, request.query);
      const [headings, lines] = await Promise.all([
        readDirectiveHeadings(app.database, clock.knowledge),
        readTaskTallies(app.database, clock.knowledge, clock.validAt),
      ]);
      const directives = directivesSummary(headings, lines, clock);
      if (wantsCsv(request)) return sendCsv(reply, 'directives-progress.csv', summaryColumns, directives);
      return { ...clockStamp(clock), directives };
    },
  );

  app.get(
    '/views/directives/:code/progress',
    {
      schema: {
        summary:
          'A directive’s progress per clause: tasks by state, on time, late, overdue, and each lead unit’s task (CSV: one row per task)',
        tags,
        params: z.object({ code: directiveCode.describe('URL-encoded, e.g. 183-KL%2FTW') }),
        querystring: viewQuery,
        response: { 200: progressResponse, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const { code } = request.params;
      const clock = await viewClock(app.database, request.query);
      const k = clock.knowledge;
      const directive = await readDirective(app.database, k, code);
      if (!directive) throw new NotFoundError(`no directive ${code}`);
      const [tasks, tree] = await Promise.all([
        readDirectiveTasks(app.database, k, code),
        app.unitTrees.at(k),
      ]);
      const progress = directiveProgress(directive, tasks, tree, clock);
      if (wantsCsv(request)) {
        const rows = progress.clauses.flatMap((c) =>
          c.units.map((u) => ({ ...u, reference: c.reference, groupLabel: c.groupLabel })),
        );
        return sendCsv(reply, `progress-${code.replace(/[^A-Za-z0-9._-]/g, '-')}.csv`, taskColumns, rows);
      }
      return { ...clockStamp(clock), ...progress };
    },
  );
}
