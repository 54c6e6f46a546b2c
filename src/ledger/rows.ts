import { sql } from 'kysely';
import type { RecordedEvent } from './types.js';

/** The event columns every reader selects, in one place. */
export const eventColumns = sql`position, stream_type, stream_id, stream_version, event_id,
  event_type, schema_version, data, actor, role, on_behalf_of, reason, correlation_id,
  causation_id, metadata, occurred_at, recorded_at, chain, hash`;

/** A row as either driver returns it (pg: int8 as number, bytea as Buffer; PGlite: Uint8Array). */
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
  occurred_at: Date;
  recorded_at: Date;
  chain: Uint8Array;
  hash: Uint8Array;
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
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    chain: Buffer.from(row.chain),
    hash: Buffer.from(row.hash),
  };
}
