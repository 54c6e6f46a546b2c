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

/** chain(n) = SHA-256(chain(n-1) ‖ canonical content of event n), per stream. */
export function nextChain(previous: Buffer, e: ChainedContent): Buffer {
  return createHash('sha256').update(previous).update(canonicalContent(e), 'utf8').digest();
}

/** hash = SHA-256(chain ‖ "\n" position "\n" recorded_at): binds the event to its place and time. */
export function eventHash(chain: Buffer, position: number, recordedAt: Date): Buffer {
  return createHash('sha256')
    .update(chain)
    .update(`\n${position}\n${recordedAt.toISOString()}`, 'utf8')
    .digest();
}

/** A seal: SHA-256(previous seal ‖ the hashes of the sealed events in position order). */
export function sealHash(previous: Buffer, hashes: Iterable<Buffer>): Buffer {
  const h = createHash('sha256').update(previous);
  for (const x of hashes) h.update(x);
  return h.digest();
}
