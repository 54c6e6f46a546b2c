import type { UnitEvent } from '../../events/units.js';
import { type DocumentProjection, streamsOf } from '../../src/projections/projection.js';
import type { OfficialTerm } from './shortcomings.js';

/** A unit as the views need it: where it sits, who heads it since when, and where it went. */
export interface UnitDocument {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  nameVi: string;
  nameEn: string | null;
  status: string;
  registeredFrom: string;
  endedOn: string | null;
  /** The one unit that answers for its open obligations after a merger or split. */
  successorId: string | null;
  predecessorIds: string[];
  /** Heads in order of their start; each serves until the next one's. */
  heads: OfficialTerm[];
}

/** Units, versioned: the tree and the heads every view resolves scope and accountability with. */
export const unitDocuments: DocumentProjection<UnitDocument> = {
  name: 'view_units',
  version: 1,
  table: 'view_units',
  tables: ['view_units'],
  keysOf: streamsOf('unit'),
  evolve(doc, e, id) {
    const event = { type: e.type, data: e.data } as UnitEvent;
    if (event.type === 'UnitRegistered') {
      const d = event.data;
      return {
        id,
        code: d.code,
        kind: d.kind,
        parentId: d.parentId,
        nameVi: d.nameVi,
        nameEn: d.nameEn,
        status: 'active',
        registeredFrom: d.effectiveFrom,
        endedOn: null,
        successorId: null,
        predecessorIds: [],
        heads: [],
      };
    }
    if (!doc) return doc;
    switch (event.type) {
      case 'UnitRenamed':
        return { ...doc, nameVi: event.data.nameVi, nameEn: event.data.nameEn };
      case 'UnitHeadAppointed': {
        const { title, personName, effectiveFrom } = event.data;
        const heads = [...doc.heads, { title, personName, since: effectiveFrom }];
        return { ...doc, heads: heads.sort((a, b) => a.since.localeCompare(b.since)) };
      }
      case 'UnitMergedInto':
        return {
          ...doc,
          status: 'merged',
          successorId: event.data.successorId,
          endedOn: event.data.effectiveFrom,
        };
      case 'UnitSplitInto':
        return {
          ...doc,
          status: 'split',
          successorId: event.data.obligationsTo,
          endedOn: event.data.effectiveFrom,
        };
      case 'UnitDissolved':
        return { ...doc, status: 'dissolved', endedOn: event.data.effectiveFrom };
      case 'UnitsMergedIn':
        return { ...doc, predecessorIds: [...doc.predecessorIds, ...event.data.predecessorIds] };
      case 'UnitSplitFrom':
        return { ...doc, predecessorIds: [...doc.predecessorIds, event.data.predecessorId] };
    }
  },
  columns: (d) => ({ kind: d.kind, parent_id: d.parentId, status: d.status }),
};
