import type { MonthlyReportEvent } from '../../events/monthly-reports.js';
import { dateInVietnam } from '../../src/domain/occurred-at.js';
import { type DocumentProjection, streamsOf } from '../../src/projections/projection.js';
import { type Provenance, provenanceOf, touchedBy } from './marks.js';

/** A unit's monthly report for a period: when it was due and when it was filed. */
export interface MonthlyReportDocument extends Provenance {
  id: string;
  unitId: string;
  period: string;
  dueOn: string;
  filedAt: string;
  corrections: number;
}

/** Monthly reports, versioned: reporting compliance and the gaps read them as of any position. */
export const monthlyReportDocuments: DocumentProjection<MonthlyReportDocument> = {
  name: 'view_monthly_reports',
  version: 2,
  table: 'view_monthly_reports',
  tables: ['view_monthly_reports'],
  keysOf: streamsOf('monthly_report'),
  evolve(doc, e, id) {
    const event = { type: e.type, data: e.data } as MonthlyReportEvent;
    switch (event.type) {
      case 'MonthlyReportFiled':
        return {
          id,
          unitId: event.data.unitId,
          period: event.data.period,
          dueOn: event.data.dueOn,
          filedAt: e.occurredAt.toISOString(),
          corrections: 0,
          ...provenanceOf(e),
        };
      case 'MonthlyReportCorrected':
        return doc && { ...doc, ...touchedBy(doc, e), corrections: doc.corrections + 1 };
    }
  },
  columns: (d) => ({
    unit_id: d.unitId,
    period: d.period,
    due_on: d.dueOn,
    filed_on: dateInVietnam(new Date(d.filedAt)),
  }),
};
