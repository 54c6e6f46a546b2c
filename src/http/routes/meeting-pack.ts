import { z } from 'zod';
import { authorize } from '../../auth/permissions.js';
import { startOfDayInVietnam } from '../../domain/valid-time.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { headHashAt, knowledgeAsOf, settledKnowledge } from '../../read/knowledge.js';
import * as q from '../../read/meeting-pack.js';
import { meetingPack, periodsDueIn } from '../../views/meeting-pack.js';
import type { App } from '../app-type.js';
import { sendCsv, wantsCsv } from '../csv.js';
import { packCsvColumns, packCsvRows } from '../pack-csv.js';
import { renderPackHtml } from '../pack-html.js';

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
      const inScope = (id: string) => scopeIds === null || scopeIds.includes(id);
      const window = { since: query.since, at: query.at };
      const instants = { from: startOfDayInVietnam(window.since), until: startOfDayInVietnam(window.at) };
      const changes = await q.windowChanges(app.database, k, instants);
      const of = (type: string) => [
        ...new Set(changes.filter((c) => c.streamType === type).map((c) => c.streamId)),
      ];
      const periods = periodsDueIn(window);
      const transfers = tree.units
        .filter((u) => u.successorId && u.endedOn && u.endedOn >= window.since && u.endedOn < window.at)
        .filter((u) => inScope(u.id) || inScope(u.successorId as string))
        .sort((a, b) => `${a.endedOn}|${a.id}`.localeCompare(`${b.endedOn}|${b.id}`));
      const pack = meetingPack({
        window,
        scope: query.unitId ? { id: query.unitId, name: tree.nameOf(query.unitId) } : null,
        ledger: {
          position: k.position,
          headHash: await headHashAt(app.database.sql, k.position),
          recordedAt: k.recordedAt.toISOString(),
        },
        morning: instants.until,
        tree,
        counts: await q.packCounts(app.database, k, window.at, scopeIds),
        tasks: await q.windowTasks(app.database, k, window, scopeIds),
        shortcomings: await q.windowShortcomings(app.database, k, window, scopeIds, of('shortcoming')),
        changes,
        changedTasks: await q.tasksById(app.database, k, of('task'), scopeIds),
        reporters: (await q.monthlyReporters(app.database, k)).filter(inScope),
        reports: await q.reportsFor(app.database, k, periods),
        transfers: await Promise.all(
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
