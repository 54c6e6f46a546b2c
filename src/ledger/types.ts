/** The version a writer expects a stream to be at: exact, "no stream yet", or "any". */
export type ExpectedVersion = number | 'no_stream' | 'any';

/** Who wrote an event, on whose behalf, why, and when it happened (valid time). */
export interface EventMetadata {
  actor: string;
  role: string;
  onBehalfOf?: string | null;
  reason?: string | null;
  correlationId?: string | null;
  causationId?: string | null;
  occurredAt: Date;
  /** Open-ended markers, e.g. `{ scenario: true }` on illustrative seed data. */
  tags?: Record<string, unknown>;
}

/** An event a command wants to append; the catalogue validates `data` for `type`. */
export interface NewEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** One stream's share of an append. */
export interface StreamAppend {
  streamType: string;
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

/** An event as the ledger holds it. */
export interface RecordedEvent {
  position: number;
  streamType: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  actor: string;
  role: string;
  onBehalfOf: string | null;
  reason: string | null;
  correlationId: string | null;
  causationId: string | null;
  tags: Record<string, unknown>;
  occurredAt: Date;
  recordedAt: Date;
}

/** Where a stream stands: its version and the chain value (hash) of its last event. */
export interface StreamHead {
  version: number;
  hash: Buffer;
}

/** What an append returns: the new events as recorded, and the new stream heads. */
export interface AppendResult {
  events: RecordedEvent[];
  heads: { streamType: string; streamId: string; head: StreamHead }[];
  firstPosition: number;
  lastPosition: number;
}
