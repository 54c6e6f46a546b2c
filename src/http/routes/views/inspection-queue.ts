import type { z } from 'zod';
import { authorize } from '../../../auth/permissions.js';
import { latestSetbacks, readShortcomings, returnedTasks, shortcomingsById } from '../../../read/register.js';
import {
  type InspectionQueue,
  inspectionQueue,
  type QueueFilter,
  type ReturnedTaskRow,
} from '../../../views/inspection-queue.js';
import { openShortcomingStatuses } from '../../../views/item-state.js';
import { endOfDay, type RegisterRow } from '../../../views/register.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors } from '../../schemas/common.js';
import { queueAnswer, queueQuery } from '../../schemas/views-register.js';
import { clockStamp, type ViewClock, viewClock } from '../../view-clock.js';
import { scopeUnit } from './register.js';

type QueueItem = { section: keyof InspectionQueue['counts'] } & (
  | (RegisterRow & {
      kind?: 'shortcoming';
      remediationReportedOn?: string | null;
      lastRejectedOn?: string;
      lastRejectionReason?: string | null;
      earlier?: { id: string; status: string | null };
    })
  | ReturnedTaskRow
);

const shortcoming = (i: QueueItem) => ('category' in i ? i : null);
const task = (i: QueueItem) => ('directiveCode' in i ? i : null);

/** One CSV line per queued item, its section first; task and shortcoming columns side by side. */
const csvColumns: CsvColumn<QueueItem>[] = [
  { header: 'section', value: (i) => i.section },
  { header: 'kind', value: (i) => (task(i) ? 'task' : 'shortcoming') },
  { header: 'id', value: (i) => i.id },
  { header: 'status', value: (i) => i.status },
  { header: 'description', value: (i) => i.description },
  { header: 'unit_id', value: (i) => shortcoming(i)?.flaggedAgainst.id ?? task(i)?.leadUnit.id },
  { header: 'unit_name', value: (i) => shortcoming(i)?.flaggedAgainst.name ?? task(i)?.leadUnit.name },
  { header: 'answering_unit_id', value: (i) => i.answeringUnit.id },
  { header: 'answering_unit_name', value: (i) => i.answeringUnit.name },
  { header: 'category', value: (i) => shortcoming(i)?.category },
  { header: 'severity', value: (i) => shortcoming(i)?.severity },
  { header: 'flagged_on', value: (i) => shortcoming(i)?.flaggedOn },
  { header: 'target_date', value: (i) => shortcoming(i)?.targetDate ?? task(i)?.dueOn },
  { header: 'official_name', value: (i) => shortcoming(i)?.accountableOfficial?.personName },
  { header: 'inspection_unit_name', value: (i) => shortcoming(i)?.inspectionUnit.name },
  { header: 'directive_code', value: (i) => task(i)?.directiveCode },
  { header: 'clause_reference', value: (i) => task(i)?.clauseReference },
  { header: 'remediation_reported_on', value: (i) => shortcoming(i)?.remediationReportedOn },
  { header: 'sent_back_times', value: (i) => shortcoming(i)?.rejections ?? task(i)?.returns },
  { header: 'last_sent_back_on', value: (i) => shortcoming(i)?.lastRejectedOn ?? task(i)?.lastReturnedOn },
  {
    header: 'last_sent_back_reason',
    value: (i) => shortcoming(i)?.lastRejectionReason ?? task(i)?.lastReturnReason,
  },
  { header: 'recurrence_of', value: (i) => shortcoming(i)?.recurrenceOf },
  { header: 'earlier_status', value: (i) => shortcoming(i)?.earlier?.status },
  { header: 'overdue', value: (i) => i.overdue },
  { header: 'scenario', value: (i) => i.scenario },
  { header: 'synthetic', value: (i) => i.synthetic },
];

/**
 * Reads what the queue can hold, narrowed in SQL: open shortcomings in scope (as they stood
 * on validAt when given: flagged by then, not closed by then), tasks in scope with a returned
 * completion, the setbacks known, and the earlier shortcomings the recurrences repeat.
 */
async function readQueue(
  app: App,
  clock: ViewClock,
  unitIds: string[] | null,
  inspectionUnitId: string | null,
) {
  const { knowledge: k, validAt } = clock;
  const shortcomings = await readShortcomings(app.database, k, {
    unitIds,
    inspectionUnitId,
    ...(validAt ? { flaggedBy: validAt, openOn: validAt } : { statuses: openShortcomingStatuses }),
  });
  const tasks = inspectionUnitId
    ? []
    : await returnedTasks(app.database, k, { unitIds, assignedBy: validAt, owedNow: !validAt });
  const until = validAt ? endOfDay(validAt) : null;
  const rejected = shortcomings.filter((d) => d.rejections > 0).map((d) => d.id);
  const earlierIds = [...new Set(shortcomings.flatMap((d) => (d.recurrenceOf ? [d.recurrenceOf] : [])))];
  const [rejections, returns, earlier] = await Promise.all([
    latestSetbacks(app.database, k, 'RemediationRejected', rejected, until),
    latestSetbacks(
      app.database,
      k,
      'TaskCompletionReturned',
      tasks.map((t) => t.id),
      until,
    ),
    shortcomingsById(app.database, k, earlierIds),
  ]);
  return { shortcomings, tasks, earlier, rejections, returns };
}

/** GET /views/inspection-queue: what waits on the inspection commissions, and what came back. */
export async function inspectionQueueRoutes(app: App): Promise<void> {
  app.get(
    '/views/inspection-queue',
    {
      schema: {
        summary:
          'The inspection queue: remedies awaiting verification, remedies overdue, rejected remedies and returned completions, recurrences; as of any moment; CSV',
        tags: ['views'],
        querystring: queueQuery,
        response: { 200: queueAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const q: z.output<typeof queueQuery> = request.query;
      const clock = await viewClock(app.database, q);
      const tree = await app.unitTrees.at(clock.knowledge);
      const unit = q.unitId ? scopeUnit(tree, q.unitId, 'querystring.unitId') : null;
      const inspection = q.inspectionUnitId
        ? scopeUnit(tree, q.inspectionUnitId, 'querystring.inspectionUnitId')
        : null;
      const filter: QueueFilter = {
        scope: unit ? tree.scopeOf(unit.id) : null,
        inspectionUnitId: inspection?.id ?? null,
      };
      const input = await readQueue(app, clock, filter.scope && [...filter.scope], filter.inspectionUnitId);
      const queue = inspectionQueue(input, tree, clock, filter);
      if (wantsCsv(request)) {
        const items: QueueItem[] = [
          ...queue.awaitingVerification.map((r) => ({ ...r, section: 'awaitingVerification' as const })),
          ...queue.overdue.map((r) => ({ ...r, section: 'overdue' as const })),
          ...queue.returned.map((r) => ({ ...r, section: 'returned' as const })),
          ...queue.recurrences.map((r) => ({ ...r, section: 'recurrences' as const })),
        ];
        return sendCsv(reply, 'inspection-queue.csv', csvColumns, items);
      }
      return { ...clockStamp(clock), unit, inspectionUnit: inspection, ...queue };
    },
  );
}
