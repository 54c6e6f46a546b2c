import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql } from 'kysely';
import type { CopyBuffer } from '../db/copy-text.js';
import type { SqlClient } from '../db/sql-runner.js';
import type { RecordedEvent } from '../ledger/types.js';
import { copyRows } from './bulk.js';
import { type DocumentProjection, documentsOf, type FixedParts, type Row } from './projection.js';

/** One version of a document, as a row of its table. */
export interface DocumentVersion {
  id: string;
  fromPos: number;
  toPos: number | null;
  doc: unknown;
}

/** Where a document stands while events are applied: its current version and since when. */
export interface Current {
  doc: unknown;
  fromPos: number;
}

/** A document that began: its fixed parts are stored from it, once (see FixedParts). */
export interface BegunDocument {
  id: string;
  doc: unknown;
}

/**
 * Applies events to documents held in `current`, pushing every version an event closes onto
 * `closed`, and every document that begins onto `begun`. Shared by the inline writer and the
 * rebuild, so both make the same versions.
 */
export function evolveDocuments(
  p: DocumentProjection,
  current: Map<string, Current | undefined>,
  events: readonly RecordedEvent[],
  closed: DocumentVersion[],
  begun: BegunDocument[] = [],
): void {
  for (const e of events) {
    for (const id of p.keysOf(e)) {
      const before = current.get(id);
      const next = p.evolve(before?.doc, e, id);
      if (next === before?.doc) continue;
      if (before) closed.push({ id, fromPos: before.fromPos, toPos: e.position, doc: before.doc });
      if (next === undefined) {
        current.set(id, undefined);
        continue;
      }
      if (before) keepsFixed(p, id, before.doc, next);
      else begun.push({ id, doc: next });
      current.set(id, { doc: next, fromPos: e.position });
    }
  }
}

// Fixed parts are stored once, so a handler that changed one would change history unseen.
function keepsFixed(p: DocumentProjection, id: string, before: unknown, next: unknown): void {
  if (!p.fixed) return;
  const was = before as Record<string, unknown>;
  const is = next as Record<string, unknown>;
  for (const key of p.fixed.keys) {
    if (is[key] !== was[key] && !isDeepStrictEqual(is[key], was[key]))
      throw new Error(`${p.name}: ${id} changed ${key}, which is fixed when it begins`);
  }
}

/**
 * Inserts versions with COPY (see copyRows): each document is parsed once on the server, not
 * unescaped out of an array literal first.
 */
export async function insertVersions(
  client: SqlClient,
  p: DocumentProjection,
  versions: readonly DocumentVersion[],
  options: { freeze?: boolean } = {},
): Promise<void> {
  await copyRows(client, p.table, versions, (v) => versionRow(p, v), options);
}

/**
 * Lays versions out as rows of the projection's table, after what `buffer` holds, for a load
 * sent later (see CopyBuffer): the rebuild lays out one page while the server loads the last.
 */
export function addVersions(
  p: DocumentProjection,
  versions: readonly DocumentVersion[],
  buffer: CopyBuffer,
): CopyBuffer {
  return buffer.add(versions, (v) => versionRow(p, v));
}

/** Inserts the fixed parts of documents that began (see FixedParts), with COPY. */
export async function insertItems(
  client: SqlClient,
  p: DocumentProjection,
  begun: readonly BegunDocument[],
  options: { freeze?: boolean } = {},
): Promise<void> {
  const { fixed } = p;
  if (fixed) await copyRows(client, fixed.table, begun, (b) => itemRow(fixed, b), options);
}

/** Lays the fixed parts of documents that began out as rows, after what `buffer` holds. */
export function addItems(fixed: FixedParts, begun: readonly BegunDocument[], buffer: CopyBuffer): CopyBuffer {
  return buffer.add(begun, (b) => itemRow(fixed, b));
}

function itemRow(fixed: FixedParts, b: BegunDocument): Row {
  const doc = b.doc as Record<string, unknown>;
  const part: Record<string, unknown> = {};
  for (const key of fixed.keys) part[key] = doc[key];
  return { id: b.id, fixed: JSON.stringify(part) };
}

function versionRow(p: DocumentProjection, v: DocumentVersion): Row {
  return {
    id: v.id,
    from_pos: v.fromPos,
    to_pos: v.toPos,
    doc: JSON.stringify(p.fixed ? varyingPart(p.fixed, v.doc) : v.doc),
    ...p.columns(v.doc),
  };
}

const fixedKeySets = new WeakMap<FixedParts, ReadonlySet<string>>();

// What a version stores of its document: all but the fixed parts.
function varyingPart(fixed: FixedParts, doc: unknown): Record<string, unknown> {
  let keys = fixedKeySets.get(fixed);
  if (!keys) {
    keys = new Set(fixed.keys);
    fixedKeySets.set(fixed, keys);
  }
  const whole = doc as Record<string, unknown>;
  const part: Record<string, unknown> = {};
  for (const key in whole) if (!keys.has(key)) part[key] = whole[key];
  return part;
}

/**
 * Applies freshly appended events to a document projection inside the append's transaction:
 * one read of the touched documents, one statement closing their current versions, and
 * multi-row inserts of the new ones.
 */
export async function applyDocumentsInline(
  // biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
  builder: Kysely<any>,
  client: SqlClient,
  p: DocumentProjection,
  events: readonly RecordedEvent[],
): Promise<void> {
  const ids = [...new Set(events.flatMap((e) => p.keysOf(e)))];
  if (ids.length === 0) return;
  const rows = await client.query<{ id: string; from_pos: string | number; doc: unknown }>(
    sql`select id, from_pos, doc from ${sql.table(documentsOf(p))}
      where id = any(${ids}::text[]) and to_pos is null`.compile(builder),
  );
  const current = new Map<string, Current | undefined>(
    rows.map((r) => [r.id, { doc: r.doc, fromPos: Number(r.from_pos) }]),
  );
  const stored = new Map(rows.map((r) => [r.id, Number(r.from_pos)]));
  const isStored = (v: { id: string; fromPos: number }) => stored.get(v.id) === v.fromPos;
  const closed: DocumentVersion[] = [];
  const begun: BegunDocument[] = [];
  evolveDocuments(p, current, events, closed, begun);
  // Versions opened and closed within this append are new rows; the stored ones get a to_pos.
  const closing = closed.filter(isStored);
  if (closing.length) {
    await client.query(
      sql`update ${sql.table(p.table)} t set to_pos = v.to_pos
        from unnest(${closing.map((v) => v.id)}::text[], ${closing.map((v) => v.toPos)}::bigint[]) as v(id, to_pos)
        where t.id = v.id and t.to_pos is null`.compile(builder),
    );
  }
  const fresh = closed.filter((v) => !isStored(v));
  for (const [id, c] of current) {
    if (c && !isStored({ id, fromPos: c.fromPos }))
      fresh.push({ id, fromPos: c.fromPos, toPos: null, doc: c.doc });
  }
  await insertItems(client, p, begun);
  await insertVersions(client, p, fresh);
}
