import type { UnitEvent, unitKinds } from '../../../events/units.js';

/** Where a unit stands in its life. */
export type UnitStatus = 'unregistered' | 'active' | 'merged' | 'split' | 'dissolved';

/** A name a unit bore from a date. */
export interface UnitName {
  nameVi: string;
  nameEn: string | null;
  from: string;
}

/** A head of the unit from a date, until the next one. */
export interface UnitHead {
  title: string;
  personName: string;
  from: string;
}

/** A unit as its own events make it. */
export interface Unit {
  status: UnitStatus;
  code: string | null;
  kind: (typeof unitKinds)[number] | null;
  parentId: string | null;
  registeredFrom: string | null;
  names: UnitName[];
  heads: UnitHead[];
  /** The unit that answers for this one's open obligations once it has ended. */
  successorId: string | null;
  /** All the units a split produced (the successor is one of them). */
  splitInto: string[];
  predecessorIds: string[];
  endedOn: string | null;
}

/** A unit before its first event. */
export const unregisteredUnit: Unit = {
  status: 'unregistered',
  code: null,
  kind: null,
  parentId: null,
  registeredFrom: null,
  names: [],
  heads: [],
  successorId: null,
  splitInto: [],
  predecessorIds: [],
  endedOn: null,
};

/** Folds one event into the unit. */
export function evolveUnit(unit: Unit, event: UnitEvent): Unit {
  switch (event.type) {
    case 'UnitRegistered': {
      const d = event.data;
      return {
        ...unit,
        status: 'active',
        code: d.code,
        kind: d.kind,
        parentId: d.parentId,
        registeredFrom: d.effectiveFrom,
        names: [{ nameVi: d.nameVi, nameEn: d.nameEn, from: d.effectiveFrom }],
      };
    }
    case 'UnitRenamed':
      return {
        ...unit,
        names: [
          ...unit.names,
          { nameVi: event.data.nameVi, nameEn: event.data.nameEn, from: event.data.effectiveFrom },
        ],
      };
    case 'UnitHeadAppointed':
      return {
        ...unit,
        heads: [
          ...unit.heads,
          { title: event.data.title, personName: event.data.personName, from: event.data.effectiveFrom },
        ],
      };
    case 'UnitMergedInto':
      return {
        ...unit,
        status: 'merged',
        successorId: event.data.successorId,
        endedOn: event.data.effectiveFrom,
      };
    case 'UnitsMergedIn':
      return { ...unit, predecessorIds: [...unit.predecessorIds, ...event.data.predecessorIds] };
    case 'UnitSplitInto':
      return {
        ...unit,
        status: 'split',
        successorId: event.data.obligationsTo,
        splitInto: event.data.successorIds,
        endedOn: event.data.effectiveFrom,
      };
    case 'UnitSplitFrom':
      return { ...unit, predecessorIds: [...unit.predecessorIds, event.data.predecessorId] };
    case 'UnitDissolved':
      return { ...unit, status: 'dissolved', endedOn: event.data.effectiveFrom };
  }
}

// Dates are ISO (YYYY-MM-DD), so text order is date order.
const onOrBefore = (date: string) => (x: { from: string }) => x.from <= date;

/** The name the unit bore on a date (null before it existed). */
export function nameOn(unit: Unit, date: string): UnitName | null {
  return unit.names.filter(onOrBefore(date)).at(-1) ?? null;
}

/** Who headed the unit on a date (null if nobody was appointed yet). */
export function headOn(unit: Unit, date: string): UnitHead | null {
  if (unit.endedOn && date >= unit.endedOn) return null;
  return unit.heads.filter(onOrBefore(date)).at(-1) ?? null;
}
