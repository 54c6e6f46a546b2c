import t from 'tap';
import { v7 as uuidv7 } from 'uuid';
import { EventCatalogue } from '../../events/catalogue.js';
import { monthlyReportEvents } from '../../events/monthly-reports.js';
import { shortcomingEvents } from '../../events/shortcomings.js';
import { unitEvents } from '../../events/units.js';
import { projections } from '../../projections/index.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { handleCommand, loadState } from '../../src/domain/handle-command.js';
import { type FlagShortcomingCommand, shortcomingDecider } from '../../src/domain/shortcomings/decide.js';
import { flagShortcoming } from '../../src/domain/shortcomings/flag.js';
import { ConcurrencyError, InvalidStateError, NotFoundError, ValidationError } from '../../src/errors.js';
import { type Idempotency, Ledger } from '../../src/ledger/ledger.js';
import type { AppendResult, StreamAppend } from '../../src/ledger/types.js';
import { backends } from '../helpers/backends.js';

const inspector: CommandContext = {
  now: new Date('2025-10-01T03:00:00Z'),
  newId: uuidv7,
  actor: { id: 'inspector-1', role: 'inspector' },
};

/** A ledger that lets another writer in between a command's reads and its append. */
class RacingLedger extends Ledger {
  race: (() => Promise<unknown>) | undefined;

  override async write<R>(
    appends: StreamAppend[],
    respond: (r: AppendResult) => R,
    idempotency?: Idempotency,
  ) {
    const race = this.race;
    this.race = undefined;
    await race?.();
    return super.write(appends, respond, idempotency);
  }
}

// Illustrative: a commune's backlog of administrative procedures, named in the supervision
// report alongside 428-BC/BTCTW (2025-07-31) and again in a later, invented one.
const flag = (date: string, recurrenceOf: string | null = null): FlagShortcomingCommand => ({
  type: 'FlagShortcoming',
  unitId: 'illustrative-commune',
  inspectionUnitId: 'central-inspection-commission',
  supervisionReport: { title: `Illustrative supervision report of ${date}`, documentCode: null, date },
  category: 'administrative_procedures',
  severity: 'medium',
  description:
    'Illustrative: backlog of administrative procedures at the Public Administration Service Center',
  accountableOfficial: null,
  recurrenceOf,
});

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const catalogue = new EventCatalogue([...unitEvents, ...shortcomingEvents, ...monthlyReportEvents]);
    const ledger = new RacingLedger(database, catalogue, projections);
    const load = (id: string) => loadState(ledger, shortcomingDecider, id);

    const earlierId = uuidv7();
    const flagged = await flagShortcoming(ledger, earlierId, flag('2025-07-31'), inspector);
    const closed = {
      type: 'CloseNotImplemented',
      reason: 'Illustrative: superseded by the new structure',
    } as const;
    await handleCommand(ledger, shortcomingDecider, earlierId, closed, inspector);

    t.test('a first flag writes one stream', async (t) => {
      t.equal(flagged.response.shortcomingId, earlierId);
      t.equal(flagged.response.version, 1);
      t.equal(flagged.response.state.status, 'open');
      t.equal(flagged.response.positions.length, 1);
    });

    t.test('a recurrence is written on both streams in one append', async (t) => {
      const laterId = uuidv7();
      const occurredAt = new Date('2025-09-30T03:00:00Z');
      const recurred = await flagShortcoming(
        ledger,
        laterId,
        { ...flag('2025-09-26', earlierId), occurredAt },
        inspector,
      );
      const [first, second] = recurred.response.positions;
      t.equal(second, (first ?? 0) + 1, 'consecutive positions: one append');
      t.equal(recurred.response.version, 1);
      t.equal(recurred.response.state.recurrenceOf, earlierId);
      const earlier = await load(earlierId);
      t.equal(earlier.state.status, 'closed_not_implemented', 'a closed shortcoming can recur');
      t.same(earlier.state.recurrences, [laterId]);
      const [recorded] = (await ledger.store.readStream('shortcoming', earlierId)).slice(-1);
      t.equal(recorded?.type, 'ShortcomingRecurred');
      t.equal(recorded?.occurredAt.toISOString(), occurredAt.toISOString(), 'the same valid time');
    });

    t.test('what it recurs from must exist, be another, and come first', async (t) => {
      const laterId = uuidv7();
      await t.rejects(
        flagShortcoming(ledger, laterId, flag('2025-09-26', uuidv7()), inspector),
        NotFoundError,
      );
      await t.rejects(
        flagShortcoming(ledger, laterId, flag('2025-09-26', laterId), inspector),
        ValidationError,
      );
      const tooEarly = await flagShortcoming(ledger, laterId, flag('2025-07-01', earlierId), inspector).catch(
        (error: unknown) => error,
      );
      t.ok(tooEarly instanceof ValidationError);
      t.same((tooEarly as ValidationError).issues[0]?.path, 'supervisionReport.date');
      t.equal((await load(laterId)).version, 0, 'nothing written');
    });

    t.test('an id already flagged is refused, and the earlier stream is untouched', async (t) => {
      const before = await load(earlierId);
      await t.rejects(flagShortcoming(ledger, earlierId, flag('2025-09-26'), inspector), InvalidStateError);
      const takenId = uuidv7();
      await flagShortcoming(ledger, takenId, flag('2025-09-26'), inspector);
      await t.rejects(
        flagShortcoming(ledger, takenId, flag('2025-09-26', earlierId), inspector),
        InvalidStateError,
      );
      t.equal((await load(earlierId)).version, before.version);
    });

    t.test('if the earlier shortcoming moves on meanwhile, nothing of the flag is written', async (t) => {
      const openId = uuidv7();
      await flagShortcoming(ledger, openId, flag('2025-07-31'), inspector);
      const laterId = uuidv7();
      ledger.race = () =>
        handleCommand(
          ledger,
          shortcomingDecider,
          openId,
          { type: 'AssignAccountableOfficial', title: 'Bí thư Đảng ủy xã', personName: 'Illustrative' },
          inspector,
        );
      await t.rejects(
        flagShortcoming(ledger, laterId, flag('2025-09-26', openId), inspector),
        ConcurrencyError,
      );
      t.equal((await load(laterId)).version, 0, 'the new shortcoming was not flagged');
      const earlier = await load(openId);
      t.equal(earlier.version, 2, 'only the concurrent write landed');
      t.same(earlier.state.recurrences, []);
    });

    t.test('if the new id is taken meanwhile, the earlier stream records no recurrence', async (t) => {
      const laterId = uuidv7();
      const before = await load(earlierId);
      ledger.race = () => flagShortcoming(ledger, laterId, flag('2025-09-26'), inspector);
      await t.rejects(
        flagShortcoming(ledger, laterId, flag('2025-09-26', earlierId), inspector),
        ConcurrencyError,
      );
      t.equal((await load(earlierId)).version, before.version);
      t.equal((await load(laterId)).state.recurrenceOf, null, 'the other writer’s flag stands');
    });

    t.test('a retry with the same idempotency key is answered as the first attempt', async (t) => {
      const laterId = uuidv7();
      const command = flag('2025-09-26', earlierId);
      const idempotency = { key: uuidv7(), request: { laterId, command } };
      const first = await flagShortcoming(ledger, laterId, command, inspector, idempotency);
      const retry = await flagShortcoming(ledger, laterId, command, inspector, idempotency);
      t.equal(retry.replayed, true);
      t.same(retry.response.positions, first.response.positions);
      t.equal((await load(earlierId)).state.recurrences.filter((id) => id === laterId).length, 1);
    });
  });
}
