import { sql } from 'kysely';
import t from 'tap';
import { foundationProjections as projections } from '../../projections/index.js';
import { Ledger } from '../../src/ledger/ledger.js';
import type { Projection } from '../../src/projections/projection.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';

// A read model "added later": tasks per unit, in a table made for the test.
const tasksPerUnit: Projection = {
  name: 'test_tasks_per_unit',
  version: 1,
  tables: ['test_tasks_per_unit'],
  handle: (e) =>
    e.type === 'TaskAssigned'
      ? [
          {
            op: 'upsert',
            table: 'test_tasks_per_unit',
            key: { unit: (e.data as { unit: string }).unit },
            set: { last_clause: (e.data as { clause: string }).clause, last_position: e.position },
            insertOnly: { first_position: e.position },
          },
        ]
      : [],
};

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = new Ledger(database, testCatalogue, projections);
    await ledger.projections.catchUp();
    const units = ['Bộ Nội vụ', 'Bộ Tư pháp', 'Tuyên Quang', 'Hà Giang', 'Lào Cai'];
    for (let i = 0; i < 60; i++) {
      const unit = units[i % units.length] as string;
      await ledger.write([toStream(`task-${i % 12}`, 'any', taskAssigned(unit, `5.(${i})`))], () => null);
    }

    t.test('a rebuild from position 0 yields read tables identical to the live ones', async (t) => {
      const live = await ledger.projections.checksum('ledger_streams');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ledger_streams`.execute(
        database.db,
      );
      t.equal(rows[0]?.n, 12, 'the live projection has one row per stream');
      const [report] = await ledger.projections.rebuild(['ledger_streams']);
      t.equal(report?.events, 60);
      t.equal(await ledger.projections.checksum('ledger_streams'), live);
    });

    t.test('a projection added later catches up from the log, then keeps up inline', async (t) => {
      await sql`create table test_tasks_per_unit (unit text primary key, last_clause text not null,
        last_position bigint not null, first_position bigint not null)`.execute(database.db);
      const later = new Ledger(database, testCatalogue, [...projections, tasksPerUnit]);
      const caughtUp = await later.projections.catchUp();
      t.same(
        caughtUp.map((r) => r.name),
        ['test_tasks_per_unit'],
        'only the new one is rebuilt',
      );
      const { rows } = await sql<{ unit: string; last_clause: string }>`
        select unit, last_clause from test_tasks_per_unit order by unit`.execute(database.db);
      t.equal(rows.length, 5);
      t.equal(rows.find((r) => r.unit === 'Lào Cai')?.last_clause, '5.(59)');
      await later.write([toStream('task-new', 'no_stream', taskAssigned('Lào Cai', '5.(60)'))], () => null);
      const live = await later.projections.checksum('test_tasks_per_unit');
      await later.projections.rebuild(['test_tasks_per_unit']);
      t.equal(await later.projections.checksum('test_tasks_per_unit'), live);
      t.same(await later.projections.catchUp(), [], 'nothing to catch up on the next start');
    });

    t.test('rebuilding an unknown projection is refused', async (t) => {
      await t.rejects(ledger.projections.rebuild(['no_such_view']), /no such projection/);
    });
  });
}
