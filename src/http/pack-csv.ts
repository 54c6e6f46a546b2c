import type { MeetingPack } from '../views/meeting-pack.js';
import type { CsvColumn } from './csv.js';

/** One listed item of a meeting pack, flattened for a spreadsheet. */
export interface PackCsvRow {
  section: string;
  id: string;
  unit: string;
  answeringUnit: string;
  on: string | null;
  detail: string;
  scenario: boolean;
}

/** The pack's CSV columns. */
export const packCsvColumns: CsvColumn<PackCsvRow>[] = [
  { header: 'section', value: (r) => r.section },
  { header: 'id', value: (r) => r.id },
  { header: 'unit', value: (r) => r.unit },
  { header: 'answering_unit', value: (r) => r.answeringUnit },
  { header: 'date', value: (r) => r.on },
  { header: 'detail', value: (r) => r.detail },
  { header: 'illustrative', value: (r) => (r.scenario ? 'yes' : '') },
];

/** Every item a pack lists, one row each, in the pack's order (all of them when asked with no limit). */
export function packCsvRows(pack: MeetingPack): PackCsvRow[] {
  const c = pack.changes;
  const rows: PackCsvRow[] = [];
  for (const t of c.tasksCompleted.items) {
    rows.push({
      section: t.onTime ? 'task completed on time' : 'task completed late',
      id: t.id,
      unit: t.unit.name,
      answeringUnit: t.answeringUnit.name,
      on: t.completedOn,
      detail: `${t.directiveCode} ${t.clauseReference}, due ${t.dueOn ?? '—'}`,
      scenario: t.scenario,
    });
  }
  for (const t of c.newlyOverdue.items) {
    rows.push({
      section: 'task newly overdue',
      id: t.id,
      unit: t.unit.name,
      answeringUnit: t.answeringUnit.name,
      on: t.dueOn,
      detail: `${t.directiveCode} ${t.clauseReference}`,
      scenario: t.scenario,
    });
  }
  const shortcomings: [string, typeof c.shortcomingsFlagged][] = [
    ['shortcoming flagged', c.shortcomingsFlagged],
    ['shortcoming verified', c.shortcomingsVerified],
    ['shortcoming closed not implemented', c.shortcomingsClosedNotImplemented],
    ['shortcoming dismissed', c.shortcomingsDismissed],
  ];
  for (const [section, list] of shortcomings) {
    for (const s of list.items) {
      rows.push({
        section,
        id: s.id,
        unit: s.unit.name,
        answeringUnit: s.answeringUnit.name,
        on: section === 'shortcoming flagged' ? s.flaggedOn : s.closedOn,
        detail: `${s.category}, ${s.severity}: ${s.description}`,
        scenario: s.scenario,
      });
    }
  }
  for (const s of c.shortcomingsReopened.items) {
    rows.push({
      section: s.how === 'recurred' ? 'shortcoming recurred' : 'remediation rejected',
      id: s.id,
      unit: s.unit.name,
      answeringUnit: s.answeringUnit.name,
      on: s.on,
      detail: s.reason ?? s.description,
      scenario: s.scenario,
    });
  }
  for (const e of c.deadlineExtensions.items) {
    rows.push({
      section: 'deadline extended',
      id: e.id,
      unit: '',
      answeringUnit: '',
      on: e.on,
      detail: e.reason ?? '',
      scenario: false,
    });
  }
  for (const t of c.completionsReturned.items) {
    rows.push({
      section: 'completion returned',
      id: t.id,
      unit: t.unit.name,
      answeringUnit: t.answeringUnit.name,
      on: t.on,
      detail: t.reason ?? '',
      scenario: t.scenario,
    });
  }
  for (const r of [...c.monthlyReports.late.items, ...c.monthlyReports.missing.items]) {
    rows.push({
      section: `monthly report ${r.status}`,
      id: `${r.unit.id} ${r.period}`,
      unit: r.unit.name,
      answeringUnit: r.unit.name,
      on: r.filedAt,
      detail: `due ${r.dueOn}`,
      scenario: r.scenario,
    });
  }
  for (const t of c.accountabilityTransfers) {
    rows.push({
      section: 'accountability transferred',
      id: t.from.id,
      unit: t.from.name,
      answeringUnit: t.to.name,
      on: t.on,
      detail: `${t.openTasks} open tasks, ${t.openShortcomings} open shortcomings`,
      scenario: false,
    });
  }
  return rows;
}

/** How many items each CSV section stands for in the pack, listed or not. */
export function sectionTotals(pack: MeetingPack): Map<string, number> {
  const c = pack.changes;
  return new Map([
    ['task completed on time', c.tasksCompleted.onTime],
    ['task completed late', c.tasksCompleted.late],
    ['task newly overdue', c.newlyOverdue.total],
    ['shortcoming flagged', c.shortcomingsFlagged.total],
    ['shortcoming verified', c.shortcomingsVerified.total],
    ['shortcoming closed not implemented', c.shortcomingsClosedNotImplemented.total],
    ['shortcoming dismissed', c.shortcomingsDismissed.total],
    ['remediation rejected', c.shortcomingsReopened.rejected],
    ['shortcoming recurred', c.shortcomingsReopened.recurred],
    ['deadline extended', c.deadlineExtensions.total],
    ['completion returned', c.completionsReturned.total],
    ['monthly report late', c.monthlyReports.late.total],
    ['monthly report missing', c.monthlyReports.missing.total],
    ['accountability transferred', c.accountabilityTransfers.length],
  ]);
}
