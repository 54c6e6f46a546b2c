// ILLUSTRATIVE SCENARIO — see scenario.ts. Not what any real ministry, province or person did.
import type { Evidence } from '../events/evidence.js';
import type { ScenarioStep } from './scenario-step.js';

/** Evidence citing an illustrative document code. */
export const evidence = (code: string): Evidence => [{ kind: 'document', code }];

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

/** Shortcomings flagged, remedied, verified, rejected, dismissed, recurring. */
export const scenarioShortcomings: ScenarioStep[] = [
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
