import t from 'tap';
import { projections } from '../../projections/index.js';
import { type TaskDocument, taskDocuments } from '../../projections/views/tasks.js';
import * as itemParts013 from '../../src/db/migrations/013_item_parts.js';
import { canonicalJson } from '../../src/ledger/chain.js';
import type { RecordedEvent } from '../../src/ledger/types.js';
import {
  type Current,
  type DocumentVersion,
  evolveDocuments,
} from '../../src/projections/document-writer.js';
import type { DocumentProjection } from '../../src/projections/projection.js';
import { documentsById, readDocuments } from '../../src/read/documents.js';
import { onEachBackendSeeded } from '../helpers/seeded.js';

interface Note {
  id: string;
  title: string;
  edits: number;
}

// A document whose title is fixed when it begins; a rename breaks that promise.
const notes: DocumentProjection<Note> = {
  name: 'test_notes',
  version: 1,
  table: 'test_note_versions',
  tables: ['test_note_versions', 'test_note_items'],
  fixed: { keys: ['id', 'title'], table: 'test_note_items', view: 'test_notes' },
  keysOf: (e) => [e.streamId],
  evolve(doc, e, id) {
    const data = e.data as { title: string };
    if (e.type === 'NoteBegun') return { id, title: data.title, edits: 0 };
    if (!doc) return doc;
    if (e.type === 'NoteEdited') return { ...doc, edits: doc.edits + 1 };
    if (e.type === 'NoteRenamed') return { ...doc, title: data.title, edits: doc.edits + 1 };
    return doc;
  },
  columns: () => ({}),
};
// As the runner holds every projection (see projections/index.ts).
const held = notes as unknown as DocumentProjection;

const note = (position: number, type: string, title = ''): RecordedEvent =>
  ({ position, streamId: 'n-1', type, data: { title } }) as unknown as RecordedEvent;

t.test('documents begin with their fixed parts and keep them', async (t) => {
  const current = new Map<string, Current | undefined>();
  const closed: DocumentVersion[] = [];
  const begun: { id: string; doc: unknown }[] = [];
  evolveDocuments(
    held,
    current,
    [note(1, 'NoteBegun', 'Báo cáo tháng'), note(2, 'NoteEdited')],
    closed,
    begun,
  );
  t.same(
    begun,
    [{ id: 'n-1', doc: { id: 'n-1', title: 'Báo cáo tháng', edits: 0 } }],
    'one item, as it began',
  );
  t.equal(closed.length, 1, 'the edit closed the first version');
  t.throws(
    () => evolveDocuments(held, current, [note(3, 'NoteRenamed', 'Khác')], closed, begun),
    /test_notes: n-1 changed title, which is fixed when it begins/,
    'a handler that changes a fixed part is refused: the part is stored once, for every version',
  );
});

await onEachBackendSeeded(async (t, app) => {
  const { ledger, database } = app;
  const q = <R>(text: string) => database.sql.query<R>({ text });
  const wholeDocuments = () =>
    q<{ id: string; from_pos: string; doc: object }>(
      'select id, from_pos, doc from view_tasks order by id, from_pos',
    ).then((rows) => rows.map((r) => JSON.stringify(r)));

  t.test('a task is stored once for what it was assigned with, and per version for the rest', async (t) => {
    const [counts] = await q<{ items: number; tasks: number; versions: number; first: number }>(
      `select (select count(*)::int from view_task_items) as items,
          (select count(distinct id)::int from view_task_versions) as tasks,
          (select count(*)::int from view_task_versions) as versions,
          (select count(*)::int from view_task_versions where doc ? 'description') as first`,
    );
    t.ok(counts && counts.versions > counts.tasks, 'tasks have several versions');
    t.equal(counts?.items, counts?.tasks, 'one item row per task');
    t.equal(counts?.first, 0, 'no version repeats the description');
    const [row] = await q<{ doc: Record<string, unknown>; varying: Record<string, unknown> }>(
      `select doc, varying from view_tasks where to_pos is not null order by from_pos desc limit 1`,
    );
    const keys = Object.keys(row?.doc ?? {});
    for (const key of taskDocuments.fixed?.keys ?? []) {
      t.ok(keys.includes(key), `the view's document has ${key}`);
      t.notOk(key in (row?.varying ?? {}), `the version does not repeat ${key}`);
    }
    t.ok('transitions' in (row?.varying ?? {}), 'the version holds what moves on');
  });

  t.test(
    'listed or read by id, a document is joined from its parts whole, less the keys left out',
    async (t) => {
      const head = await q<{ p: string }>('select max(position) as p from events');
      const last = Number(head[0]?.p);
      for (const k of [
        { position: last, recordedAt: new Date(), current: true },
        { position: Math.floor(last / 2), recordedAt: new Date(), current: false },
      ]) {
        // As the view gives them whole (fixed || version), in force at the position.
        const expected = (
          await q<{ doc: Record<string, unknown> }>(
            `select doc from view_tasks where from_pos <= ${k.position}
            and coalesce(to_pos, 9223372036854775807) > ${k.position} order by from_pos desc, id`,
          )
        ).map((r) => r.doc);
        t.ok(expected.length > 0, `tasks known as of ${k.position}`);
        const listedAll = await readDocuments<Record<string, unknown>>(database, 'view_tasks', k);
        t.same(
          listedAll.map(canonicalJson).sort(),
          expected.map(canonicalJson).sort(),
          `listed whole, as of ${k.position}`,
        );
        const ids = expected.map((d) => d.id as string);
        const read = await documentsById<TaskDocument>(database, 'view_tasks', k, ids);
        t.same(read.map(canonicalJson), expected.map(canonicalJson), `whole, as of ${k.position}`);
        const listed = await documentsById<TaskDocument, 'transitions' | 'groupLabel'>(
          database,
          'view_tasks',
          k,
          ids,
          ['transitions', 'groupLabel'],
        );
        const less = expected.map(({ transitions: _, groupLabel: __, ...rest }) => canonicalJson(rest));
        t.same(listed.map(canonicalJson), less, `less a varying key and a fixed one, as of ${k.position}`);
      }
    },
  );
  t.test('migration 013 undone gives whole documents back, and redone reads them as they were', async (t) => {
    const before = await wholeDocuments();
    await itemParts013.down(database.db);
    const [table] = await q<{ kind: string }>(
      `select relkind::text as kind from pg_class where relname = 'view_tasks'`,
    );
    t.equal(table?.kind, 'r', 'view_tasks is a table again');
    t.same(await wholeDocuments(), before, 'every version holds its whole document');
    await itemParts013.up(database.db);
    t.same(await wholeDocuments(), before, 'versions written before the split read whole through the view');
    // Rebuilt, they are split again, and read the same.
    await ledger.projections.rebuild(projections.map((p) => p.name));
    t.same(await wholeDocuments(), before);
    const [items] = await q<{ n: number }>('select count(*)::int as n from view_task_items');
    t.ok((items?.n ?? 0) > 0, 'the rebuild stored the fixed parts');
  });
});
