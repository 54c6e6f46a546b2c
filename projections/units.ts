import type { UnitEvent } from '../events/units.js';
import type { Projection, ProjectionOp } from '../src/projections/projection.js';

const table = 'units';

/**
 * The unit register as it stands: kind, parent, current name and latest head, and where an
 * ended unit's obligations went. Scope checks and group fan-out read it.
 */
export const unitsProjection: Projection = {
  name: 'units',
  version: 1,
  tables: [table],
  handle(e) {
    if (e.streamType !== 'unit') return [];
    const event = { type: e.type, data: e.data } as UnitEvent;
    const where = { id: e.streamId };
    const update = (set: Record<string, string | number | null>): ProjectionOp[] => [
      { op: 'update', table, where, set: { ...set, last_position: e.position } },
    ];
    switch (event.type) {
      case 'UnitRegistered': {
        const d = event.data;
        return [
          {
            op: 'upsert',
            table,
            key: where,
            set: {
              code: d.code,
              kind: d.kind,
              parent_id: d.parentId,
              name_vi: d.nameVi,
              name_en: d.nameEn,
              status: 'active',
              registered_from: d.effectiveFrom,
              last_position: e.position,
            },
          },
        ];
      }
      case 'UnitRenamed':
        return update({ name_vi: event.data.nameVi, name_en: event.data.nameEn });
      case 'UnitHeadAppointed':
        return update({
          head_title: event.data.title,
          head_name: event.data.personName,
          head_from: event.data.effectiveFrom,
        });
      case 'UnitMergedInto':
        return update({
          status: 'merged',
          successor_id: event.data.successorId,
          ended_on: event.data.effectiveFrom,
        });
      case 'UnitSplitInto':
        return update({
          status: 'split',
          successor_id: event.data.obligationsTo,
          ended_on: event.data.effectiveFrom,
        });
      case 'UnitDissolved':
        return update({ status: 'dissolved', ended_on: event.data.effectiveFrom });
      case 'UnitsMergedIn':
      case 'UnitSplitFrom':
        return update({});
    }
  },
};
