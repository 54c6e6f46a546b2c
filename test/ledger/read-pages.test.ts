import t from 'tap';
import { EventStore } from '../../src/ledger/event-store.js';
import * as q from '../../src/ledger/statements.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { eventually } from '../helpers/eventually.js';

// Reading the log page by page, bounded above (a rebuild, an as-of answer) or not (a fold).

interface PlanNode {
  'Actual Rows': number;
  Plans?: PlanNode[];
}
const rowsOf = (n: PlanNode): number[] => [n['Actual Rows'], ...(n.Plans ?? []).flatMap(rowsOf)];

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const store = new EventStore(database.sql, testCatalogue);
    const positions: number[] = [];
    for (let s = 0; s < 6; s++) {
      const r = await store.append([
        toStream(`page-${s}`, 'no_stream', taskAssigned('Bộ Nội vụ'), taskAssigned('Bộ Tư pháp', '3.(2)')),
      ]);
      positions.push(...r.events.map((e) => e.position));
    }
    const [p1, p2, p3, , , p6] = positions as number[];
    // Another test file's open transaction can hold the visible log back for a moment; the
    // bounds are what is under test here, so wait until the last append is in view.
    const settled = (position: number) =>
      eventually(
        () => store.readAll({ after: position - 1, limit: 1 }),
        (page) => page.length === 1,
      );
    await settled(p6 as number);

    t.test('a page holds the events after its start, none past its end, at most its limit', async (t) => {
      const page = await store.readAll({ after: p2, upTo: p6, limit: 100 });
      t.same(
        page.map((e) => e.position),
        positions.filter((p) => p > (p2 as number) && p <= (p6 as number)),
      );
      const short = await store.readAll({ after: p1, limit: 2 });
      t.same(
        short.map((e) => e.position),
        [p2, p3],
      );
      t.same(await store.readAll({ after: p6, upTo: p2 }), [], 'an end before the start is an empty page');
      t.same(await store.readAll({ after: p3, upTo: p3 }), [], 'an empty range is an empty page');
    });

    t.test('a fold up to a position stops there, across pages', async (t) => {
      const { state, position, count } = await store.fold(
        [] as number[],
        (seen, e) => [...seen, e.position],
        { after: p1, upTo: p6, pageSize: 2 },
      );
      t.same(
        state,
        positions.filter((p) => p > (p1 as number) && p <= (p6 as number)),
      );
      t.equal(position, p6);
      t.equal(count, state.length);
    });

    t.test('positions a rolled-back append took are stepped over, however many', async (t) => {
      const abandoned = database.sql.transaction(async (trx) => {
        await store.append(
          [toStream('gone', 'no_stream', ...Array.from({ length: 7 }, () => taskAssigned('Bộ Y tế')))],
          trx,
        );
        throw new Error('the command failed after its append');
      });
      await t.rejects(abandoned, /failed after its append/);
      const after = await store.append([toStream('after-gap', 'no_stream', taskAssigned('Bộ Y tế'))]);
      const last = positions[positions.length - 1] as number;
      t.ok(after.firstPosition > last + 7, 'the rolled-back append left a gap of seven positions');
      await settled(after.firstPosition);

      const { state } = await store.fold([] as number[], (seen, e) => [...seen, e.position], {
        after: last - 1,
        pageSize: 3,
      });
      t.same(state, [last, after.firstPosition], 'a fold with pages narrower than the gap crosses it');
      const page = await store.readAll({ after: last, limit: 2 });
      t.same(
        page.map((e) => e.position),
        [after.firstPosition],
        'so does a single page',
      );
      t.same(await store.readAll({ after: after.firstPosition }), [], 'and past the last event, nothing');
    });

    if (backend.name !== 'postgres') return;
    t.test('a page reads its window only, statistics or not', async (t) => {
      // A log that grew faster than autovacuum analyses it: planned on guesses, a LIMIT page
      // bounded on both sides was estimated at a few hundred rows, and sorted everything past
      // its start. Rows straight in, chain values made up: only the plan is under test here.
      await database.sql.query({ text: 'alter table events set (autovacuum_enabled = off)' });
      await database.sql.query({
        text: `insert into events (position, transaction_id, stream_type, stream_id, stream_version,
            event_id, event_type, schema_version, data, actor, role, occurred_at, recorded_at, hash)
          select 100000 + g, pg_current_xact_id(), 'fixture_bulk', 'bulk-' || (g / 100), g % 100 + 1,
            gen_random_uuid(), 'TaskAssigned', 1, $1::jsonb, 'secretariat-clerk', 'secretariat',
            now(), now(), sha256(g::text::bytea)
          from generate_series(1, 200000) g`,
        values: [JSON.stringify(taskAssigned('Bộ Công an').data)],
      });
      for (const statement of [q.READ_ALL, q.READ_ALL_COMMITTED]) {
        const [row] = await database.sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({
          text: `explain (analyze, format json) ${statement}`,
          values: [100000, 105000],
        });
        const plan = (row as { 'QUERY PLAN': [{ Plan: PlanNode }] })['QUERY PLAN'][0].Plan;
        const widest = Math.max(...rowsOf(plan));
        t.ok(widest <= 5000, `no step of the plan touches more than the window: ${widest} rows`);
      }
    });
  });
}
