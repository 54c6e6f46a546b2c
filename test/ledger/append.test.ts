import t from 'tap';
import { ConcurrencyError, ValidationError } from '../../src/errors.js';
import { EventStore } from '../../src/ledger/event-store.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { event, taskAssigned, toStream } from '../helpers/events.js';
import { eventually } from '../helpers/eventually.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const store = new EventStore(database.sql, testCatalogue);

    t.test('given no stream, when a task is assigned, then it is version 1 with both times', async (t) => {
      const r = await store.append([toStream('t-moha', 'no_stream', taskAssigned('Bộ Nội vụ'))]);
      const [e] = r.events;
      t.equal(e?.streamVersion, 1);
      t.equal(e?.actor, 'secretariat-clerk');
      t.equal(e?.occurredAt.toISOString(), '2025-08-01T09:00:00.000Z');
      t.ok(e && Math.abs(e.recordedAt.getTime() - Date.now()) < 60_000, 'recorded by the database clock');
      const [read] = await store.readStream('fixture_task', 't-moha');
      t.equal(
        (read?.data as { unit: string } | undefined)?.unit,
        'Bộ Nội vụ',
        'Vietnamese text kept as given',
      );
      t.equal(read?.position, e?.position);
    });

    t.test('an exact expected version appends; a stale one is a typed conflict', async (t) => {
      await store.append([toStream('t-moj', 'no_stream', taskAssigned('Bộ Tư pháp', '3.(2)'))]);
      await store.append([
        toStream('t-moj', 1, taskAssigned('Bộ Tư pháp', '3.(2)'), taskAssigned('Bộ Tư pháp', '3.(2)')),
      ]);
      await t.rejects(store.append([toStream('t-moj', 1, taskAssigned('Bộ Tư pháp'))]), ConcurrencyError);
      await t.rejects(
        store.append([toStream('t-moj', 'no_stream', taskAssigned('Bộ Tư pháp'))]),
        ConcurrencyError,
      );
      await t.rejects(store.append([toStream('t-moj', 7, taskAssigned('Bộ Tư pháp'))]), ConcurrencyError);
      const any = await store.append([toStream('t-moj', 'any', taskAssigned('Bộ Tư pháp'))]);
      t.equal(any.events[0]?.streamVersion, 4);
      t.same(
        (await store.readStream('fixture_task', 't-moj')).map((e) => e.streamVersion),
        [1, 2, 3, 4],
      );
    });

    t.test('a second store (another process) with a cold cache agrees with the first', async (t) => {
      const other = new EventStore(database.sql, testCatalogue);
      await store.append([toStream('t-shared', 'no_stream', taskAssigned('Bộ Công an'))]);
      await other.append([toStream('t-shared', 1, taskAssigned('Bộ Công an'))]);
      await t.rejects(store.append([toStream('t-shared', 1, taskAssigned('Bộ Công an'))]), ConcurrencyError);
      await store.append([toStream('t-shared', 2, taskAssigned('Bộ Công an'))]);
    });

    t.test('one append can span streams atomically', async (t) => {
      await store.append([toStream('t-a', 'no_stream', taskAssigned('Tuyên Quang'))]);
      await t.rejects(
        store.append([
          toStream('t-b', 'no_stream', taskAssigned('Hà Giang')),
          toStream('t-a', 'no_stream', taskAssigned('Tuyên Quang')),
        ]),
        ConcurrencyError,
      );
      t.same(await store.readStream('fixture_task', 't-b'), [], 'nothing of the failed append remains');
    });

    t.test('invalid event data is refused before anything is written', async (t) => {
      const error = await t.rejects(
        store.append([toStream('t-bad', 'no_stream', event('TaskAssigned', { clause: 1 }))]),
      );
      t.ok(error instanceof ValidationError);
      t.same(await store.readStream('fixture_task', 't-bad'), []);
    });

    t.test('old schema versions come back upcast', async (t) => {
      // A v1 event written before v2 existed: append through a store whose catalogue only had v1.
      const { EventCatalogue, defineEvent } = await import('../../events/catalogue.js');
      const { z } = await import('zod');
      const v1Only = new EventCatalogue([
        defineEvent('DirectiveNoted', z.object({ code: z.string(), title: z.string() })),
      ]);
      await new EventStore(database.sql, v1Only).append([
        {
          streamType: 'directive',
          streamId: '183-KL/TW',
          expectedVersion: 'no_stream',
          events: [event('DirectiveNoted', { code: '183-KL/TW', title: 'Kết luận 183' })],
        },
      ]);
      const [read] = await store.readStream('directive', '183-KL/TW');
      t.equal(read?.schemaVersion, 2);
      t.same(read?.data, { code: '183-KL/TW', title: 'Kết luận 183', kind: 'conclusion' });
    });

    t.test('readAll pages through the global log in position order', async (t) => {
      const total = await countEvents();
      const readEverything = async () => {
        const all = [];
        let after = 0;
        for (;;) {
          const page = await store.readAll({ after, limit: 3 });
          all.push(...page);
          if (page.length < 3) break;
          after = page[page.length - 1]?.position ?? after;
        }
        return all;
      };
      const all = await eventually(readEverything, (events) => events.length >= total);
      const positions = all.map((e) => e.position);
      t.same(
        positions,
        [...positions].sort((a, b) => a - b),
      );
      t.equal(new Set(positions).size, positions.length);
      t.equal(all.length, total);
    });

    async function countEvents(): Promise<number> {
      const { sql } = await import('kysely');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(database.db);
      return rows[0]?.n ?? 0;
    }
  });
}
