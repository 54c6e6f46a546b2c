import type { Transition } from '../../projections/views/marks.js';
import type { ShortcomingDocument } from '../../projections/views/shortcomings.js';
import type { TaskDocument } from '../../projections/views/tasks.js';
import type { UnitDocument } from '../../projections/views/units.js';
import { UnitTree } from '../../src/read/unit-tree.js';
import type { RegisterFilter, RegisterPaging } from '../../src/views/register.js';

/** The register unfiltered. */
export const everything: RegisterFilter = {
  scope: null,
  statuses: [],
  categories: [],
  severities: [],
  official: null,
  overdue: false,
};

/** The first page of 50, oldest flagged first. */
export const firstPage: RegisterPaging = { sort: 'flaggedOn', order: 'asc', page: 1, pageSize: 50 };

/** A unit document: a provincial party committee unless `change` says otherwise. */
export const unit = (id: string, nameVi: string, change: Partial<UnitDocument> = {}): UnitDocument => ({
  id,
  code: id,
  kind: 'provincial_party_committee',
  parentId: null,
  nameVi,
  nameEn: null,
  status: 'active',
  registeredFrom: '2020-01-01',
  endedOn: null,
  successorId: null,
  predecessorIds: [],
  heads: [],
  ...change,
});

/** Hà Giang merged into the Tuyên Quang formed on 2025-07-01, a commune under it, a ministry, the commission. */
export const tree = new UnitTree([
  unit('pc-ha-giang', 'Tỉnh ủy Hà Giang', {
    status: 'merged',
    endedOn: '2025-07-01',
    successorId: 'pc-tuyen-quang-2025',
  }),
  unit('pc-tuyen-quang', 'Tỉnh ủy Tuyên Quang (trước sáp nhập)', {
    status: 'merged',
    endedOn: '2025-07-01',
    successorId: 'pc-tuyen-quang-2025',
  }),
  unit('pc-tuyen-quang-2025', 'Tỉnh ủy Tuyên Quang', {
    registeredFrom: '2025-07-01',
    predecessorIds: ['pc-ha-giang', 'pc-tuyen-quang'],
  }),
  unit('xa-a', 'Đảng ủy xã A', { kind: 'commune_party_committee', parentId: 'pc-tuyen-quang-2025' }),
  unit('BNV', 'Bộ Nội vụ', { kind: 'ministry' }),
  unit('UBKTTW', 'Ủy ban Kiểm tra Trung ương', { kind: 'inspection_commission' }),
  unit('UBKT-TQ', 'Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang', { kind: 'inspection_commission' }),
]);

/** An instant in Vietnam as the transitions record it. */
export const at = (local: string): string => new Date(`${local}:00+07:00`).toISOString();

let position = 0;

/** A shortcoming document: flagged on `flaggedOn`, moving through `moves` ([local time, status]). */
export function shortcoming(
  id: string,
  change: Partial<ShortcomingDocument> & { flaggedAt?: string; moves?: [string, string][] } = {},
): ShortcomingDocument {
  const { flaggedAt = '2025-08-01T09:00', moves = [], ...rest } = change;
  const transitions: Transition[] = [
    [at(flaggedAt), ++position, 'open'],
    ...moves.map(([when, to]): Transition => [at(when), ++position, to]),
  ];
  return {
    id,
    unitId: 'BNV',
    inspectionUnitId: 'UBKTTW',
    report: { title: 'Báo cáo giám sát', documentCode: null, date: flaggedAt.slice(0, 10) },
    category: 'human_resources',
    severity: 'medium',
    description: `Thiếu sót ${id}`,
    officials: [],
    plan: null,
    targetDate: null,
    originalTargetDate: null,
    targetRevisions: 0,
    percent: null,
    status: transitions.at(-1)?.[2] as string,
    flaggedOn: flaggedAt.slice(0, 10),
    remediationReportedOn: null,
    closedOn: null,
    rejections: 0,
    recurrenceOf: null,
    recurrences: [],
    transitions,
    scenario: false,
    synthetic: false,
    ...rest,
  };
}

/** A task document led by `leadUnitId`, moving through `moves`. */
export function task(id: string, leadUnitId: string, moves: [string, string][], returns = 0): TaskDocument {
  const transitions: Transition[] = [
    [at('2025-08-01T09:00'), ++position, 'assigned'],
    ...moves.map(([when, to]): Transition => [at(when), ++position, to]),
  ];
  return {
    id,
    directiveCode: '183-KL/TW',
    clauseReference: '3.(2)',
    leadUnitId,
    coordinatingUnitIds: [],
    groupLabel: null,
    description: `Nhiệm vụ ${id}`,
    deadline: { kind: 'date', date: '2025-08-31' },
    originalDeadline: { kind: 'date', date: '2025-08-31' },
    dueOn: '2025-08-31',
    status: transitions.at(-1)?.[2] as string,
    assignedOn: '2025-08-01',
    percent: null,
    completionReportedOn: null,
    completedOn: null,
    returns,
    extensions: 0,
    closedOn: null,
    transitions,
    scenario: true,
    synthetic: false,
  };
}
