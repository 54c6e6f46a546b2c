import { sql } from 'kysely';
import { projections } from '../../projections/index.js';
import { canonicalJson } from '../../src/ledger/chain.js';
import type { RecordedEvent } from '../../src/ledger/types.js';
import {
  type Current,
  type DocumentVersion,
  evolveDocuments,
} from '../../src/projections/document-writer.js';
import { documentsOf, isDocumentProjection } from '../../src/projections/projection.js';
import { readDocuments } from '../../src/read/documents.js';
import { onEachBackendSeeded } from '../helpers/seeded.js';

await onEachBackendSeeded(async (t, app) => {
  const { ledger, database } = app;
  const names = projections.map((p) => p.name);
  const live = await Promise.all(names.map((n) => ledger.projections.checksum(n)));

  t.test('a rebuild of every view from position 0 yields the very tables kept inline', async (t) => {
    // Some indexes are dropped and made again, some kept up during the load: all are there after.
    const indexes = () =>
      database.sql.query<{ name: string; definition: string }>({
        text: `select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as definition
            from pg_index where indrelid::regclass::text like 'view%' or indrelid = 'ledger_streams'::regclass
            order by 1`,
      });
    const before = await indexes();
    const reports = await ledger.projections.rebuild();
    t.same(await indexes(), before, 'the same indexes, as defined before');
    t.same(
      reports.map((r) => r.name),
      names,
    );
    t.same(await Promise.all(names.map((n) => ledger.projections.checksum(n))), live);
    // Loaded frozen and analysed: the planner knows the tables, and index-only scans need no VACUUM.
    const pages = await database.sql.query<{ table: string; pages: number; visible: number }>({
      text: `select relname as table, relpages as pages, relallvisible as visible from pg_class
          where relname in ('view_task_versions', 'view_shortcoming_versions', 'view_units')`,
    });
    t.equal(pages.length, 3);
    // Statistics for what queries filter on, none for whole documents (migration 014).
    const stats = await database.sql.query<{ column: string }>({
      text: `select attname as column from pg_stats where tablename = 'view_task_versions' order by 1`,
    });
    const columns = stats.map((s) => s.column);
    t.ok(columns.includes('unit_id') && columns.includes('due_on'), 'the columns have statistics');
    t.notOk(columns.includes('doc'), 'the documents have none');
    for (const p of pages) {
      t.ok(p.pages > 0, `${p.table} is analysed`);
      // A page where one load ended and the next began may lose its mark; the rest keep it.
      t.ok(p.visible >= 0.8 * p.pages, `${p.table}: pages all-visible (${p.visible} of ${p.pages})`);
    }
  });

  t.test('a view as of any position holds what a replay of the log up to it gives', async (t) => {
    const { state: events } = await ledger.store.fold([] as RecordedEvent[], (all, e) => {
      all.push(e);
      return all;
    });
    const head = events.at(-1)?.position ?? 0;
    for (const position of [Math.floor(head / 4), Math.floor(head / 2), head - 7, head]) {
      for (const p of projections.filter(isDocumentProjection)) {
        const current = new Map<string, Current | undefined>();
        evolveDocuments(
          p,
          current,
          events.filter((e) => e.position <= position),
          [] as DocumentVersion[],
        );
        const replayed = [...current.values()]
          .filter((c) => c !== undefined)
          .map((c) => canonicalJson(c.doc));
        const stored = await readDocuments<object>(database, documentsOf(p) as never, {
          position,
          recordedAt: new Date(),
          current: false,
        });
        t.same(stored.map(canonicalJson).sort(), replayed.sort(), `${p.name} as of ${position}`);
      }
    }
  });

  t.test(
    'every document version is closed by the position that replaced it, and one is current',
    async (t) => {
      for (const table of ['view_tasks', 'view_shortcomings', 'view_units']) {
        const { rows } = await sql<{ gaps: number; currents: number; ids: number }>`
          select
            (select count(*)::int from ${sql.table(table)} a where a.to_pos is not null
               and not exists (select 1 from ${sql.table(table)} b where b.id = a.id and b.from_pos = a.to_pos)) as gaps,
            (select count(*)::int from ${sql.table(table)} where to_pos is null) as currents,
            (select count(distinct id)::int from ${sql.table(table)}) as ids`.execute(database.db);
        t.equal(rows[0]?.gaps, 0, `${table}: no gap between versions`);
        t.equal(rows[0]?.currents, rows[0]?.ids, `${table}: one current version per document`);
      }
    },
  );
});
