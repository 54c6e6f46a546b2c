import { z } from 'zod';
import { unitKinds } from '../../../events/units.js';
import { isoDate, reason, shortText, unitId } from './common.js';

/** Registering a unit: its code is its id. */
export const registerUnitBody = z.object({
  code: unitId,
  kind: z.enum(unitKinds),
  nameVi: shortText.describe('the Vietnamese name, with diacritics'),
  nameEn: shortText.nullable().optional(),
  parentId: unitId.nullable().optional().describe('central → province → commune'),
  effectiveFrom: isoDate,
});

export const renameUnitBody = z.object({
  nameVi: shortText,
  nameEn: shortText.nullable().optional(),
  effectiveFrom: isoDate,
  reason,
});

export const appointHeadBody = z.object({
  title: shortText.describe('e.g. Bộ trưởng (minister), Bí thư Tỉnh ủy (provincial party secretary)'),
  personName: shortText,
  effectiveFrom: isoDate,
});

export const mergeUnitsBody = z.object({
  predecessorIds: z.array(unitId).min(1),
  successorId: unitId,
  effectiveFrom: isoDate,
  reason: reason.describe('the decision, e.g. Nghị quyết 202/2025/QH15'),
});

export const splitUnitBody = z.object({
  successorIds: z.array(unitId).min(2),
  obligationsTo: unitId.describe('the successor that answers for open tasks and shortcomings'),
  effectiveFrom: isoDate,
  reason,
});

export const dissolveUnitBody = z.object({ effectiveFrom: isoDate, reason });

/** A unit's status today: `upcoming` before the day it is registered from. */
export const unitStatus = z
  .enum(['upcoming', 'active', 'merged', 'split', 'dissolved'])
  .describe('today: upcoming before the unit is registered from, active until it ends');

/** A unit with its history and who answers for it now. */
export const unitView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  status: unitStatus,
  parentId: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  names: z.array(z.object({ nameVi: z.string(), nameEn: z.string().nullable(), from: z.string() })),
  heads: z.array(z.object({ title: z.string(), personName: z.string(), from: z.string() })),
  registeredFrom: z.string(),
  endedOn: z.string().nullable(),
  successorId: z.string().nullable(),
  splitInto: z.array(z.string()),
  predecessorIds: z.array(z.string()),
  answeringUnitId: z.string().describe('the unit that answers for this one’s obligations today'),
  version: z.number().int(),
});

/** A row of the unit register. */
export const unitListItem = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  status: unitStatus,
  successorId: z.string().nullable(),
  head: z.object({ title: z.string(), personName: z.string(), from: z.string() }).nullable(),
});

export const reorganisationView = z.object({
  predecessorIds: z.array(z.string()),
  successorIds: z.array(z.string()),
  positions: z.array(z.number().int()),
});
