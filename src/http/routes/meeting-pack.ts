import { z } from 'zod';
import type { ShortcomingDocument } from '../../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../../projections/views/tasks.js';
import { authorize } from '../../auth/permissions.js';
import { startOfDayInVietnam } from '../../domain/valid-time.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { documentsById } from '../../read/documents.js';
import type { Knowledge } from '../../read/knowledge.js';
import { headHashAt, knowledgeAsOf, settledKnowledge } from '../../read/knowledge.js';
import type { ChangeRef } from '../../read/meeting-pack.js';
import * as q from '../../read/meeting-pack.js';
import { type Listing, shortcomingFigures, taskFigures } from '../../read/pack-figures.js';
import { type Listed, listedChanges, meetingPack, periodsDueIn } from '../../views/meeting-pack.js';
import type { App } from '../app-type.js';
import { sendCsv, wantsCsv } from '../csv.js';
import { packCsvColumns, packCsvRows } from '../pack-csv.js';
import { renderPackHtml } from '../pack-html.js';

// A pack is read at a meeting: every count, and the first items of each list. A national list runs
// to thousands of items, which the CSV export carries in full.
const DEFAULT_LIMIT = 100;

const packQuery = z.object({
  at: z.iso.date().describe('The meeting day: the pack shows how things stood that morning (Vietnam)'),
  since: z.iso.date().describe('The previous meeting day: changes dated from it up to the meeting day'),
  asOf: z
    .string()
    .optional()
    .describe(
      'A ledger position or timestamp: the pack as it was known then. Default: the settled head, stated in the answer',
    ),
  unitId: z.string().min(1).optional().describe('Only this unit, its subordinates and merged predecessors'),
  limit: z
    .union([z.literal('all'), z.coerce.number().int().min(1).max(10_000)])
    .optional()
    .describe(
      `Items listed per section (every section states its total): 1–10000 or "all". Default ${DEFAULT_LIMIT}; the CSV export lists all`,
    ),
  format: z.enum(['json', 'html', 'csv']).optional(),
});

/** The monthly meeting's pack: state on the day, changes since the last meeting, replayable by position. */
export async function meetingPackRoutes(app: App): Promise<void> {
  app.get(
    '/meetings/pack',
    {
      schema: {
        summary: 'Meeting pack: how things stood on the meeting day and what changed since the last meeting',
        description:
          'Computed as known at one ledger position, stated with its head hash; asked again with asOf=<that position> it returns byte-identical JSON. format=html gives a printable page, format=csv one row per listed item.',
        tags: ['views'],
        querystring: packQuery,
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const query = request.query;
      if (query.since >= query.at) {
        throw new ValidationError('since must be before at', [
          { path: 'querystring.since', message: `must be before ${query.at}` },
        ]);
      }
      const settled = query.asOf
        ? await knowledgeAsOf(app.database.sql, query.asOf)
        : await settledKnowledge(app.database.sql);
      const k = await knowledgeAsOf(app.database.sql, String(settled.position));
      const tree = await app.unitTrees.at(k);
      if (query.unitId && !tree.get(query.unitId)) {
        throw new NotFoundError(`no unit ${query.unitId}`, { field: 'querystring.unitId' });
      }
      const scopeIds = query.unitId ? [...tree.scopeOf(query.unitId)].sort() : null;
      const scope = scopeIds && new Set(scopeIds);
      const inScope = (id: string) => scope === null || scope.has(id);
      const window = { since: query.since, at: query.at };
      const instants = { from: startOfDayInVietnam(window.since), until: startOfDayInVietnam(window.at) };
      const csv = wantsCsv(request);
      const limit = query.limit === 'all' ? null : (query.limit ?? (csv ? null : DEFAULT_LIMIT));
      const transfers = tree.units
        .filter((u) => u.successorId && u.endedOn && u.endedOn >= window.since && u.endedOn < window.at)
        .filter((u) => inScope(u.id) || inScope(u.successorId as string))
        .sort((a, b) => `${a.endedOn}|${a.id}`.localeCompare(`${b.endedOn}|${b.id}`));
      // Independent reads, on as many pooled connections.
      const [changes, tasks, shortcomings, reporting, headHash, transferred] = await Promise.all([
        q.windowChanges(app.database, k, instants).then((all) => changesInScope(app, k, all, scopeIds)),
        taskFigures(app.database, k, window, scopeIds, limit ?? ALL),
        shortcomingFigures(app.database, k, window, scopeIds, limit ?? ALL),
        q
          .monthlyReporters(app.database, k)
          .then((ids) => ids.filter(inScope))
          .then(async (ids) => ({
            ids,
            reports: await q.reportsFor(app.database, k, periodsDueIn(window), ids),
          })),
        headHashAt(app.database.sql, k.position),
        Promise.all(
          transfers.map(async (u) => {
            const open = await q.openItemsOn(app.database, k, u.id, u.endedOn as string);
            return {
              from: u.id,
              to: u.successorId as string,
              on: u.endedOn as string,
              openTasks: open.tasks,
              openShortcomings: open.shortcomings,
            };
          }),
        ),
      ]);
      const listed = listedChanges(changes, limit);
      const returned = listed.returned.items.map((c) => c.streamId);
      const rejected = listed.rejected.items.map((c) => c.streamId);
      const [taskDocs, shortcomingDocs, details] = await Promise.all([
        documentsById<TaskDocument>(app.database, 'view_tasks', k, [
          ...new Set([...tasks.completed.ids, ...tasks.newlyOverdue.ids, ...returned]),
        ]),
        documentsById<ShortcomingDocument>(app.database, 'view_shortcomings', k, [
          ...new Set([
            ...shortcomings.flagged.ids,
            ...shortcomings.verified.ids,
            ...shortcomings.closedNotImplemented.ids,
            ...shortcomings.dismissed.ids,
            ...shortcomings.recurred.ids,
            ...rejected,
          ]),
        ]),
        q.changeDetails(
          app.database,
          [listed.rejected, listed.extensions, listed.returned].flatMap((l) =>
            l.items.map((c) => c.position),
          ),
        ),
      ]);
      const taskList = documentLists(taskDocs);
      const shortcomingList = documentLists(shortcomingDocs);
      const pack = meetingPack({
        window,
        scope: query.unitId ? { id: query.unitId, name: tree.nameOf(query.unitId) } : null,
        limit,
        ledger: { position: k.position, headHash, recordedAt: k.recordedAt.toISOString() },
        morning: instants.until,
        tree,
        tasks: {
          state: tasks.state,
          completed: { ...taskList(tasks.completed), onTime: tasks.completed.onTime },
          newlyOverdue: taskList(tasks.newlyOverdue),
        },
        shortcomings: {
          state: shortcomings.state,
          flagged: shortcomingList(shortcomings.flagged),
          verified: shortcomingList(shortcomings.verified),
          closedNotImplemented: shortcomingList(shortcomings.closedNotImplemented),
          dismissed: shortcomingList(shortcomings.dismissed),
          recurred: shortcomingList(shortcomings.recurred),
        },
        changes,
        changeDetails: details,
        changedTasks: taskList({ total: returned.length, ids: returned }).items,
        changedShortcomings: shortcomingList({ total: rejected.length, ids: rejected }).items,
        reporters: reporting.ids,
        reports: reporting.reports,
        transfers: transferred,
      });
      const name = `meeting-pack-${window.at}-position-${k.position}`;
      if (query.format === 'html' || (!query.format && /\btext\/html\b/.test(request.headers.accept ?? ''))) {
        return reply.type('text/html; charset=utf-8').send(renderPackHtml(pack));
      }
      if (wantsCsv(request)) return sendCsv(reply, `${name}.csv`, packCsvColumns, packCsvRows(pack));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(pack));
    },
  );
}

// Every item a limitless listing asks for.
const ALL = 2_147_483_647;

// A listing's ids with the documents read for them, in the listing's order.
function documentLists<D extends { id: string }>(docs: readonly D[]) {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (l: Listing): Listed<D> => ({ total: l.total, items: l.ids.flatMap((id) => byId.get(id) ?? []) });
}

// The window's changes to items of units in scope (every change, for a national pack).
async function changesInScope(
  app: App,
  k: Knowledge,
  changes: ChangeRef[],
  unitIds: readonly string[] | null,
): Promise<ChangeRef[]> {
  if (unitIds === null) return changes;
  const ids = (type: string) => [
    ...new Set(changes.filter((c) => c.streamType === type).map((c) => c.streamId)),
  ];
  const [tasks, shortcomings] = await Promise.all([
    q.idsInScope(app.database, 'view_tasks', k, ids('task'), unitIds),
    q.idsInScope(app.database, 'view_shortcomings', k, ids('shortcoming'), unitIds),
  ]);
  return changes.filter((c) => (c.streamType === 'task' ? tasks : shortcomings).has(c.streamId));
}
