import type { Database } from '../../db/database.js';
import type { Unit, UnitStatus } from '../../domain/units/unit.js';
import { answeringUnit, statusOn, todayInVietnam } from '../../read/units.js';

/** A unit's folded state as the API shows it, with the unit answering for it today. */
export async function unitView(database: Database, id: string, unit: Unit, version: number) {
  const current = unit.names.at(-1);
  return {
    id,
    code: unit.code ?? id,
    kind: unit.kind ?? 'other',
    status: statusOn(
      {
        status: unit.status as Exclude<UnitStatus, 'unregistered'>,
        registeredFrom: unit.registeredFrom,
        endedOn: unit.endedOn,
      },
      todayInVietnam(),
    ),
    parentId: unit.parentId,
    nameVi: current?.nameVi ?? '',
    nameEn: current?.nameEn ?? null,
    names: unit.names,
    heads: unit.heads,
    registeredFrom: unit.registeredFrom ?? '',
    endedOn: unit.endedOn,
    successorId: unit.successorId,
    splitInto: unit.splitInto,
    predecessorIds: unit.predecessorIds,
    answeringUnitId: (await answeringUnit(database, id)).id,
    version,
  };
}
