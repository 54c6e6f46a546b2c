// ILLUSTRATIVE SCENARIO — not what any real ministry, province or person did. Every event it
// writes carries `scenario: true`, every person's name and every narrative says
// "(illustrative)". It exists so that each view and the meeting packs of 2025-08-01 and
// 2025-09-26 have something to show: progress on time and late, a deadline extension,
// shortcomings verified and rejected, and monthly reports on time, late and missing.

import { scenarioShortcomings } from './scenario-shortcomings.js';
import type { ScenarioStep } from './scenario-step.js';
import { scenarioTasks } from './scenario-tasks.js';

export type { ScenarioStep } from './scenario-step.js';

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
export const scenario: ScenarioStep[] = [...heads, ...scenarioTasks, ...scenarioShortcomings, ...reports];
