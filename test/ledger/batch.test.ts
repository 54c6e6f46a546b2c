import t from 'tap';
import { EventStore } from '../../src/ledger/event-store.js';
import type { RecordedEvent } from '../../src/ledger/types.js';
import { verifyLedger } from '../../src/ledger/verify.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { clerk, event, taskAssigned, toStream } from '../helpers/events.js';

// A batch travels as canonical values, not as typed parameters: every column must still come
// back exactly as a single append would store it, and every chain must still verify.
const fullMetadata = {
  ...clerk,
  onBehalfOf: 'Tỉnh ủy Lào Cai',
  reason: 'Báo cáo "quý 3"\nđã nộp',
  correlationId: '0199A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B',
  causationId: '0199a1b2-0000-7000-8000-000000000001',
  tags: { scenario: true, note: { zeta: 1, alpha: [null, 2.5] } },
};

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const store = new EventStore(database.sql, testCatalogue);

    t.test('a batch across streams stores every field as given, and verifies', async (t) => {
      await store.append([toStream('b-1', 'no_stream', taskAssigned('Bộ Nội vụ'))]);
      const rich = event(
        'TaskAssigned',
        { clause: '3.(2)', unit: 'Bộ Tư pháp', deadline: null },
        fullMetadata,
      );
      const result = await store.append([
        toStream('b-1', 1, taskAssigned('Bộ Nội vụ', '3.(1)(ii)'), rich),
        toStream('b-2', 'no_stream', taskAssigned('Bộ Công an'), taskAssigned('Bộ Công an', '4')),
      ]);
      t.same(
        result.events.map((e) => [e.streamId, e.streamVersion]),
        [
          ['b-1', 2],
          ['b-1', 3],
          ['b-2', 1],
          ['b-2', 2],
        ],
      );
      t.same(
        result.events.map((e) => e.position),
        [0, 1, 2, 3].map((i) => result.firstPosition + i),
        'consecutive positions',
      );
      const stored = [
        ...(await store.readStream('fixture_task', 'b-1')).slice(1),
        ...(await store.readStream('fixture_task', 'b-2')),
      ];
      t.same(stored.map(comparable), result.events.map(comparable), 'read back as appended');
      const third = stored[1];
      t.equal(third?.correlationId, '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'ids lower-cased');
      t.equal(third?.reason, fullMetadata.reason);
      t.same(third?.tags, fullMetadata.tags);
      t.equal(third?.occurredAt.toISOString(), '2025-08-01T09:00:00.000Z');
      const report = await verifyLedger(database.sql);
      t.ok(report.ok, 'every chain recomputes from the stored rows');
      t.equal(report.eventsChecked, 5);
    });

    t.test('a single append stores the same columns as a batch would', async (t) => {
      const one = await store.append([
        toStream(
          'b-3',
          'no_stream',
          event('TaskAssigned', { clause: '5', unit: 'Bộ Y tế', deadline: '2025-12-31' }, fullMetadata),
        ),
      ]);
      const [read] = await store.readStream('fixture_task', 'b-3');
      t.same(read && comparable(read), comparable(one.events[0] as RecordedEvent));
      t.ok((await verifyLedger(database.sql)).ok);
    });

    t.test(
      'a writer that has not seen the streams reads their heads in one go, and still refuses a stale version',
      async (t) => {
        await store.append([
          toStream('h-1', 'no_stream', taskAssigned('Bộ Tài chính')),
          toStream('h-2', 'no_stream', taskAssigned('Bộ Xây dựng'), taskAssigned('Bộ Xây dựng', '4')),
          toStream('h-3', 'no_stream', taskAssigned('Bộ Ngoại giao')),
        ]);
        // Another process: nothing cached, every head comes from the database.
        const cold = new EventStore(database.sql, testCatalogue);
        const stale = await cold
          .append([
            toStream('h-1', 1, taskAssigned('Bộ Tài chính', '5')),
            toStream('h-2', 1, taskAssigned('Bộ Xây dựng', '5')),
          ])
          .catch((error: unknown) => error);
        t.match(stale, { name: 'ConcurrencyError', message: /h-2 is at version 2, expected 1/ });
        t.equal(
          (await store.readStream('fixture_task', 'h-1')).length,
          1,
          'nothing of the refused batch appended',
        );

        const other = new EventStore(database.sql, testCatalogue);
        const result = await other.append([
          toStream('h-1', 1, taskAssigned('Bộ Tài chính', '5')),
          toStream('h-new', 'no_stream', taskAssigned('Bộ Y tế')),
          toStream('h-2', 2, taskAssigned('Bộ Xây dựng', '5')),
          toStream('h-3', 'any', taskAssigned('Bộ Ngoại giao', '5')),
        ]);
        t.same(
          result.events.map((e) => [e.streamId, e.streamVersion]),
          [
            ['h-1', 2],
            ['h-new', 1],
            ['h-2', 3],
            ['h-3', 2],
          ],
        );
        t.ok((await verifyLedger(database.sql)).ok, "each new event links to its stream's stored head");
      },
    );

    t.test('fold reads page after page, in order, ahead of the reducer', async (t) => {
      for (let i = 0; i < 7; i++)
        await store.append([toStream(`f-${i}`, 'no_stream', taskAssigned('Bộ Xây dựng'))]);
      const all = await store.readAll({ limit: 1000, visibleOnly: false });
      const pages: number[] = [];
      const { state, count, position } = await store.fold(
        [] as number[],
        (seen, e) => {
          seen.push(e.position);
          return seen;
        },
        { pageSize: 3, visibleOnly: false, afterPage: async (seen) => void pages.push(seen.length) },
      );
      t.same(
        state,
        all.map((e) => e.position),
      );
      t.equal(count, all.length);
      t.equal(position, all[all.length - 1]?.position);
      t.same(pages.slice(0, 2), [3, 6], 'afterPage runs once per page, after its events');

      const failed = store.fold(
        0,
        () => {
          throw new Error('reducer failed');
        },
        { pageSize: 2, visibleOnly: false },
      );
      await t.rejects(failed, /reducer failed/, 'a failing reducer fails the fold, nothing else');
    });
  });
}

// Everything but the recording time's object identity.
function comparable(e: RecordedEvent) {
  return { ...e, occurredAt: e.occurredAt.toISOString(), recordedAt: e.recordedAt.getTime() };
}
