// ILLUSTRATIVE SCENARIO — not what any real ministry, province or person did. Every event it
// writes carries `scenario: true`, every person's name and every narrative says
// "(illustrative)". It exists so that each view and the meeting packs of 2025-08-01 and
// 2025-09-26 have something to show: progress on time and late, a deadline extension,
// shortcomings verified and rejected, and monthly reports on time, late and missing.

import type { Evidence } from '../events/evidence.js';
import type { Role } from '../src/auth/principal.js';

/** One illustrative action, at a moment in Vietnam time, by a role, perhaps for a unit. */
export type ScenarioStep =
  | { at: string; role: Role; unit?: string; kind: 'head'; unitId: string; title: string; personName: string }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'task';
      task: [directive: string, reference: string, unitId: string];
      command: Record<string, unknown> & { type: string };
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'flag';
      id: string;
      unitId: string;
      category: string;
      severity: string;
      description: string;
      report: { title: string; documentCode: string | null; date: string };
      recurrenceOf?: string;
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'shortcoming';
      id: string;
      command: Record<string, unknown> & { type: string };
    }
  | {
      at: string;
      role: Role;
      unit?: string;
      kind: 'report';
      unitId: string;
      period: string;
      summary: string;
    };

const evidence = (code: string): Evidence => [{ kind: 'document', code }];
const cicReport = {
  title: 'Báo cáo giám sát của Ủy ban Kiểm tra Trung ương (supervision report alongside 428-BC/BTCTW)',
  documentCode: null,
  date: '2025-07-31',
};
const cicReportSeptember = {
  title: 'Báo cáo giám sát của Ủy ban Kiểm tra Trung ương (supervision report considered with 195-KL/TW)',
  documentCode: null,
  date: '2025-09-26',
};
const cicPreMerger = {
  title: 'Illustrative pre-merger supervision report of the Central Inspection Commission',
  documentCode: null,
  date: '2025-06-20',
};

const heads: ScenarioStep[] = [
  ['BNV', 'Bộ trưởng Bộ Nội vụ (Minister of Home Affairs)', 'Minister A (illustrative)'],
  ['BTP', 'Bộ trưởng Bộ Tư pháp (Minister of Justice)', 'Minister B (illustrative)'],
  ['pc-ha-giang', 'Bí thư Tỉnh ủy (provincial party secretary)', 'Secretary C (illustrative)'],
  ['pc-tuyen-quang-2025', 'Bí thư Tỉnh ủy (provincial party secretary)', 'Secretary D (illustrative)'],
  ['pc-ha-noi', 'Bí thư Thành ủy (municipal party secretary)', 'Secretary E (illustrative)'],
  ['ubnd-ha-noi', 'Chủ tịch UBND (chair of the people’s committee)', 'Chair F (illustrative)'],
  ['ubnd-lam-dong', 'Chủ tịch UBND (chair of the people’s committee)', 'Chair G (illustrative)'],
  ['pc-ho-chi-minh-2025', 'Bí thư Thành ủy (municipal party secretary)', 'Secretary H (illustrative)'],
].map(([unitId, title, personName]) => ({
  at: unitId === 'pc-ha-giang' ? '2025-01-01T09:00' : '2025-07-01T09:00',
  role: 'admin' as const,
  kind: 'head' as const,
  unitId: unitId as string,
  title: title as string,
  personName: personName as string,
}));

const t183 = (reference: string, unitId: string): [string, string, string] => [
  '183-KL/TW',
  reference,
  unitId,
];
const t195 = (reference: string, unitId: string): [string, string, string] => [
  '195-KL/TW',
  reference,
  unitId,
];
const unitTask = (
  at: string,
  task: [string, string, string],
  command: Record<string, unknown> & { type: string },
): ScenarioStep => ({
  at,
  role: 'unit',
  unit: task[2],
  kind: 'task',
  task,
  command,
});
const review = (
  at: string,
  task: [string, string, string],
  command: Record<string, unknown> & { type: string },
): ScenarioStep => ({
  at,
  role: command.type === 'ExtendTaskDeadline' ? 'secretariat' : 'inspection',
  kind: 'task',
  task,
  command,
});

const tasks: ScenarioStep[] = [
  // 183-KL/TW 3.(1)(i), Home Affairs: done on time.
  unitTask('2025-08-02T10:00', t183('3.(1)(i)', 'BNV'), { type: 'AcknowledgeTask', note: 'illustrative' }),
  unitTask('2025-08-15T16:00', t183('3.(1)(i)', 'BNV'), {
    type: 'ReportTaskProgress',
    narrative: 'Training plan issued; first courses held (illustrative).',
    percent: 60,
  }),
  unitTask('2025-08-29T15:00', t183('3.(1)(i)', 'BNV'), {
    type: 'ReportTaskCompletion',
    summary: 'Courses held; toolkit published (illustrative).',
    evidence: evidence('ILLUSTRATIVE-BNV-01'),
  }),
  review('2025-09-03T09:00', t183('3.(1)(i)', 'BNV'), {
    type: 'ConfirmTaskCompletion',
    note: 'illustrative',
  }),
  // 183-KL/TW 3.(2), Justice: late, returned once, then confirmed.
  unitTask('2025-08-04T09:00', t183('3.(2)', 'BTP'), { type: 'AcknowledgeTask' }),
  unitTask('2025-08-20T09:00', t183('3.(2)', 'BTP'), {
    type: 'ReportTaskProgress',
    narrative: 'Review of decrees under way (illustrative).',
    percent: 40,
  }),
  unitTask('2025-09-10T11:00', t183('3.(2)', 'BTP'), {
    type: 'ReportTaskCompletion',
    summary: 'Review report submitted (illustrative).',
    evidence: [{ kind: 'url', url: 'https://example.org/illustrative/btp-review' }],
  }),
  review('2025-09-15T14:00', t183('3.(2)', 'BTP'), {
    type: 'ReturnTaskCompletion',
    reason: 'Circulars not covered (illustrative).',
  }),
  unitTask('2025-09-24T10:00', t183('3.(2)', 'BTP'), {
    type: 'ReportTaskCompletion',
    summary: 'Circulars added (illustrative).',
    evidence: evidence('ILLUSTRATIVE-BTP-02'),
  }),
  review('2025-09-25T16:00', t183('3.(2)', 'BTP'), { type: 'ConfirmTaskCompletion' }),
  // 183-KL/TW 3.(1)(ii), Home Affairs: extended, then done within the extension.
  unitTask('2025-08-05T09:00', t183('3.(1)(ii)', 'BNV'), { type: 'AcknowledgeTask' }),
  review('2025-08-28T09:00', t183('3.(1)(ii)', 'BNV'), {
    type: 'ExtendTaskDeadline',
    newDeadline: { kind: 'date', date: '2025-09-30' },
    grantedBy: { name: 'Official I (illustrative)', title: 'Central Organizing Committee' },
    reason: 'Awaiting the Government decree on the policy (illustrative).',
  }),
  unitTask('2025-09-29T17:00', t183('3.(1)(ii)', 'BNV'), {
    type: 'ReportTaskCompletion',
    summary: 'Policy guidance issued (illustrative).',
    evidence: [
      {
        kind: 'file',
        sha256: 'a3f1c2e4b5d6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
        name: 'illustrative.pdf',
      },
    ],
  }),
  review('2025-10-02T09:00', t183('3.(1)(ii)', 'BNV'), { type: 'ConfirmTaskCompletion' }),
  // 183-KL/TW 3, Government Party Committee: in progress past its deadline.
  unitTask('2025-08-03T09:00', t183('3', 'DUCP'), { type: 'AcknowledgeTask' }),
  unitTask('2025-08-25T09:00', t183('3', 'DUCP'), {
    type: 'ReportTaskProgress',
    narrative: 'Draft amendments circulated (illustrative).',
    percent: 50,
  }),
  // 183-KL/TW 7, Fatherland Front: on time.
  unitTask('2025-08-04T09:00', t183('7', 'DUMTTQ'), { type: 'AcknowledgeTask' }),
  unitTask('2025-08-30T09:00', t183('7', 'DUMTTQ'), {
    type: 'ReportTaskCompletion',
    summary: 'Guidelines (i)–(iii) issued (illustrative).',
    evidence: evidence('ILLUSTRATIVE-MTTQ-07'),
  }),
  review('2025-09-02T09:00', t183('7', 'DUMTTQ'), { type: 'ConfirmTaskCompletion' }),
  // 183-KL/TW 5, Tuyên Quang (successor province): in progress.
  unitTask('2025-08-06T09:00', t183('5', 'pc-tuyen-quang-2025'), { type: 'AcknowledgeTask' }),
  unitTask('2025-08-28T09:00', t183('5', 'pc-tuyen-quang-2025'), {
    type: 'ReportTaskProgress',
    narrative: 'Commune congresses scheduled (illustrative).',
    percent: 70,
  }),
  // 195-KL/TW 4 (first week of October): one on time, one late.
  unitTask('2025-09-29T09:00', t195('4', 'TLDLD'), { type: 'AcknowledgeTask' }),
  unitTask('2025-10-06T09:00', t195('4', 'TLDLD'), {
    type: 'ReportTaskCompletion',
    summary: 'Report submitted (illustrative).',
    evidence: evidence('ILLUSTRATIVE-TLD-04'),
  }),
  unitTask('2025-09-30T09:00', t195('4', 'HLHPN'), { type: 'AcknowledgeTask' }),
  unitTask('2025-10-09T09:00', t195('4', 'HLHPN'), {
    type: 'ReportTaskCompletion',
    summary: 'Report submitted (illustrative).',
    evidence: evidence('ILLUSTRATIVE-HPN-04'),
  }),
  // 195-KL/TW 3, Hà Nội: backlog cleared by 2025-10-15.
  unitTask('2025-09-29T09:00', t195('3', 'ubnd-ha-noi'), { type: 'AcknowledgeTask' }),
  unitTask('2025-10-14T09:00', t195('3', 'ubnd-ha-noi'), {
    type: 'ReportTaskCompletion',
    summary: 'Backlog cleared (illustrative).',
    evidence: evidence('ILLUSTRATIVE-HN-03'),
  }),
  review('2025-10-20T09:00', t195('3', 'ubnd-ha-noi'), { type: 'ConfirmTaskCompletion' }),
];

const flag = (
  at: string,
  id: string,
  unitId: string,
  category: string,
  severity: string,
  description: string,
  report = cicReport,
  recurrenceOf?: string,
): ScenarioStep => ({
  at,
  role: 'inspection',
  kind: 'flag',
  id,
  unitId,
  category,
  severity,
  description: `${description} (illustrative)`,
  report,
  recurrenceOf,
});
const remedy = (
  at: string,
  id: string,
  unit: string,
  command: Record<string, unknown> & { type: string },
): ScenarioStep => ({ at, role: 'unit', unit, kind: 'shortcoming', id, command });
const inspect = (
  at: string,
  id: string,
  command: Record<string, unknown> & { type: string },
): ScenarioStep => ({ at, role: 'inspection', kind: 'shortcoming', id, command });

const shortcomings: ScenarioStep[] = [
  // Flagged against Hà Giang before the merger; Tuyên Quang (successor) answers for it after.
  flag(
    '2025-06-20T10:00',
    'hag-facilities',
    'pc-ha-giang',
    'facilities',
    'medium',
    'Commune offices lack equipment',
    cicPreMerger,
  ),
  remedy('2025-07-10T10:00', 'hag-facilities', 'pc-tuyen-quang-2025', {
    type: 'SetRemediationPlan',
    plan: 'Re-equip commune offices (illustrative).',
    targetDate: '2025-09-15',
  }),
  remedy('2025-09-10T10:00', 'hag-facilities', 'pc-tuyen-quang-2025', {
    type: 'ReportRemediation',
    summary: 'Equipment delivered (illustrative).',
    evidence: evidence('ILLUSTRATIVE-TQ-01'),
  }),
  inspect('2025-09-20T10:00', 'hag-facilities', {
    type: 'RejectRemediation',
    reason: 'Two communes still without equipment (illustrative).',
  }),
  remedy('2025-09-22T10:00', 'hag-facilities', 'pc-tuyen-quang-2025', {
    type: 'ReviseRemediationTargetDate',
    targetDate: '2025-10-31',
    reason: 'Procurement delay (illustrative).',
  }),
  flag(
    '2025-08-01T09:00',
    'bnv-hr',
    'BNV',
    'human_resources',
    'high',
    'Commune civil servants not yet trained for new tasks',
  ),
  remedy('2025-08-08T10:00', 'bnv-hr', 'BNV', {
    type: 'SetRemediationPlan',
    plan: 'Training programme (illustrative).',
    targetDate: '2025-08-31',
  }),
  remedy('2025-08-20T10:00', 'bnv-hr', 'BNV', {
    type: 'ReportRemediationProgress',
    narrative: 'Half the provinces trained (illustrative).',
    percent: 50,
  }),
  remedy('2025-08-29T10:00', 'bnv-hr', 'BNV', {
    type: 'ReportRemediation',
    summary: 'Training completed (illustrative).',
    evidence: evidence('ILLUSTRATIVE-BNV-SC1'),
  }),
  inspect('2025-09-05T10:00', 'bnv-hr', { type: 'VerifyRemediation', note: 'illustrative' }),
  flag(
    '2025-08-01T09:00',
    'hn-procedures',
    'ubnd-ha-noi',
    'administrative_procedures',
    'high',
    'Backlog of administrative procedures at commune centres',
  ),
  remedy('2025-08-12T10:00', 'hn-procedures', 'ubnd-ha-noi', {
    type: 'SetRemediationPlan',
    plan: 'Clear the backlog (illustrative).',
    targetDate: '2025-10-15',
  }),
  remedy('2025-10-14T10:00', 'hn-procedures', 'ubnd-ha-noi', {
    type: 'ReportRemediation',
    summary: 'Backlog cleared (illustrative).',
    evidence: evidence('ILLUSTRATIVE-HN-SC2'),
  }),
  flag(
    '2025-08-01T09:00',
    'btp-institutions',
    'BTP',
    'institutions',
    'medium',
    'Overlapping decentralization rules not yet reviewed',
  ),
  flag(
    '2025-08-01T09:00',
    'ld-tech',
    'ubnd-lam-dong',
    'technology_infrastructure',
    'high',
    'Commune service centres without shared data connections',
  ),
  remedy('2025-08-15T10:00', 'ld-tech', 'ubnd-lam-dong', {
    type: 'SetRemediationPlan',
    plan: 'Connect centres (illustrative).',
    targetDate: '2025-09-30',
  }),
  flag('2025-08-01T09:00', 'ct-other', 'ubnd-can-tho', 'other', 'low', 'Signage at service centres outdated'),
  inspect('2025-08-20T10:00', 'ct-other', {
    type: 'DismissShortcoming',
    reason: 'Outside the supervision’s scope (illustrative).',
  }),
  flag(
    '2025-09-26T09:00',
    'bnv-hr-again',
    'BNV',
    'human_resources',
    'medium',
    'Training gaps found again in newly merged communes',
    cicReportSeptember,
    'bnv-hr',
  ),
];

// Reporting units sampled for the illustrative months: on time, late, or missing by pattern.
const reporters = [
  'DUCP',
  'BNV',
  'BTP',
  'pc-ha-noi',
  'pc-tuyen-quang-2025',
  'pc-ho-chi-minh-2025',
  'pc-an-giang-2025',
  'pc-lam-dong-2025',
];
const reports: ScenarioStep[] = ['2025-08', '2025-09', '2025-10', '2025-11'].flatMap((period, m) =>
  reporters.flatMap((unitId, u): ScenarioStep[] => {
    const pattern = (u + m) % 4; // 0,1: on time; 2: late; 3: missing
    if (pattern === 3) return [];
    const day = pattern === 2 ? '27' : pattern === 1 ? '25' : '22';
    return [
      {
        at: `${period}-${day}T${pattern === 1 ? '23:30' : '10:00'}`,
        role: 'unit',
        unit: unitId,
        kind: 'report',
        unitId,
        period,
        summary: `Monthly report ${period} (illustrative).`,
      },
    ];
  }),
);

/** The scenario in the order it is loaded (each step's own time decides its valid time). */
export const scenario: ScenarioStep[] = [...heads, ...tasks, ...shortcomings, ...reports];
