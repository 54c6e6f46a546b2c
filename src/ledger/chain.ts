import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { RecordedEvent } from './types.js';

// canonicalize ships CommonJS with ESM-style typings; require() gets the function itself.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (value: unknown) => string | undefined;

/** The chain value a stream starts from. */
export const GENESIS: Buffer = Buffer.alloc(32);

/** The event fields the per-stream chain covers: everything but where and when it was recorded. */
export type ChainedContent = Omit<RecordedEvent, 'position' | 'recordedAt'>;

/** RFC 8785 canonical JSON of any JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be encoded as canonical JSON');
  return text;
}

/**
 * RFC 8785 canonical JSON of the covered fields, so any reader can recompute it. The top level
 * is laid out by hand in sorted key order (the same bytes canonicalize() gives, see the test);
 * `dataJson` and `tagsJson` let the writer reuse the canonical JSON it also stores.
 */
export function canonicalContent(
  e: ChainedContent,
  dataJson: string = canonicalJson(e.data),
  tagsJson: string = canonicalJson(e.tags),
): string {
  const s = JSON.stringify;
  return (
    `{"actor":${s(e.actor)},"causationId":${s(e.causationId?.toLowerCase() ?? null)},` +
    `"correlationId":${s(e.correlationId?.toLowerCase() ?? null)},"data":${dataJson},` +
    `"eventId":${s(e.eventId.toLowerCase())},"occurredAt":${s(e.occurredAt.toISOString())},` +
    `"onBehalfOf":${s(e.onBehalfOf)},"reason":${s(e.reason)},"role":${s(e.role)},` +
    `"schemaVersion":${s(e.schemaVersion)},"streamId":${s(e.streamId)},` +
    `"streamType":${s(e.streamType)},"streamVersion":${s(e.streamVersion)},` +
    `"tags":${tagsJson},"type":${s(e.type)}}`
  );
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical content of event n): each stream is a hash chain. */
export function nextChain(previous: Buffer, e: ChainedContent, dataJson?: string, tagsJson?: string): Buffer {
  return createHash('sha256')
    .update(previous)
    .update(canonicalContent(e, dataJson, tagsJson), 'utf8')
    .digest();
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
