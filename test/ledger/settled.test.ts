import t from 'tap';
import { EventStore } from '../../src/ledger/event-store.js';
import { settledKnowledge } from '../../src/read/knowledge.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';

const servers = (await backends()).filter((b) => b.concurrent);
if (servers.length === 0) t.comment('no PostgreSQL server: a held-open writer needs two connections');

for (const backend of servers) {
  t.test(
    `${backend.name}: the settled head stops below a writer still open, then moves past it`,
    async (t) => {
      const { database, drop } = await backend.open();
      t.teardown(drop);
      const store = new EventStore(database.sql, testCatalogue);
      const first = await store.append([toStream('first', 'no_stream', taskAssigned('Bộ Nội vụ'))]);
      t.equal(
        (await settledKnowledge(database.sql)).position,
        first.lastPosition,
        'nothing open: the head is settled',
      );

      let release!: () => void;
      const holds = new Promise<void>((r) => {
        release = r;
      });
      let appended!: () => void;
      const hasAppended = new Promise<void>((r) => {
        appended = r;
      });
      let open = 0;
      const writer = database.sql.transaction(async (trx) => {
        open = (await store.append([toStream('late', 'no_stream', taskAssigned('Bộ Tư pháp'))], trx))
          .firstPosition;
        appended();
        await holds;
      });
      await hasAppended;
      const later = await store.append([toStream('early', 'no_stream', taskAssigned('Bộ Tài chính'))]);
      t.ok(later.firstPosition > open);
      t.equal(
        (await settledKnowledge(database.sql)).position,
        first.lastPosition,
        'a later commit is not settled while an earlier position can still be filled',
      );
      release();
      await writer;
      t.equal(
        (await settledKnowledge(database.sql)).position,
        later.lastPosition,
        'once it commits, all is settled',
      );
    },
  );
}
