// ILLUSTRATIVE SCENARIO — see scenario.ts. Not what any real ministry, province or person did.
import type { Evidence } from '../events/evidence.js';
import type { ScenarioStep } from './scenario-step.js';

/** Evidence citing an illustrative document code. */
export const evidence = (code: string): Evidence => [{ kind: 'document', code }];

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

/** Task progress on time and late, an extension, a return, confirmations. */
export const scenarioTasks: ScenarioStep[] = [
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
