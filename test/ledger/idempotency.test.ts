import t from 'tap';
import { IdempotencyKeyReusedError } from '../../src/errors.js';
import { backends } from '../helpers/backends.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { countEvents, testLedger } from '../helpers/ledger.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = testLedger(database);
    const request = { unit: 'Bộ Nội vụ', clause: '3.(1)(ii)' };
    const write = (key: string, body: typeof request) =>
      ledger.write(
        [toStream(`task-${key}`, 'any', taskAssigned(body.unit, body.clause))],
        (r) => ({ position: r.firstPosition, eventId: r.events[0]?.eventId }),
        { key, request: body },
      );

    t.test('a retry with the same key and body returns the first result and appends nothing', async (t) => {
      const first = await write('k-1', request);
      const before = await countEvents(database);
      const retry = await write('k-1', { ...request });
      t.equal(retry.replayed, true);
      t.same(retry.response, first.response);
      t.equal(await countEvents(database), before);
    });

    t.test('the same key with a different body is refused', async (t) => {
      await write('k-2', request);
      const before = await countEvents(database);
      await t.rejects(write('k-2', { ...request, clause: '3.(2)' }), IdempotencyKeyReusedError);
      t.equal(await countEvents(database), before);
    });

    t.test('concurrent retries of one request append once', async (t) => {
      const before = await countEvents(database);
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => write('k-3', request)));
      t.equal(await countEvents(database), before + 1);
      t.equal(outcomes.filter((o) => !o.replayed).length, 1, 'one original');
      for (const o of outcomes) t.same(o.response, outcomes[0]?.response, 'all see the same answer');
    });
  });
}
