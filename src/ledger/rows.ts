import type { RecordedEvent } from './types.js';

/** A row as the ledger's read statements return it (times as epoch milliseconds). */
export interface EventRow {
  position: number | string;
  stream_type: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  actor: string;
  role: string;
  on_behalf_of: string | null;
  reason: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  metadata: Record<string, unknown>;
  occurred_at: number;
  recorded_at: number;
}

/** Maps a stored row to the ledger's event shape, exactly as stored (no upcasting). */
export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: Number(row.position),
    streamType: row.stream_type,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    actor: row.actor,
    role: row.role,
    onBehalfOf: row.on_behalf_of,
    reason: row.reason,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    tags: row.metadata,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
  };
}

/** The same row in array form, in the column order of the ledger's read statements. */
export type EventTuple = [
  number | string,
  string,
  string,
  number,
  string,
  string,
  number,
  unknown,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  Record<string, unknown>,
  number,
  number,
];

/** Maps a row read in array form (the hot read path). */
export function tupleToRecordedEvent(r: EventTuple): RecordedEvent {
  return {
    position: Number(r[0]),
    streamType: r[1],
    streamId: r[2],
    streamVersion: r[3],
    eventId: r[4],
    type: r[5],
    schemaVersion: r[6],
    data: r[7],
    actor: r[8],
    role: r[9],
    onBehalfOf: r[10],
    reason: r[11],
    correlationId: r[12],
    causationId: r[13],
    tags: r[14],
    occurredAt: new Date(r[15]),
    recordedAt: new Date(r[16]),
  };
}
