import t from 'tap';
import { EventStore } from '../../src/ledger/event-store.js';
import { backends } from '../helpers/backends.js';
import { testCatalogue } from '../helpers/catalogue.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { eventually } from '../helpers/eventually.js';

const servers = (await backends()).filter((b) => b.concurrent);
if (servers.length === 0) {
  t.comment('no PostgreSQL server: the late-commit case needs two connections (PGlite has one writer)');
}

for (const backend of servers) {
  t.test(`${backend.name}: a reader never skips an event whose transaction commits late`, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const store = new EventStore(database.sql, testCatalogue);
    await store.append([toStream('before', 'no_stream', taskAssigned('Bộ Nội vụ'))]);
    const seen = await eventually(
      () => store.readAll(),
      (events) => events.length >= 1,
    );
    const checkpoint = seen[seen.length - 1]?.position ?? 0;

    // Writer A takes a position and holds its transaction open.
    let releaseA!: () => void;
    const aHolds = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aPosition = 0;
    let aAppended!: () => void;
    const aHasAppended = new Promise<void>((resolve) => {
      aAppended = resolve;
    });
    const writerA = database.sql.transaction(async (trx) => {
      const r = await store.append([toStream('late', 'no_stream', taskAssigned('Bộ Tư pháp'))], trx);
      aPosition = r.firstPosition;
      aAppended();
      await aHolds;
    });
    await aHasAppended;

    // Writer B takes a later position and commits first.
    const b = await store.append([toStream('early', 'no_stream', taskAssigned('Bộ Tài chính'))]);
    t.ok(b.firstPosition > aPosition, 'B holds the later position');

    const whileOpen = await store.readAll({ after: checkpoint });
    t.same(whileOpen, [], 'nothing past the open transaction is visible yet, not even B');

    releaseA();
    await writerA;
    // Visibility follows the cluster-wide xmin: another transaction anywhere on the server
    // (a parallel test file's database) may delay it, never reorder it.
    const afterCommit = await eventually(
      () => store.readAll({ after: checkpoint }),
      (e) => e.length >= 2,
    );
    t.same(
      afterCommit.map((e) => e.position),
      [aPosition, b.firstPosition],
      'after A commits, the reader gets A then B, in position order',
    );
    const { seal: sealNow } = await import('../../src/ledger/seal.js');
    const head = await eventually(
      () => sealNow(database.sql),
      (h) => h.position >= b.firstPosition,
    );
    t.equal(head.position, b.firstPosition, 'the seal covers both, once both are final');
  });

  t.test(`${backend.name}: a seal never covers a position a late commit can still fill`, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const { seal } = await import('../../src/ledger/seal.js');
    const store = new EventStore(database.sql, testCatalogue);
    let release!: () => void;
    const holds = new Promise<void>((r) => {
      release = r;
    });
    let appended!: () => void;
    const hasAppended = new Promise<void>((r) => {
      appended = r;
    });
    const open = database.sql.transaction(async (trx) => {
      await store.append([toStream('open', 'no_stream', taskAssigned('Bộ Y tế'))], trx);
      appended();
      await holds;
    });
    await hasAppended;
    await store.append([toStream('closed', 'no_stream', taskAssigned('Bộ Xây dựng'))]);
    const sealedWhileOpen = await seal(database.sql);
    t.equal(sealedWhileOpen.position, 0, 'nothing sealed past the open transaction');
    release();
    await open;
    const sealed = await eventually(
      () => seal(database.sql),
      (h) => h.eventCount >= 2,
    );
    t.equal(sealed.eventCount, 2);
    const { verifyLedger } = await import('../../src/ledger/verify.js');
    t.ok((await verifyLedger(database.sql)).ok);
  });
}
