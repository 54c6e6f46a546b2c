import type { Deadline } from '../../events/deadline.js';
import type { DirectiveEvent } from '../../events/directives.js';
import { type DocumentProjection, streamsOf } from '../../src/projections/projection.js';
import { clip, type Provenance, provenanceOf } from './marks.js';

/** A clause as directive progress lists it. */
export interface ClauseSummary {
  reference: string;
  text: string;
  groupLabel: string | null;
  deadline: Deadline | null;
  taskIds: string[];
}

/** A directive with its clauses, for directive progress. */
export interface DirectiveDocument extends Provenance {
  code: string;
  kind: string;
  title: string;
  issuedOn: string;
  issuingUnitId: string;
  clauses: ClauseSummary[];
}

/** Directives, versioned: what progress is measured against, as of any position. */
export const directiveDocuments: DocumentProjection<DirectiveDocument> = {
  name: 'view_directives',
  version: 1,
  table: 'view_directives',
  tables: ['view_directives'],
  keysOf: streamsOf('directive'),
  evolve(doc, e) {
    const event = { type: e.type, data: e.data } as DirectiveEvent;
    switch (event.type) {
      case 'DirectiveIssued': {
        const d = event.data;
        return {
          code: d.code,
          kind: d.kind,
          title: d.title,
          issuedOn: d.issuedOn,
          issuingUnitId: d.issuingUnitId,
          clauses: [],
          ...provenanceOf(e),
        };
      }
      case 'ClauseAdded': {
        if (!doc) return doc;
        const a = event.data.assignment;
        const clause: ClauseSummary = {
          reference: event.data.reference,
          text: clip(event.data.text),
          groupLabel: a?.group?.label ?? null,
          deadline: a?.deadline ?? null,
          taskIds: a?.taskIds ?? [],
        };
        return { ...doc, clauses: [...doc.clauses, clause] };
      }
    }
  },
  columns: (d) => ({ issued_on: d.issuedOn }),
};
