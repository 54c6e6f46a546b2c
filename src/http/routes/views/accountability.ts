import { z } from 'zod';
import type { ShortcomingDocument } from '../../../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../../../projections/views/tasks.js';
import { authorize } from '../../../auth/permissions.js';
import { NotFoundError } from '../../../errors.js';
import {
  countOwedTasks,
  readItem,
  readOpenShortcomings,
  readOwedTasks,
} from '../../../read/accountability.js';
import {
  answeredUnits,
  answeringDay,
  asStood,
  type OpenShortcomingLine,
  type OwedTaskLine,
  unitAccountability,
} from '../../../views/accountability.js';
import {
  type AccountableOfficialLine,
  accountableOfficials,
  owedTaskGroups,
} from '../../../views/accountable-officials.js';
import {
  type AnswerSpan,
  answerers,
  answeringOn,
  shortcomingItem,
  taskItem,
} from '../../../views/answerers.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors, unitId } from '../../schemas/common.js';
import {
  accountabilityQuery,
  itemAnswerersAnswer,
  itemParams,
  officialsAnswer,
  officialsQuery,
  unitAccountabilityAnswer,
} from '../../schemas/views-accountability.js';
import { clockStamp, viewClock } from '../../view-clock.js';
import { safeName } from './timeline.js';

const tags = ['views'];

/** One obligation of a unit, flat, for the CSV export. */
interface ObligationRow {
  kind: 'task' | 'shortcoming';
  fromUnitId: string;
  fromUnitName: string;
  mergedOn: string | null;
  task?: OwedTaskLine;
  shortcoming?: OpenShortcomingLine;
}

const obligationColumns: CsvColumn<ObligationRow>[] = [
  { header: 'kind', value: (r) => r.kind },
  { header: 'id', value: (r) => r.task?.id ?? r.shortcoming?.id },
  { header: 'inherited_from_unit_id', value: (r) => (r.mergedOn === null ? '' : r.fromUnitId) },
  { header: 'inherited_from_unit_name', value: (r) => (r.mergedOn === null ? '' : r.fromUnitName) },
  { header: 'merged_on', value: (r) => r.mergedOn },
  { header: 'directive_code', value: (r) => r.task?.directiveCode },
  { header: 'clause', value: (r) => r.task?.clauseReference },
  { header: 'category', value: (r) => r.shortcoming?.category },
  { header: 'severity', value: (r) => r.shortcoming?.severity },
  { header: 'description', value: (r) => r.task?.description ?? r.shortcoming?.description },
  { header: 'status', value: (r) => r.task?.status ?? r.shortcoming?.status },
  { header: 'due_on', value: (r) => r.task?.dueOn ?? r.shortcoming?.targetDate },
  { header: 'overdue', value: (r) => r.task?.overdue ?? r.shortcoming?.remediationOverdue },
  { header: 'official_title', value: (r) => r.shortcoming?.official?.title },
  { header: 'official_name', value: (r) => r.shortcoming?.official?.personName },
  { header: 'scenario', value: (r) => r.task?.scenario ?? r.shortcoming?.scenario },
  { header: 'synthetic', value: (r) => r.task?.synthetic ?? r.shortcoming?.synthetic },
];

const officialColumns: CsvColumn<AccountableOfficialLine>[] = [
  { header: 'person_name', value: (r) => r.personName },
  { header: 'title', value: (r) => r.title },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'unit_name', value: (r) => r.unitName },
  { header: 'is_head', value: (r) => r.isHead },
  { header: 'tasks', value: (r) => r.tasks },
  { header: 'overdue_tasks', value: (r) => r.overdueTasks },
  { header: 'shortcomings', value: (r) => r.shortcomings },
  { header: 'overdue_remediations', value: (r) => r.overdueRemediations },
];

const spanColumns: CsvColumn<AnswerSpan>[] = [
  { header: 'from', value: (r) => r.from },
  { header: 'until', value: (r) => r.until },
  { header: 'unit_id', value: (r) => r.unitId },
  { header: 'unit_name', value: (r) => r.unitName },
  { header: 'official_title', value: (r) => r.official?.title },
  { header: 'official_name', value: (r) => r.official?.personName },
  { header: 'official_since', value: (r) => r.official?.since },
  { header: 'official_source', value: (r) => r.official?.source },
];

/** Who answers for what: per unit (own and inherited), per official, and per item over time. */
export async function accountabilityRoutes(app: App): Promise<void> {
  app.get(
    '/views/accountability/units/:unitId',
    {
      schema: {
        summary:
          'What a unit answers for on the day: its head, its owed tasks and open shortcomings, and those inherited from each predecessor through a merger; CSV',
        tags,
        params: z.object({ unitId }),
        querystring: accountabilityQuery,
        response: { 200: unitAccountabilityAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const id = request.params.unitId;
      const clock = await viewClock(app.database, request.query);
      const tree = await app.unitTrees.at(clock.knowledge);
      if (!tree.get(id)) throw new NotFoundError(`no unit ${id}`, { field: 'params.unitId' });
      const filter = { unitIds: answeredUnits(tree, id, answeringDay(clock)), validAt: clock.validAt };
      const [tasks, shortcomings] = await Promise.all([
        readOwedTasks(app.database, clock.knowledge, filter),
        readOpenShortcomings(app.database, clock.knowledge, filter),
      ]);
      const view = unitAccountability(tree, id, tasks, shortcomings, clock);
      if (!view) throw new NotFoundError(`no unit ${id}`, { field: 'params.unitId' });
      if (wantsCsv(request)) {
        const own = { fromUnitId: id, fromUnitName: view.unit.name, mergedOn: null };
        const rows: ObligationRow[] = [
          ...view.own.tasks.map((task) => ({ kind: 'task' as const, ...own, task })),
          ...view.own.shortcomings.map((shortcoming) => ({
            kind: 'shortcoming' as const,
            ...own,
            shortcoming,
          })),
          ...view.inherited.flatMap((g) => {
            const from = {
              fromUnitId: g.predecessorId,
              fromUnitName: g.predecessorName,
              mergedOn: g.mergedOn ?? '',
            };
            return [
              ...g.tasks.map((task) => ({ kind: 'task' as const, ...from, task })),
              ...g.shortcomings.map((shortcoming) => ({
                kind: 'shortcoming' as const,
                ...from,
                shortcoming,
              })),
            ];
          }),
        ];
        return sendCsv(reply, `accountability-${safeName(id)}.csv`, obligationColumns, rows);
      }
      return { ...clockStamp(clock), ...view };
    },
  );

  app.get(
    '/views/accountability/officials',
    {
      schema: {
        summary:
          'Every official answering for something on the day — accountable officials of open shortcomings, heads of units answering for owed tasks — with counts; by name, within a unit; CSV',
        tags,
        querystring: officialsQuery,
        response: { 200: officialsAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const q = request.query;
      const clock = await viewClock(app.database, q);
      const tree = await app.unitTrees.at(clock.knowledge);
      if (q.unitId && !tree.get(q.unitId)) {
        throw new NotFoundError(`no unit ${q.unitId}`, {
          issues: [{ path: 'querystring.unitId', message: 'no such unit' }],
        });
      }
      const unitIds = q.unitId ? [...tree.scopeOf(q.unitId)] : null;
      const filter = { unitIds, validAt: clock.validAt };
      // Without a day, owed tasks are counted in SQL; a day needs each task's status then.
      const [taskGroups, shortcomings] = await Promise.all([
        clock.validAt
          ? readOwedTasks(app.database, clock.knowledge, filter).then((docs) => owedTaskGroups(docs, clock))
          : countOwedTasks(app.database, clock.knowledge, unitIds),
        readOpenShortcomings(app.database, clock.knowledge, filter),
      ]);
      const { officials, unanswered } = accountableOfficials(tree, taskGroups, shortcomings, clock, q.name);
      if (wantsCsv(request)) return sendCsv(reply, 'accountable-officials.csv', officialColumns, officials);
      const start = (q.page - 1) * q.pageSize;
      return {
        ...clockStamp(clock),
        unit: q.unitId ? { id: q.unitId, name: tree.nameOf(q.unitId) } : null,
        total: officials.length,
        page: q.page,
        pageSize: q.pageSize,
        officials: officials.slice(start, start + q.pageSize),
        unanswered,
      };
    },
  );

  app.get(
    '/views/accountability/items/:kind/:id',
    {
      schema: {
        summary:
          'Who answered for a task or shortcoming when: its unit until a merger, then the successor, with the heads in office and the officials named; CSV',
        tags,
        params: itemParams,
        querystring: accountabilityQuery,
        response: { 200: itemAnswerersAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const { kind, id } = request.params;
      const clock = await viewClock(app.database, request.query);
      const doc = await readItem<TaskDocument | ShortcomingDocument>(app.database, clock.knowledge, kind, id);
      const stood = doc && asStood(doc, clock);
      if (!doc || !stood) throw new NotFoundError(`no ${kind} ${id}`, { field: 'params.id' });
      const tree = await app.unitTrees.at(clock.knowledge);
      const item =
        kind === 'task' ? taskItem(doc as TaskDocument) : shortcomingItem(doc as ShortcomingDocument);
      const day = answeringDay(clock);
      // On a past day, the spans that had begun by then.
      const spans = answerers(item, tree).filter((s, i) => i === 0 || !clock.validAt || s.from <= day);
      if (wantsCsv(request))
        return sendCsv(reply, `answerers-${kind}-${safeName(id)}.csv`, spanColumns, spans);
      const now = answeringOn(spans, day);
      return {
        ...clockStamp(clock),
        kind,
        id,
        unit: { id: item.unitId, name: tree.nameOf(item.unitId) },
        status: stood.status,
        startedOn: item.startedOn,
        endedOn: item.endedOn,
        answeringNow: now ? spans.indexOf(now) : null,
        spans,
        scenario: doc.scenario,
        synthetic: doc.synthetic,
      };
    },
  );
}
