import t from 'tap';
import { ConcurrencyError } from '../../src/errors.js';
import { EventStore } from '../../src/ledger/event-store.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';

const WRITERS = 8;
const TARGET_VERSION = 40;

for (const backend of await backends()) {
  t.test(`${backend.name}: ${WRITERS} appenders race on one stream`, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    // One store per writer: separate caches, as separate processes would have.
    const stores = Array.from({ length: WRITERS }, () => new EventStore(database.sql, testCatalogue));
    const wins = new Map<number, number>();
    let conflicts = 0;

    await Promise.all(
      stores.map(async (store, writer) => {
        for (;;) {
          const current = (await store.readStream('fixture_task', 'race')).length;
          if (current >= TARGET_VERSION) return;
          try {
            const r = await store.append([
              toStream('race', current === 0 ? 'no_stream' : current, taskAssigned(`writer ${writer}`)),
            ]);
            const v = r.events[0]?.streamVersion as number;
            wins.set(v, (wins.get(v) ?? 0) + 1);
          } catch (error) {
            if (!(error instanceof ConcurrencyError)) throw error;
            conflicts += 1;
          }
        }
      }),
    );

    const versions = (await stores[0]?.readStream('fixture_task', 'race'))?.map((e) => e.streamVersion);
    t.same(
      versions,
      Array.from({ length: TARGET_VERSION }, (_, i) => i + 1),
      'no version skipped or doubled',
    );
    t.ok(
      [...wins.values()].every((n) => n === 1),
      'exactly one winner per version',
    );
    t.equal(wins.size, TARGET_VERSION);
    if (backend.concurrent) t.ok(conflicts > 0, `losers were told (${conflicts} conflicts)`);
    const verified = await import('../../src/ledger/verify.js').then((m) => m.verifyLedger(database.sql));
    t.ok(verified.ok, 'the chain holds after the race');
  });
}
