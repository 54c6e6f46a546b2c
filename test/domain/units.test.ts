import t from 'tap';
import type { UnitEvent } from '../../events/units.js';
import type { CommandContext } from '../../src/domain/decider.js';
import { type UnitCommand, unitDecider } from '../../src/domain/units/decide.js';
import { headOn, nameOn } from '../../src/domain/units/unit.js';
import { InvalidStateError, ValidationError } from '../../src/errors.js';

const context: CommandContext = {
  now: new Date('2025-07-01T03:00:00Z'),
  newId: () => 'id',
  actor: { id: 'admin-1', role: 'admin' },
};

/** Given these events, when this command: the decided events (or the error thrown). */
function given(...history: UnitEvent[]) {
  const state = history.reduce(unitDecider.evolve, unitDecider.initialState);
  return { state, when: (command: UnitCommand) => unitDecider.decide(command, state, context) };
}

const haGiangRegistered: UnitEvent = {
  type: 'UnitRegistered',
  data: {
    code: 'HAG',
    kind: 'province',
    nameVi: 'Hà Giang',
    nameEn: null,
    parentId: null,
    effectiveFrom: '1991-10-01',
  },
};

t.test('registering a ministry records it from the start of its effective day in Vietnam', async (t) => {
  const [decided] = given().when({
    type: 'RegisterUnit',
    code: 'BNV',
    kind: 'ministry',
    nameVi: 'Bộ Nội vụ',
    nameEn: 'Ministry of Home Affairs',
    effectiveFrom: '2025-03-01',
  });
  t.same(decided?.event, {
    type: 'UnitRegistered',
    data: {
      code: 'BNV',
      kind: 'ministry',
      nameVi: 'Bộ Nội vụ',
      nameEn: 'Ministry of Home Affairs',
      parentId: null,
      effectiveFrom: '2025-03-01',
    },
  });
  t.equal(decided?.occurredAt.toISOString(), '2025-02-28T17:00:00.000Z');
});

t.test(
  'a unit registered once cannot be registered again: the error names state and allowed commands',
  async (t) => {
    const error = t.throws(() =>
      given(haGiangRegistered).when({
        type: 'RegisterUnit',
        code: 'HAG',
        kind: 'province',
        nameVi: 'Hà Giang',
        effectiveFrom: '2025-01-01',
      }),
    ) as InvalidStateError;
    t.ok(error instanceof InvalidStateError);
    t.equal(error.details.state, 'active');
    t.ok((error.details.allowedCommands as string[]).includes('MergeInto'));
  },
);

t.test('Hà Giang merges into Tuyên Quang on 2025-07-01; afterwards it takes no commands', async (t) => {
  const [merged] = given(haGiangRegistered).when({
    type: 'MergeInto',
    unitId: 'HAG',
    successorId: 'TQU',
    effectiveFrom: '2025-07-01',
    reason: 'Nghị quyết 202/2025/QH15',
  });
  t.same(merged?.event, {
    type: 'UnitMergedInto',
    data: { successorId: 'TQU', effectiveFrom: '2025-07-01' },
  });
  t.equal(merged?.reason, 'Nghị quyết 202/2025/QH15');
  const after = given(haGiangRegistered, merged?.event as UnitEvent);
  t.equal(after.state.status, 'merged');
  t.equal(after.state.successorId, 'TQU');
  const error = t.throws(() =>
    after.when({
      type: 'MergeInto',
      unitId: 'HAG',
      successorId: 'X',
      effectiveFrom: '2025-08-01',
      reason: 'x',
    }),
  ) as InvalidStateError;
  t.same(error.details, { state: 'merged', allowedCommands: ['RenameUnit', 'AppointHead'] });
  const late = t.throws(() =>
    after.when({
      type: 'AppointHead',
      title: 'Bí thư Tỉnh ủy',
      personName: 'X',
      effectiveFrom: '2025-08-01',
    }),
  ) as ValidationError;
  t.match(late.issues, [{ path: 'effectiveFrom', message: /ended on 2025-07-01/ }]);
  const history = after.when({
    type: 'AppointHead',
    title: 'Bí thư Tỉnh ủy',
    personName: 'Secretary (illustrative)',
    effectiveFrom: '2020-10-15',
  });
  t.equal(history[0]?.event.type, 'UnitHeadAppointed', 'its past can still be recorded');
});

t.test('a unit cannot merge into or absorb itself, nor act before it existed', async (t) => {
  const unit = given(haGiangRegistered);
  t.throws(
    () =>
      unit.when({
        type: 'MergeInto',
        unitId: 'HAG',
        successorId: 'HAG',
        effectiveFrom: '2025-07-01',
        reason: 'x',
      }),
    ValidationError,
  );
  t.throws(
    () =>
      unit.when({
        type: 'AbsorbUnits',
        unitId: 'HAG',
        predecessorIds: ['HAG'],
        effectiveFrom: '2025-07-01',
        reason: 'x',
      }),
    ValidationError,
  );
  t.throws(
    () => unit.when({ type: 'RenameUnit', nameVi: 'Hà Giang', effectiveFrom: '1990-01-01', reason: 'x' }),
    ValidationError,
  );
});

t.test('who headed the unit, and what it was called, on a given date', async (t) => {
  const { state } = given(
    haGiangRegistered,
    {
      type: 'UnitHeadAppointed',
      data: { title: 'Bí thư Tỉnh ủy', personName: 'Người A', effectiveFrom: '2020-10-01' },
    },
    {
      type: 'UnitHeadAppointed',
      data: { title: 'Bí thư Tỉnh ủy', personName: 'Người B', effectiveFrom: '2024-03-15' },
    },
    {
      type: 'UnitRenamed',
      data: { nameVi: 'Tỉnh Hà Giang', nameEn: 'Ha Giang Province', effectiveFrom: '2024-01-01' },
    },
    { type: 'UnitMergedInto', data: { successorId: 'TQU', effectiveFrom: '2025-07-01' } },
  );
  t.equal(headOn(state, '2023-06-01')?.personName, 'Người A');
  t.equal(headOn(state, '2025-06-30')?.personName, 'Người B');
  t.equal(headOn(state, '2025-07-01'), null, 'nobody heads a unit after it merged');
  t.equal(headOn(state, '2019-01-01'), null);
  t.equal(nameOn(state, '2023-12-31')?.nameVi, 'Hà Giang');
  t.equal(nameOn(state, '2024-01-01')?.nameEn, 'Ha Giang Province');
  t.equal(nameOn(state, '1990-01-01'), null);
});

t.test('dissolving ends the unit (the district tier, 2025-07-01)', async (t) => {
  const [dissolved] = given(haGiangRegistered).when({
    type: 'DissolveUnit',
    effectiveFrom: '2025-07-01',
    reason: 'Kết thúc hoạt động cấp huyện',
  });
  const after = given(haGiangRegistered, dissolved?.event as UnitEvent);
  t.equal(after.state.status, 'dissolved');
  t.equal(after.state.endedOn, '2025-07-01');
});
