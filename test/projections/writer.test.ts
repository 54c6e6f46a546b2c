import t from 'tap';
import type { ProjectionOp } from '../../src/projections/projection.js';
import { applyOps } from '../../src/projections/writer.js';
import { backends } from '../helpers/backends.js';

type Upsert = Extract<ProjectionOp, { op: 'upsert' }>;

const upsert = (id: string, title: string, at: string): Upsert => ({
  op: 'upsert',
  table: 'test_writer_items',
  key: { id },
  set: { title, updated_at: new Date(at) },
  insertOnly: { created_at: new Date(at) },
});

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    await database.sql.query({
      text: `create table test_writer_items (id text primary key, title text not null,
        updated_at timestamptz not null, created_at timestamptz not null)`,
    });
    const rows = () =>
      database.sql.query<{ id: string; title: string; updated: string; created: string }>({
        text: `select id, title, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD') as updated,
          to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created
          from test_writer_items order by id`,
      });

    t.test('a table truncated in the transaction is loaded, then upserted like any other', async (t) => {
      await database.sql.query({
        text: `insert into test_writer_items values ('old', 'gone after the truncate', now(), now())`,
      });
      const truncated = new Set(['test_writer_items', 'untouched']);
      await database.sql.transaction(async (tx) => {
        await tx.query({ text: 'truncate test_writer_items' });
        await applyOps(
          database.db,
          tx,
          [
            upsert('a', 'Báo cáo quý I', '2025-01-10'),
            upsert('b', 'Kế hoạch\tcó tab', '2025-01-11'),
            upsert('a', 'Báo cáo quý I (sửa)', '2025-01-12'),
            { op: 'update', table: 'test_writer_items', where: { id: 'b' }, set: { title: 'đổi tên' } },
            upsert('a', 'lần ba', '2025-02-01'),
            upsert('c', 'mới', '2025-02-02'),
          ],
          { truncated },
        );
      });
      t.same(await rows(), [
        { id: 'a', title: 'lần ba', updated: '2025-02-01', created: '2025-01-10' },
        { id: 'b', title: 'đổi tên', updated: '2025-01-11', created: '2025-01-11' },
        { id: 'c', title: 'mới', updated: '2025-02-02', created: '2025-02-02' },
      ]);
      t.same([...truncated], ['untouched'], 'a written table is no longer taken for empty');
    });

    t.test('without the option, a run of upserts meets the rows already there', async (t) => {
      await applyOps(database.db, database.sql, [upsert('a', 'lần bốn', '2025-03-01')]);
      t.same((await rows())[0], { id: 'a', title: 'lần bốn', updated: '2025-03-01', created: '2025-01-10' });
    });
  });
}
