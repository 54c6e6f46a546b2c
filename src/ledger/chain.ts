import crypto, { createHash } from 'node:crypto';
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
  // Plain JSON values (all the ledger ever hashes) take the fast path; anything unusual (toJSON,
  // undefined in an array, NaN, functions...) goes to the library, so the bytes never differ.
  const text = plainCanonical(value) ?? canonicalize(value);
  if (text === undefined) throw new Error('value cannot be encoded as canonical JSON');
  return text;
}

// Characters JSON.stringify escapes: quote, backslash, controls, and (ES2019 well-formed
// stringify) any surrogate, so a lone one is caught; a paired one takes the slow path too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string, without its cost for the common string that needs no escape. */
export function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

// The library's output for plain values, without its per-key template strings; undefined
// when the value holds anything but null, booleans, finite numbers, strings, arrays, objects.
function plainCanonical(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return plainArray(value);
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
      const record = value as Record<string, unknown>;
      const { sorted, prefixes } = layoutOf(Object.keys(record));
      let out = '{';
      for (let i = 0; i < sorted.length; i++) {
        const v = record[sorted[i] as string];
        if (v === undefined) continue;
        const text = plainCanonical(v);
        if (text === undefined) return undefined;
        out += `${out.length > 1 ? ',' : ''}${prefixes[i]}${text}`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/** An object shape's keys in canonical order, each with its JSON prefix (`"key":`). */
interface KeyLayout {
  keys: readonly string[];
  sorted: readonly string[];
  prefixes: readonly string[];
}

// Objects of one event type come with the same keys in the same order: their canonical order
// is worked out once per shape, not sorted (and each key quoted) per object. Shapes are found
// by their first key, a few per key; the cache is cleared rather than let grow without bound.
const layouts = new Map<string, KeyLayout[]>();
const SHAPES_PER_FIRST_KEY = 8;
const LAYOUTS_KEPT = 1024;

function layoutOf(keys: readonly string[]): KeyLayout {
  const first = keys[0] ?? '';
  const known = layouts.get(first);
  if (known) {
    for (const layout of known) if (sameKeys(layout.keys, keys)) return layout;
  }
  const sorted = [...keys].sort();
  const layout: KeyLayout = { keys, sorted, prefixes: sorted.map((k) => `${quote(k)}:`) };
  if (!known) {
    if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
    layouts.set(first, [layout]);
  } else if (known.length < SHAPES_PER_FIRST_KEY) known.push(layout);
  else known[known.length - 1] = layout;
  return layout;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function plainArray(values: readonly unknown[]): string | undefined {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    // undefined (or a hole) is the library's business: it writes null, or skips a hole.
    const text = values[i] === undefined ? undefined : plainCanonical(values[i]);
    if (text === undefined) return undefined;
    out += i === 0 ? text : `,${text}`;
  }
  return `${out}]`;
}

/** The covered fields' names in RFC 8785 order (UTF-16 code units): the canonical key order. */
export const CONTENT_KEYS = [
  'actor',
  'causationId',
  'correlationId',
  'data',
  'eventId',
  'occurredAt',
  'onBehalfOf',
  'reason',
  'role',
  'schemaVersion',
  'streamId',
  'streamType',
  'streamVersion',
  'tags',
  'type',
] as const;

/**
 * The canonical JSON text of each covered field, in CONTENT_KEYS order: what canonicalContent
 * lays out, and (as a JSON array) the row a batch append sends. `dataJson` and `tagsJson` let
 * the writer reuse the canonical JSON it also stores.
 */
export function contentValues(
  e: ChainedContent,
  dataJson: string = canonicalJson(e.data),
  tagsJson: string = canonicalJson(e.tags),
): string[] {
  return [
    quote(e.actor),
    orNull(e.causationId?.toLowerCase()),
    orNull(e.correlationId?.toLowerCase()),
    dataJson,
    quote(e.eventId.toLowerCase()),
    quotedIso(e.occurredAt),
    orNull(e.onBehalfOf),
    orNull(e.reason),
    quote(e.role),
    JSON.stringify(e.schemaVersion),
    quote(e.streamId),
    quote(e.streamType),
    JSON.stringify(e.streamVersion),
    tagsJson,
    quote(e.type),
  ];
}

// The events of one command share their valid time: its text is made once, not per event.
let lastIsoTime = Number.NaN;
let lastIso = '';

/** A time as JSON: its ISO 8601 text, quoted. */
export function quotedIso(time: Date): string {
  const ms = time.getTime();
  if (ms !== lastIsoTime) {
    lastIso = `"${time.toISOString()}"`;
    lastIsoTime = ms;
  }
  return lastIso;
}

const orNull = (text: string | null | undefined): string => (text == null ? 'null' : quote(text));

/**
 * RFC 8785 canonical JSON of the covered fields, so any reader can recompute it. The top level
 * is laid out by hand in sorted key order (the same bytes canonicalize() gives, see the test).
 */
export function canonicalContent(e: ChainedContent, dataJson?: string, tagsJson?: string): string {
  return canonicalOf(contentValues(e, dataJson, tagsJson));
}

/** The canonical content from its values (as contentValues gives them). */
export function canonicalOf(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < CONTENT_KEYS.length; i++) {
    out += `${i === 0 ? '"' : ',"'}${CONTENT_KEYS[i]}":${values[i]}`;
  }
  return `${out}}`;
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical content of event n): each stream is a hash chain. */
export function nextChain(previous: Buffer, e: ChainedContent, dataJson?: string, tagsJson?: string): Buffer {
  return chainHash(previous, canonicalContent(e, dataJson, tagsJson));
}

// One reusable input buffer and a one-shot digest: a Hash object per event costs more than
// the hashing itself. Synchronous use only, so sharing the buffer is safe.
let input = Buffer.allocUnsafe(4096);
const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;

/** SHA-256(previous ‖ UTF-8 of `canonical`): the chain step, given the canonical content. */
export function chainHash(previous: Buffer, canonical: string): Buffer {
  if (!oneShot) return createHash('sha256').update(previous).update(canonical, 'utf8').digest();
  const at = previous.length;
  const room = at + canonical.length * 3;
  if (room > input.length) input = Buffer.allocUnsafe(Math.max(room, input.length * 2));
  previous.copy(input, 0);
  const end = at + input.write(canonical, at, 'utf8');
  return oneShot('sha256', input.subarray(0, end), 'buffer');
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
