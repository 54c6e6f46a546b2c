import { type Kysely, sql } from 'kysely';
import { CopyBuffer, type CopyData } from '../db/copy-text.js';
import { quoteIdent as ident } from '../db/identifier.js';
import type { SqlClient } from '../db/sql-runner.js';
import type { EventStore } from '../ledger/event-store.js';
import type { RecordedEvent } from '../ledger/types.js';
import { giveWay, WORK_SLICE } from './bulk.js';
import {
  addItems,
  addVersions,
  type BegunDocument,
  type Current,
  type DocumentVersion,
  evolveDocuments,
  insertVersions,
} from './document-writer.js';
import { HeldOps } from './held-ops.js';
import { type DocumentProjection, isDocumentProjection, type Projection } from './projection.js';
import { applySegments, type OpSegment } from './writer.js';

const PAGE = 5000;

/**
 * Rebuilds projections from position 0 in one read of the log, inside the caller's
 * transaction: each page of events goes to every projection, documents stay in memory
 * between pages (only the versions a page closed are written), and the current versions go
 * in at the end — the same rows the inline writer leaves behind. The version tables, truncated
 * in this transaction, are loaded frozen (COPY FREEZE), so they need no VACUUM before
 * index-only scans.
 */
export async function rebuildFromZero(
  // biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
  builder: Kysely<any>,
  store: EventStore,
  tx: SqlClient,
  chosen: readonly Projection[],
): Promise<{ position: number; count: number }> {
  const tables = chosen.flatMap((p) => p.tables);
  // Locked first, so writers applying inline wait for the rebuild and then apply their own
  // events on top of it; nothing is applied twice or lost.
  await tx.query(
    sql`lock table ${sql.join(tables.map((t) => sql.table(t)))} in access exclusive mode`.compile(builder),
  );
  await tx.query(sql`truncate ${sql.join(tables.map((t) => sql.table(t)))}`.compile(builder));
  const indexes = await dropIndexes(
    tx,
    tables,
    chosen.filter(isDocumentProjection).flatMap((p) => (p.fixed ? [p.table, p.fixed.table] : [p.table])),
  );
  const documents = new Map(
    chosen.filter(isDocumentProjection).map((p) => [p, new Map<string, Current | undefined>()] as const),
  );
  // Table projections' operations are held and folded until the end: a stream's row, touched
  // by every event of the stream, is then written once instead of updated page after page.
  const held = new Map(chosen.flatMap((p) => (isDocumentProjection(p) ? [] : [[p, new HeldOps()] as const])));
  const page: RecordedEvent[] = [];
  // A page's loads run on the server while the next page is read, evolved and laid out here: at
  // most one page is in flight, so memory stays bounded, and the connection runs them in order.
  // The server must never wait on this side's work, so a page is laid out in full before its
  // loads begin (pages take turns with two sets of buffers), and the work is done a slice at a
  // time, giving way in between: loads in flight only move on (the socket drained, the next
  // COPY begun) when this side is not busy. Without both, the server sat idle half the time.
  let writing: Promise<void> = Promise.resolve();
  const buffers = [new Map<string, CopyBuffer>(), new Map<string, CopyBuffer>()];
  let pages = 0;
  const load = async (loads: readonly { table: string; copy: CopyData }[]) => {
    for (const { table, copy } of loads) await tx.copyIn(table, copy.columns, copy.data, { freeze: true });
  };
  const flush = async () => {
    const events = page.splice(0);
    const closed = new Map<DocumentProjection, { versions: DocumentVersion[]; begun: BegunDocument[] }>();
    for (const p of documents.keys()) closed.set(p, { versions: [], begun: [] });
    for (let i = 0; i < events.length; i += WORK_SLICE) {
      const slice = events.slice(i, i + WORK_SLICE);
      for (const [p, ops] of held) for (const e of slice) ops.add(p.handle(e));
      for (const [p, current] of documents) {
        const page = closed.get(p);
        if (page) evolveDocuments(p, current, slice, page.versions, page.begun);
      }
      await giveWay();
    }
    const set = buffers[pages++ % 2] as Map<string, CopyBuffer>;
    const loads: { table: string; copy: CopyData }[] = [];
    const layOut = async <T>(
      table: string,
      rows: readonly T[],
      add: (rows: readonly T[], b: CopyBuffer) => void,
    ) => {
      if (rows.length === 0) return;
      const buffer = set.get(table) ?? new CopyBuffer();
      set.set(table, buffer.clear());
      for (let i = 0; i < rows.length; i += WORK_SLICE) {
        add(rows.slice(i, i + WORK_SLICE), buffer);
        await giveWay();
      }
      loads.push({ table, copy: buffer.laidOut });
    };
    for (const [p, { versions, begun }] of closed) {
      const { fixed } = p;
      if (fixed) await layOut(fixed.table, begun, (rows, b) => addItems(fixed, rows, b));
      await layOut(p.table, versions, (rows, b) => addVersions(p, rows, b));
    }
    await writing;
    writing = load(loads);
    // Awaited before the next page's loads and at the end; this only keeps a failure handled.
    writing.catch(() => {});
  };
  const { position, count } = await store.fold(
    null,
    (_, e) => {
      page.push(e);
      return null;
    },
    { visibleOnly: false, pageSize: PAGE, afterPage: flush },
    tx,
  );
  await writing;
  const truncated = new Set(tables);
  const drained = [...held.values()].map((ops) => ops.drain());
  // A table whose rows all go in by one COPY (one run of upserts, nothing else) needs no key
  // while loading: it is made once after, as the version tables' are (ledger_streams' 223,559
  // rows: 0.74 s with the key kept, 0.49 s loaded and then keyed).
  const keys = await dropIndexes(tx, loadedOnce(drained), loadedOnce(drained));
  for (const segments of drained) await applySegments(builder, tx, segments, { truncated });
  for (const key of keys) await tx.query({ text: key.definition });
  for (const [p, current] of documents) {
    const open: DocumentVersion[] = [];
    for (const [id, c] of current) if (c) open.push({ id, fromPos: c.fromPos, toPos: null, doc: c.doc });
    await insertVersions(tx, p, open, { freeze: true });
  }
  for (const index of indexes) await tx.query({ text: index.definition });
  // Freshly loaded tables have no statistics yet, and a plan without them scans whole tables.
  await tx.query(sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.compile(builder));
  return { position, count };
}

// Versions reach the server in the order of the position that closed them, the current ones
// last: an index led by that position grows at its right edge, so the server keeps it up during
// the load for less than building it after (it has time to spare while this side evolves the
// next page; a build after the load holds everything up). Not so an index led by from_pos: a
// closed version lands in the middle of it, and kept up it came out a third larger and slower.
const RIGHT_EDGE = /^COALESCE\(to_pos,/;

// The tables the segments write with one run of upserts and nothing else.
function loadedOnce(drained: readonly OpSegment[][]): string[] {
  const runs = new Map<string, number>();
  for (const segment of drained.flat()) {
    const table = Array.isArray(segment) ? segment[0]?.table : segment.table;
    if (table !== undefined) runs.set(table, (runs.get(table) ?? 0) + (Array.isArray(segment) ? 1 : 2));
  }
  return [...runs].filter(([, n]) => n === 1).map(([table]) => table);
}

/**
 * Drops the indexes on `tables` that no constraint needs, and on the version tables (written
 * only by COPY here, never upserted) the primary keys too; returns the statements that make
 * them again. Building an index once over loaded rows is far cheaper than keeping it up row by
 * row, except where rows arrive in the index's order (RIGHT_EDGE).
 */
async function dropIndexes(
  tx: SqlClient,
  tables: readonly string[],
  versionTables: readonly string[],
): Promise<{ definition: string }[]> {
  const found = await tx.query<{
    table: string;
    name: string;
    constraint: string | null;
    definition: string;
    leading: string;
    growing: boolean;
  }>({
    text: `select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name,
        c.conname as constraint,
        coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid)) as definition,
        pg_get_indexdef(i.indexrelid, 1, false) as leading,
        i.indrelid = any($2::regclass[]) and i.indpred is null as growing
      from pg_index i left join pg_constraint c on c.conindid = i.indexrelid
      where i.indrelid = any($1::regclass[])
        and (c.oid is null or (c.contype = 'p' and i.indrelid = any($2::regclass[])))
      order by c.oid is null`,
    values: [tables, versionTables],
  });
  const remake: { definition: string }[] = [];
  for (const index of found) {
    if (index.growing && RIGHT_EDGE.test(index.leading)) continue;
    if (index.constraint) {
      await tx.query({ text: `alter table ${index.table} drop constraint ${ident(index.constraint)}` });
      remake.push({
        definition: `alter table ${index.table} add constraint ${ident(index.constraint)} ${index.definition}`,
      });
    } else {
      await tx.query({ text: `drop index ${index.name}` });
      remake.push({ definition: index.definition });
    }
  }
  return remake;
}
