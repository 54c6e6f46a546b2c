import t from 'tap';
import { v7 as uuidv7 } from 'uuid';
import { catalogue } from '../../events/index.js';
import { projections } from '../../projections/index.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { handleCommand, loadState } from '../../src/domain/handle-command.js';
import { type UnitCommand, unitDecider } from '../../src/domain/units/decide.js';
import { ConcurrencyError, IdempotencyKeyReusedError, InvalidStateError } from '../../src/errors.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { backends } from '../helpers/backends.js';

const admin: CommandContext = {
  now: new Date('2025-07-01T03:00:00Z'),
  newId: uuidv7,
  actor: { id: 'admin-1', role: 'admin' },
};

const register = (code: string, nameVi: string): UnitCommand => ({
  type: 'RegisterUnit',
  code,
  kind: 'province',
  nameVi,
  effectiveFrom: '1991-10-01',
});

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = new Ledger(database, catalogue, projections);

    t.test(
      'a command appends its events with actor, role, on-behalf-of, reason and valid time',
      async (t) => {
        const registered = await handleCommand(
          ledger,
          unitDecider,
          'TQU',
          register('TQU', 'Tuyên Quang'),
          admin,
        );
        t.equal(registered.response.version, 1);
        t.equal(registered.response.state.status, 'active');
        const absorbed = await handleCommand(
          ledger,
          unitDecider,
          'TQU',
          {
            type: 'AbsorbUnits',
            unitId: 'TQU',
            predecessorIds: ['HAG'],
            effectiveFrom: '2025-07-01',
            reason: 'Nghị quyết 202/2025/QH15',
          },
          { ...admin, actor: { id: 'clerk-7', role: 'secretariat', onBehalfOf: 'TQU' } },
        );
        t.same(absorbed.response.state.predecessorIds, ['HAG']);
        const [, event] = await ledger.store.readStream('unit', 'TQU');
        t.equal(event?.type, 'UnitsMergedIn');
        t.equal(event?.actor, 'clerk-7');
        t.equal(event?.role, 'secretariat');
        t.equal(event?.onBehalfOf, 'TQU');
        t.equal(event?.reason, 'Nghị quyết 202/2025/QH15');
        t.equal(event?.occurredAt.toISOString(), '2025-06-30T17:00:00.000Z');
        t.equal((await loadState(ledger, unitDecider, 'TQU')).version, 2);
      },
    );

    t.test('an illegal transition appends nothing', async (t) => {
      await t.rejects(
        handleCommand(ledger, unitDecider, 'TQU', register('TQU', 'Tuyên Quang'), admin),
        InvalidStateError,
      );
      t.equal((await ledger.store.readStream('unit', 'TQU')).length, 2);
    });

    t.test('two registrations of one unit racing: it is registered exactly once', async (t) => {
      const race = await Promise.allSettled([
        handleCommand(ledger, unitDecider, 'LCA', register('LCA', 'Lào Cai'), admin),
        handleCommand(ledger, unitDecider, 'LCA', register('LCA', 'Lào Cai'), admin),
      ]);
      t.equal(race.filter((r) => r.status === 'fulfilled').length, 1, 'one is recorded');
      for (const r of race) {
        if (r.status === 'rejected') {
          t.ok(
            r.reason instanceof ConcurrencyError || r.reason instanceof InvalidStateError,
            'the other is refused',
          );
        }
      }
      t.equal((await ledger.store.readStream('unit', 'LCA')).length, 1);
    });

    t.test('a retry with the same idempotency key is answered as the first attempt was', async (t) => {
      const key = { key: 'register-YBA', request: { code: 'YBA', nameVi: 'Yên Bái' } };
      const first = await handleCommand(ledger, unitDecider, 'YBA', register('YBA', 'Yên Bái'), admin, key);
      const retry = await handleCommand(ledger, unitDecider, 'YBA', register('YBA', 'Yên Bái'), admin, key);
      t.equal(retry.replayed, true);
      t.same(retry.response.positions, first.response.positions);
      t.equal((await ledger.store.readStream('unit', 'YBA')).length, 1);
      await t.rejects(
        handleCommand(ledger, unitDecider, 'YBA', register('YBA', 'Lào Cai'), admin, {
          ...key,
          request: { code: 'YBA', nameVi: 'Lào Cai' },
        }),
        IdempotencyKeyReusedError,
      );
    });
  });
}
