import t from 'tap';
import { v7 as uuidv7 } from 'uuid';
import { catalogue } from '../../events/index.js';
import { projections } from '../../projections/index.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { handleCommand, loadState } from '../../src/domain/handle-command.js';
import { type UnitCommand, unitDecider } from '../../src/domain/units/decide.js';
import { mergeUnits, splitUnit } from '../../src/domain/units/merge.js';
import { InvalidStateError, NotFoundError, ValidationError } from '../../src/errors.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { backends } from '../helpers/backends.js';

const admin: CommandContext = {
  now: new Date('2025-07-01T03:00:00Z'),
  newId: uuidv7,
  actor: { id: 'admin-1', role: 'admin' },
};
const province = (code: string, nameVi: string, effectiveFrom = '1991-10-01'): UnitCommand => ({
  type: 'RegisterUnit',
  code,
  kind: 'province',
  nameVi,
  effectiveFrom,
});
const resolution202 = 'Nghị quyết 202/2025/QH15';

for (const backend of await backends()) {
  t.test(backend.name, async (t) => {
    const { database, drop } = await backend.open();
    t.teardown(drop);
    const ledger = new Ledger(database, catalogue, projections);
    // Tuyên Quang ← Tuyên Quang, Hà Giang (2025-07-01): the successor is a new unit.
    await handleCommand(ledger, unitDecider, 'TQU-1991', province('TQU', 'Tuyên Quang'), admin);
    await handleCommand(ledger, unitDecider, 'HAG-1991', province('HAG', 'Hà Giang'), admin);
    await handleCommand(ledger, unitDecider, 'TQU-2025', province('TQU', 'Tuyên Quang', '2025-07-01'), admin);

    t.test('the merger is recorded on every stream in one append', async (t) => {
      const merged = await mergeUnits(
        ledger,
        {
          predecessorIds: ['TQU-1991', 'HAG-1991'],
          successorId: 'TQU-2025',
          effectiveFrom: '2025-07-01',
          reason: resolution202,
        },
        admin,
      );
      const [first, ...rest] = merged.response.positions;
      t.same(rest, [(first ?? 0) + 1, (first ?? 0) + 2], 'consecutive positions: one append');
      const successor = await loadState(ledger, unitDecider, 'TQU-2025');
      t.same(successor.state.predecessorIds, ['TQU-1991', 'HAG-1991']);
      for (const id of ['TQU-1991', 'HAG-1991']) {
        const { state } = await loadState(ledger, unitDecider, id);
        t.equal(state.status, 'merged', `${id} is merged`);
        t.equal(state.successorId, 'TQU-2025');
      }
    });

    t.test('if any stream refuses, nothing of the merger is written', async (t) => {
      await handleCommand(ledger, unitDecider, 'LCA-1991', province('LCA', 'Lào Cai'), admin);
      await handleCommand(ledger, unitDecider, 'LCA-2025', province('LCA', 'Lào Cai', '2025-07-01'), admin);
      await t.rejects(
        mergeUnits(
          ledger,
          {
            predecessorIds: ['LCA-1991', 'HAG-1991'],
            successorId: 'LCA-2025',
            effectiveFrom: '2025-07-01',
            reason: resolution202,
          },
          admin,
        ),
        InvalidStateError,
        'Hà Giang already merged',
      );
      t.equal((await loadState(ledger, unitDecider, 'LCA-1991')).state.status, 'active');
      t.equal((await loadState(ledger, unitDecider, 'LCA-2025')).version, 1);
    });

    t.test('a merger names distinct predecessors', async (t) => {
      await t.rejects(
        mergeUnits(
          ledger,
          { predecessorIds: [], successorId: 'LCA-2025', effectiveFrom: '2025-07-01', reason: 'x' },
          admin,
        ),
        ValidationError,
      );
      await t.rejects(
        mergeUnits(
          ledger,
          {
            predecessorIds: ['LCA-1991', 'LCA-1991'],
            successorId: 'LCA-2025',
            effectiveFrom: '2025-07-01',
            reason: 'x',
          },
          admin,
        ),
        ValidationError,
      );
    });

    t.test('a split names every successor and the one that answers for open obligations', async (t) => {
      for (const code of ['XA-A', 'XA-B1', 'XA-B2']) {
        await handleCommand(
          ledger,
          unitDecider,
          code,
          {
            type: 'RegisterUnit',
            code,
            kind: 'commune',
            nameVi: `Xã ${code}`,
            effectiveFrom: '2025-07-01',
          },
          admin,
        );
      }
      await splitUnit(
        ledger,
        {
          predecessorId: 'XA-A',
          successorIds: ['XA-B1', 'XA-B2'],
          obligationsTo: 'XA-B1',
          effectiveFrom: '2025-07-01',
          reason: 'illustrative split',
        },
        admin,
      );
      const { state } = await loadState(ledger, unitDecider, 'XA-A');
      t.equal(state.status, 'split');
      t.equal(state.successorId, 'XA-B1');
      t.same(state.splitInto, ['XA-B1', 'XA-B2']);
      t.same((await loadState(ledger, unitDecider, 'XA-B2')).state.predecessorIds, ['XA-A']);
    });

    t.test(
      'a reorganisation naming a unit that was never registered is a 404 and writes nothing',
      async (t) => {
        await handleCommand(ledger, unitDecider, 'NBI-1991', province('NBI', 'Ninh Bình'), admin);
        await t.rejects(
          mergeUnits(
            ledger,
            {
              predecessorIds: ['NBI-1991'],
              successorId: 'NOWHERE',
              effectiveFrom: '2025-07-01',
              reason: 'x',
            },
            admin,
          ),
          NotFoundError,
        );
        t.equal((await loadState(ledger, unitDecider, 'NBI-1991')).state.status, 'active');
      },
    );
  });
}
