import { sql } from 'kysely';
import t from 'tap';
import { backends } from '../helpers/backends.js';
import { taskAssigned, toStream } from '../helpers/events.js';
import { eventually } from '../helpers/eventually.js';
import { tamper, testLedger } from '../helpers/ledger.js';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    // Each case gets a fresh ledger of 3 streams x 3 events, sealed, then one change behind its back.
    async function sealedLedger() {
      const opened = await backend.open();
      const ledger = testLedger(opened.database);
      for (const unit of ['Bộ Nội vụ', 'Bộ Tư pháp', 'Ban Tổ chức Trung ương']) {
        for (let v = 0; v < 3; v++) {
          await ledger.write([toStream(unit, v === 0 ? 'no_stream' : v, taskAssigned(unit))], () => null);
        }
      }
      // One seal over all nine: another test file's open transaction can hold the visible log
      // back for a moment, and a seal made meanwhile would cover only part of it.
      await eventually(
        () => ledger.store.readAll({ limit: 100 }),
        (events) => events.length >= 9,
      );
      const head = await ledger.seal();
      return { ...opened, ledger, head };
    }

    t.test('append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async (t) => {
      const { database, drop } = await sealedLedger();
      t.teardown(drop);
      await t.rejects(sql`update events set actor = 'someone else'`.execute(database.db), /append-only/);
      await t.rejects(sql`delete from events where position = 1`.execute(database.db), /append-only/);
      await t.rejects(sql`truncate events`.execute(database.db), /append-only/);
      await t.rejects(sql`delete from ledger_checkpoints`.execute(database.db), /append-only/);
    });

    t.test('an untouched ledger verifies, also against its pinned head', async (t) => {
      const { ledger, head, drop } = await sealedLedger();
      t.teardown(drop);
      const report = await ledger.verify({ expectHead: { position: head.position, hash: head.hash } });
      t.ok(report.ok);
      t.equal(report.eventsChecked, 9);
      const wrongPin = await ledger.verify({ expectHead: { position: head.position, hash: '0'.repeat(64) } });
      t.notOk(wrongPin.ok);
    });

    const cases: [string, ReturnType<typeof sql>[], number][] = [
      [
        'a claim rewritten',
        [sql`update events set data = jsonb_set(data, '{unit}', '"Bộ Tài chính"') where position = 5`],
        5,
      ],
      ['the actor changed', [sql`update events set actor = 'minister' where position = 4`], 4],
      [
        // Position and recording time are covered by the seal, so the seal reports it.
        'the recording time backdated',
        [sql`update events set recorded_at = recorded_at - interval '1 day' where position = 7`],
        9,
      ],
      ['a middle event removed', [sql`delete from events where position = 2`], 3],
      ['the last sealed event removed', [sql`delete from events where position = 9`], 9],
      [
        'two events swapped',
        [
          sql`update events set position = -position where position in (1, 2)`,
          sql`update events set position = case position when -1 then 2 else 1 end where position < 0`,
        ],
        1,
      ],
      ['a seal rewritten', [sql`update ledger_checkpoints set hash = sha256(hash)`], 9],
    ];
    for (const [what, statements, position] of cases) {
      t.test(`tamper: ${what} is detected`, async (t) => {
        const { database, ledger, drop } = await sealedLedger();
        t.teardown(drop);
        await tamper(database, ...statements);
        const report = await ledger.verify();
        t.notOk(report.ok, 'verify fails');
        t.equal(report.firstMismatch?.position, position, report.firstMismatch?.reason ?? 'no mismatch');
      });
    }
  });
}
