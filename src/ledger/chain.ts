import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

// canonicalize ships CommonJS with ESM-style typings; require() gets the function itself.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string | undefined;

/** The chain value a stream starts from. */
export const GENESIS: Buffer = Buffer.alloc(32);

/** The event fields the per-stream chain covers: content, metadata and valid time. */
export interface ChainedContent {
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
}

/** RFC 8785 canonical JSON of any JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be encoded as canonical JSON');
  return text;
}

/** RFC 8785 canonical JSON of the covered fields, so any reader can recompute it. */
export function canonicalContent(e: ChainedContent): string {
  return canonicalJson({
    streamType: e.streamType,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    eventId: e.eventId.toLowerCase(),
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    actor: e.actor,
    role: e.role,
    onBehalfOf: e.onBehalfOf,
    reason: e.reason,
    correlationId: e.correlationId?.toLowerCase() ?? null,
    causationId: e.causationId?.toLowerCase() ?? null,
    tags: e.tags,
    occurredAt: e.occurredAt.toISOString(),
  });
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical content of event n): each stream is a hash chain. */
export function nextChain(previous: Buffer, e: ChainedContent): Buffer {
  return createHash('sha256').update(previous).update(canonicalContent(e), 'utf8').digest();
}

/** What a seal covers of each event: its chain value, its position and its recording time. */
export interface SealedEntry {
  hash: Buffer;
  position: number;
  recordedAt: Date;
}

/** The bytes a seal hashes for one event: hash ‖ position (int8 BE) ‖ recorded_at ms (int8 BE). */
export function sealBytes(e: SealedEntry): Buffer {
  const b = Buffer.alloc(48);
  e.hash.copy(b, 0);
  b.writeBigInt64BE(BigInt(e.position), 32);
  b.writeBigInt64BE(BigInt(e.recordedAt.getTime()), 40);
  return b;
}

/** A seal: SHA-256(previous seal ‖ sealBytes of each covered event, in position order). */
export function sealHash(previous: Buffer, entries: Iterable<SealedEntry>): Buffer {
  const h = createHash('sha256').update(previous);
  for (const e of entries) h.update(sealBytes(e));
  return h.digest();
}
