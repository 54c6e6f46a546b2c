import type { ColumnType, Generated } from 'kysely';

/** Row of the append-only event log. */
export interface EventsTable {
  position: ColumnType<string | number, never, never>;
  transaction_id: ColumnType<string, never, never>;
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

/** A seal over all events up to `position`, chained to the previous seal. */
export interface LedgerCheckpointsTable {
  position: string | number;
  previous_position: string | number;
  event_count: string | number;
  hash: Uint8Array;
  sealed_at: Generated<Date>;
}

/** The first answer to a write carrying an Idempotency-Key. */
export interface IdempotencyKeysTable {
  key: string;
  request_hash: Uint8Array;
  response: unknown;
  first_position: string | number | null;
  created_at: Generated<Date>;
}

/** How far each projection has read the log, and which version of its handlers did it. */
export interface ProjectionCheckpointsTable {
  name: string;
  version: number;
  position: string | number;
  updated_at: Generated<Date>;
}

/** The tables the ledger itself owns; projections declare their own. */
export interface LedgerSchema {
  events: EventsTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  idempotency_keys: IdempotencyKeysTable;
  projection_checkpoints: ProjectionCheckpointsTable;
}
