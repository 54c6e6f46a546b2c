import t from 'tap';
import { copyRows } from '../../src/projections/bulk.js';
import { backends } from '../helpers/backends.js';

for (const backend of await backends()) {
  t.test(`${backend.name}: a load of many slices arrives whole, each row once`, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    await database.sql.query({
      text: 'create table copy_slices (n integer primary key, label text not null)',
    });
    // Slices are 5,000 rows: three full ones and a short one, laid out while the last loads.
    const items = Array.from({ length: 15_001 }, (_, n) => n);
    await database.sql.transaction((tx) =>
      copyRows(tx, 'copy_slices', items, (n) => ({ n, label: `Xã ${n} — tỉnh Tuyên Quang` })),
    );
    const [row] = await database.sql.query<{ rows: number; total: string; labels: boolean }>({
      text: `select count(*)::int as rows, sum(n)::text as total,
        bool_and(label = 'Xã ' || n || ' — tỉnh Tuyên Quang') as labels from copy_slices`,
    });
    t.same(row, { rows: 15_001, total: String((15_000 * 15_001) / 2), labels: true });

    // A failing row stops the load and the transaction; the buffers are fit for the next load.
    await t.rejects(
      database.sql.transaction((tx) =>
        copyRows(tx, 'copy_slices', [20_000, 20_001, 1], (n) => ({ n, label: 'again' })),
      ),
    );
    await copyRows(database.sql, 'copy_slices', [30_000], (n) => ({ n, label: 'after' }));
    const [after] = await database.sql.query<{ rows: number }>({
      text: 'select count(*)::int as rows from copy_slices',
    });
    t.equal(after?.rows, 15_002, 'nothing of the failed load, the next one whole');
  });
}
