import { type Kysely, sql } from 'kysely';
import type { SqlClient } from '../db/sql-runner.js';
import type { EventStore } from '../ledger/event-store.js';
import type { RecordedEvent } from '../ledger/types.js';
import { type Current, type DocumentVersion, evolveDocuments, insertVersions } from './document-writer.js';
import { isDocumentProjection, type Projection } from './projection.js';
import { applyOps } from './writer.js';

const PAGE = 5000;

/**
 * Rebuilds projections from position 0 in one read of the log, inside the caller's
 * transaction: each page of events goes to every projection, documents stay in memory
 * between pages (only the versions a page closed are written), and the current versions go
 * in at the end — the same rows the inline writer leaves behind.
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
  // Building an index once over loaded rows is far cheaper than keeping it up row by row; the
  // indexes behind constraints (primary keys) stay, the others are made again at the end.
  const indexes = await tx.query<{ name: string; definition: string }>({
    text: `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i where i.indrelid = any($1::regclass[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    values: [tables],
  });
  for (const index of indexes) await tx.query({ text: `drop index ${index.name}` });
  const documents = new Map(
    chosen.filter(isDocumentProjection).map((p) => [p, new Map<string, Current | undefined>()] as const),
  );
  const page: RecordedEvent[] = [];
  const flush = async () => {
    const events = page.splice(0);
    for (const p of chosen) {
      if (isDocumentProjection(p)) {
        const closed: DocumentVersion[] = [];
        evolveDocuments(p, documents.get(p) as Map<string, Current | undefined>, events, closed);
        await insertVersions(tx, p, closed);
      } else {
        await applyOps(
          builder,
          tx,
          events.flatMap((e) => p.handle(e)),
        );
      }
    }
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
  for (const [p, current] of documents) {
    const open: DocumentVersion[] = [];
    for (const [id, c] of current) if (c) open.push({ id, fromPos: c.fromPos, toPos: null, doc: c.doc });
    await insertVersions(tx, p, open);
  }
  for (const index of indexes) await tx.query({ text: index.definition });
  return { position, count };
}
