import { z } from 'zod';
import { catalogue } from '../../../../events/index.js';
import { authorize } from '../../../auth/permissions.js';
import { deadlineOf } from '../../../domain/monthly-reports/filing-status.js';
import { NotFoundError } from '../../../errors.js';
import { readTimeline, type TimelineEvent } from '../../../read/timeline.js';
import type { App } from '../../app-type.js';
import { type CsvColumn, sendCsv, wantsCsv } from '../../csv.js';
import { readErrors } from '../../schemas/common.js';
import { clockStamp, viewClock, viewQuery } from '../../view-clock.js';

// The item kinds a timeline is asked for by, and their streams.
const kinds = ['task', 'shortcoming', 'unit', 'directive'] as const;

const params = z.object({
  kind: z.enum(kinds),
  id: z.string().min(1).max(200).describe('the item’s id; a directive’s code URL-encoded, e.g. 183-KL%2FTW'),
});

const timelineEvent = z.object({
  position: z.number().describe('ledger position'),
  streamVersion: z.number(),
  eventId: z.string(),
  type: z.string(),
  schemaVersion: z.number().describe('the data as of this schema version (older events upcast)'),
  data: z.unknown(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }),
  role: z.string(),
  onBehalfOf: z.string().nullable().describe('the unit the action was entered for'),
  reason: z.string().nullable(),
  correlationId: z.string().nullable(),
  causationId: z.string().nullable(),
  occurredAt: z.string().describe('valid time: when it happened'),
  recordedAt: z.string().describe('when the ledger recorded it'),
  hash: z.string().describe('the stream’s hash chain value after this event, hex'),
  tags: z.record(z.string(), z.unknown()).describe('scenario / synthetic marks, the actor’s name'),
});

const timelineAnswer = z.object({
  asOf: z.object({ position: z.number(), recordedAt: z.string() }),
  validAt: z.string().nullable(),
  now: z.string(),
  kind: z.enum(kinds),
  id: z.string(),
  events: z.array(timelineEvent),
});

const columns: CsvColumn<TimelineEvent>[] = [
  { header: 'position', value: (e) => e.position },
  { header: 'stream_version', value: (e) => e.streamVersion },
  { header: 'type', value: (e) => e.type },
  { header: 'occurred_at', value: (e) => e.occurredAt },
  { header: 'recorded_at', value: (e) => e.recordedAt },
  { header: 'actor', value: (e) => e.actor },
  { header: 'actor_name', value: (e) => e.actorName },
  { header: 'role', value: (e) => e.role },
  { header: 'on_behalf_of', value: (e) => e.onBehalfOf },
  { header: 'reason', value: (e) => e.reason },
  { header: 'hash', value: (e) => e.hash },
  { header: 'scenario', value: (e) => e.tags.scenario === true },
  { header: 'synthetic', value: (e) => e.tags.synthetic === true },
  { header: 'data', value: (e) => JSON.stringify(e.data) },
];

/** GET /timeline/:kind/:id — every event of an item's stream, as known at asOf (and happened by validAt). */
export async function timelineRoutes(app: App): Promise<void> {
  app.get(
    '/timeline/:kind/:id',
    {
      schema: {
        summary:
          'Every event of a task, shortcoming, unit or directive (its own stream): who, in which role, for whom, why, when it happened and when recorded, its chain hash; as known at asOf; CSV',
        tags: ['views'],
        params,
        querystring: viewQuery.strict(),
        response: { 200: timelineAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      authorize(request.principal, 'read');
      const { kind, id } = request.params;
      const clock = await viewClock(app.database, request.query);
      const events = await readTimeline(app.database, catalogue, kind, id, clock.knowledge);
      if (events.length === 0) {
        throw new NotFoundError(`no ${kind} ${id}${clock.knowledge.current ? '' : ' as of that position'}`, {
          field: 'params.id',
        });
      }
      // validAt: what had happened by the end of that day (in Vietnam), with everything known now.
      const end = clock.validAt ? deadlineOf(clock.validAt).getTime() : null;
      const happened = end === null ? events : events.filter((e) => Date.parse(e.occurredAt) < end);
      if (wantsCsv(request)) return sendCsv(reply, `timeline-${kind}-${safeName(id)}.csv`, columns, happened);
      return {
        ...clockStamp(clock),
        kind,
        id,
        events: happened.map(({ actor, actorName, ...e }) => ({
          ...e,
          actor: { id: actor, name: actorName },
        })),
      };
    },
  );
}

/** An id made fit for a download's file name: a directive code holds a slash, a unit id may hold letters a header cannot. */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_');
}
