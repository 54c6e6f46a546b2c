import type { EventCatalogue } from '../../events/catalogue.js';
import type { Database } from '../db/database.js';
import { type EventRow, toRecordedEvent } from '../ledger/rows.js';
import type { Knowledge } from './knowledge.js';

/** One event of an item's stream as a timeline shows it: what, who, for whom, why, when, and its chain value. */
export interface TimelineEvent {
  position: number;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  actor: string;
  actorName: string | null;
  role: string;
  onBehalfOf: string | null;
  reason: string | null;
  correlationId: string | null;
  causationId: string | null;
  occurredAt: string;
  recordedAt: string;
  /** The stream's hash chain value after this event (events.hash), hex. */
  hash: string;
  tags: Record<string, unknown>;
}

type Row = EventRow & { hash: string };

// The stream's unique (type, id, version) index serves this; the position bound hides what
// was recorded after the knowledge, so a timeline as of a past position is exactly the then-log.
const READ_TIMELINE = `select position, stream_type, stream_id, stream_version, event_id, event_type, schema_version, data,
  actor, role, on_behalf_of, reason, correlation_id, causation_id, metadata,
  (extract(epoch from occurred_at) * 1000)::float8 as occurred_at,
  (extract(epoch from recorded_at) * 1000)::float8 as recorded_at,
  encode(hash, 'hex') as hash
  from events where stream_type = $1 and stream_id = $2 and position <= $3
  order by stream_version`;

/**
 * Every event of one stream known at the knowledge's position, in stream order, its data read
 * as the latest schema version (through the catalogue's upcasters).
 */
export async function readTimeline(
  database: Database,
  catalogue: EventCatalogue,
  streamType: string,
  streamId: string,
  k: Knowledge,
): Promise<TimelineEvent[]> {
  const rows = await database.sql.query<Row>({
    name: 'views_read_timeline',
    text: READ_TIMELINE,
    values: [streamType, streamId, k.position],
  });
  return rows.map((r) => {
    // The ledger's own row mapping, then the timeline's shape: data upcast, times as text.
    const { streamType: _t, streamId: _i, tags, occurredAt, recordedAt, ...e } = toRecordedEvent(r);
    const { schemaVersion, data } = catalogue.upcast(e.type, e.schemaVersion, e.data);
    const actorName = tags.actorName;
    return {
      ...e,
      schemaVersion,
      data,
      actorName: typeof actorName === 'string' ? actorName : null,
      occurredAt: occurredAt.toISOString(),
      recordedAt: recordedAt.toISOString(),
      hash: r.hash,
      tags,
    };
  });
}
