import type { UnitEvent, unitKinds } from '../../../events/units.js';
import { ValidationError } from '../../errors.js';
import type { Decided, Decider } from '../decider.js';
import { requireAllowed } from '../refuse.js';
import { startOfDayInVietnam } from '../valid-time.js';
import { evolveUnit, type Unit, unregisteredUnit } from './unit.js';

/** What may be asked of a unit's stream. */
export type UnitCommand =
  | {
      type: 'RegisterUnit';
      code: string;
      kind: (typeof unitKinds)[number];
      nameVi: string;
      nameEn?: string | null;
      parentId?: string | null;
      effectiveFrom: string;
    }
  | { type: 'RenameUnit'; nameVi: string; nameEn?: string | null; effectiveFrom: string; reason: string }
  | { type: 'AppointHead'; title: string; personName: string; effectiveFrom: string }
  | { type: 'MergeInto'; unitId: string; successorId: string; effectiveFrom: string; reason: string }
  | { type: 'AbsorbUnits'; unitId: string; predecessorIds: string[]; effectiveFrom: string; reason: string }
  | {
      type: 'SplitInto';
      unitId: string;
      successorIds: string[];
      obligationsTo: string;
      effectiveFrom: string;
      reason: string;
    }
  | { type: 'SplitFrom'; unitId: string; predecessorId: string; effectiveFrom: string; reason: string }
  | { type: 'DissolveUnit'; effectiveFrom: string; reason: string };

const allowed: Record<Unit['status'], UnitCommand['type'][]> = {
  unregistered: ['RegisterUnit'],
  active: ['RenameUnit', 'AppointHead', 'MergeInto', 'AbsorbUnits', 'SplitInto', 'SplitFrom', 'DissolveUnit'],
  // An ended unit's past can still be recorded: who headed it, what it was called, before it ended.
  merged: ['RenameUnit', 'AppointHead'],
  split: ['RenameUnit', 'AppointHead'],
  dissolved: ['RenameUnit', 'AppointHead'],
};

// A merger joins distinct units: a unit is never its own successor or predecessor.
function refuseSelf(isSelf: boolean, path: string, message: string): void {
  if (isSelf) throw new ValidationError('a unit cannot merge with itself', [{ path, message }]);
}

/** The Units stream: a unit's registration, names, heads, merger and end. */
export const unitDecider: Decider<UnitCommand, UnitEvent, Unit> = {
  streamType: 'unit',
  creates: ['RegisterUnit'],
  initialState: unregisteredUnit,
  evolve: evolveUnit,
  decide(command, unit) {
    requireAllowed('unit', allowed, unit.status, command.type);
    if (unit.endedOn && command.effectiveFrom >= unit.endedOn) {
      throw new ValidationError('the unit had ended by then', [
        { path: 'effectiveFrom', message: `the unit ended on ${unit.endedOn}` },
      ]);
    }
    if (unit.registeredFrom && command.effectiveFrom < unit.registeredFrom) {
      throw new ValidationError('the effective date precedes the unit', [
        { path: 'effectiveFrom', message: `the unit exists from ${unit.registeredFrom}` },
      ]);
    }
    const at = startOfDayInVietnam(command.effectiveFrom);
    const one = (event: UnitEvent, reason: string | null = null): Decided<UnitEvent>[] => [
      { event, occurredAt: at, reason },
    ];
    switch (command.type) {
      case 'RegisterUnit':
        return one({
          type: 'UnitRegistered',
          data: {
            code: command.code,
            kind: command.kind,
            nameVi: command.nameVi,
            nameEn: command.nameEn ?? null,
            parentId: command.parentId ?? null,
            effectiveFrom: command.effectiveFrom,
          },
        });
      case 'RenameUnit':
        return one(
          {
            type: 'UnitRenamed',
            data: {
              nameVi: command.nameVi,
              nameEn: command.nameEn ?? null,
              effectiveFrom: command.effectiveFrom,
            },
          },
          command.reason,
        );
      case 'AppointHead':
        return one({
          type: 'UnitHeadAppointed',
          data: {
            title: command.title,
            personName: command.personName,
            effectiveFrom: command.effectiveFrom,
          },
        });
      case 'MergeInto':
        refuseSelf(command.successorId === command.unitId, 'successorId', 'must name another unit');
        return one(
          {
            type: 'UnitMergedInto',
            data: { successorId: command.successorId, effectiveFrom: command.effectiveFrom },
          },
          command.reason,
        );
      case 'AbsorbUnits':
        refuseSelf(
          command.predecessorIds.includes(command.unitId),
          'predecessorIds',
          'must not include the successor',
        );
        return one(
          {
            type: 'UnitsMergedIn',
            data: { predecessorIds: command.predecessorIds, effectiveFrom: command.effectiveFrom },
          },
          command.reason,
        );
      case 'SplitInto':
        refuseSelf(command.successorIds.includes(command.unitId), 'successorIds', 'must name other units');
        if (!command.successorIds.includes(command.obligationsTo)) {
          throw new ValidationError('the unit answering for open obligations must be one of the successors', [
            { path: 'obligationsTo', message: 'must be one of successorIds' },
          ]);
        }
        return one(
          {
            type: 'UnitSplitInto',
            data: {
              successorIds: command.successorIds,
              obligationsTo: command.obligationsTo,
              effectiveFrom: command.effectiveFrom,
            },
          },
          command.reason,
        );
      case 'SplitFrom':
        refuseSelf(command.predecessorId === command.unitId, 'predecessorId', 'must name another unit');
        return one(
          {
            type: 'UnitSplitFrom',
            data: { predecessorId: command.predecessorId, effectiveFrom: command.effectiveFrom },
          },
          command.reason,
        );
      case 'DissolveUnit':
        return one({ type: 'UnitDissolved', data: { effectiveFrom: command.effectiveFrom } }, command.reason);
    }
  },
};
