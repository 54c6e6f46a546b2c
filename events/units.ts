import { z } from 'zod';
import { defineEvent } from './catalogue.js';

/** The kinds of unit the directives address (DOMAIN.md). */
export const unitKinds = [
  'central_body',
  'ministry',
  'provincial_party_committee',
  'provincial_peoples_committee',
  'province',
  'commune',
  'ward',
  'special_zone',
  'commune_party_committee',
  'inspection_commission',
  'mass_organization',
  'steering_committee',
  'other',
] as const;

const isoDate = z.iso.date();
const name = z.string().trim().min(1).max(300);

/** A unit enters the register: its code, kind, Vietnamese (and English) name and parent. */
export const UnitRegistered = defineEvent(
  'UnitRegistered',
  z.object({
    code: z.string().trim().min(1).max(100),
    kind: z.enum(unitKinds),
    nameVi: name,
    nameEn: name.nullable(),
    parentId: z.string().min(1).nullable(),
    effectiveFrom: isoDate,
  }),
);

/** A unit takes a new name from a date; the old one stays in its history. */
export const UnitRenamed = defineEvent(
  'UnitRenamed',
  z.object({ nameVi: name, nameEn: name.nullable(), effectiveFrom: isoDate }),
);

/** A person becomes the unit's head (minister, provincial party secretary, chair…) from a date. */
export const UnitHeadAppointed = defineEvent(
  'UnitHeadAppointed',
  z.object({ title: name, personName: name, effectiveFrom: isoDate }),
);

/** On a predecessor: it was merged into `successorId`, which answers for its open obligations. */
export const UnitMergedInto = defineEvent(
  'UnitMergedInto',
  z.object({ successorId: z.string().min(1), effectiveFrom: isoDate }),
);

/** On a successor: it absorbed the predecessors, and with them their open obligations. */
export const UnitsMergedIn = defineEvent(
  'UnitsMergedIn',
  z.object({ predecessorIds: z.array(z.string().min(1)).min(1), effectiveFrom: isoDate }),
);

/**
 * On a predecessor: it was split into several successors; `obligationsTo` (one of them) answers
 * for its open obligations, since an obligation passes to exactly one unit.
 */
export const UnitSplitInto = defineEvent(
  'UnitSplitInto',
  z.object({
    successorIds: z.array(z.string().min(1)).min(2),
    obligationsTo: z.string().min(1),
    effectiveFrom: isoDate,
  }),
);

/** On a successor: it took over part of a split unit. */
export const UnitSplitFrom = defineEvent(
  'UnitSplitFrom',
  z.object({ predecessorId: z.string().min(1), effectiveFrom: isoDate }),
);

/** A unit ceases to exist without a successor (e.g. the district tier, ended 2025-07-01). */
export const UnitDissolved = defineEvent('UnitDissolved', z.object({ effectiveFrom: isoDate }));

/** Every unit event, for the catalogue. */
export const unitEvents = [
  UnitRegistered,
  UnitRenamed,
  UnitHeadAppointed,
  UnitMergedInto,
  UnitsMergedIn,
  UnitDissolved,
  UnitSplitInto,
  UnitSplitFrom,
] as const;

/** A unit event as the Units decider sees it. */
export type UnitEvent =
  | { type: 'UnitRegistered'; data: z.infer<typeof UnitRegistered.schema> }
  | { type: 'UnitRenamed'; data: z.infer<typeof UnitRenamed.schema> }
  | { type: 'UnitHeadAppointed'; data: z.infer<typeof UnitHeadAppointed.schema> }
  | { type: 'UnitMergedInto'; data: z.infer<typeof UnitMergedInto.schema> }
  | { type: 'UnitsMergedIn'; data: z.infer<typeof UnitsMergedIn.schema> }
  | { type: 'UnitDissolved'; data: z.infer<typeof UnitDissolved.schema> }
  | { type: 'UnitSplitInto'; data: z.infer<typeof UnitSplitInto.schema> }
  | { type: 'UnitSplitFrom'; data: z.infer<typeof UnitSplitFrom.schema> };
