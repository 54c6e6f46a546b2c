import { v7 as uuidv7 } from 'uuid';
import { loadSeeds } from '../seeds/load.js';
import { seedTaskId } from '../seeds/load-facts.js';
import { scenarioShortcomingId } from '../seeds/load-scenario.js';
import { issueToken } from './domain/tokens/issue.js';
import type { Ledger } from './ledger/ledger.js';

/** Whether the ledger holds no events at all. */
export async function isEmpty(ledger: Ledger): Promise<boolean> {
  const rows = await ledger.database.sql.query<{ one: number }>({
    text: 'select 1 as one from events limit 1',
  });
  return rows.length === 0;
}

/**
 * Seeds an empty store with the real seed set and the illustrative scenario, and issues a viewer
 * token to try it with. Returns the token's secret (shown once), or null if the store had data.
 */
export async function seedEmptyStore(
  ledger: Ledger,
  progress: (msg: string) => void,
): Promise<string | null> {
  if (!(await isEmpty(ledger))) return null;
  await loadSeeds(ledger, { progress });
  const issued = await issueToken(
    ledger,
    { name: 'first-start viewer', role: 'viewer', unitId: null },
    { now: new Date(), newId: uuidv7, actor: { id: 'seed:first-start', role: 'admin', name: 'first start' } },
  );
  return issued.secret;
}

/** Where to look first, on a seeded store. */
export function whereToLook(base: string): string[] {
  const moha = seedTaskId('183-KL/TW', '3.(1)(i)', 'BNV');
  return [
    `API documentation (Swagger UI):   ${base}/docs`,
    `Provincial party committees:      ${base}/units?kind=provincial_party_committee&status=active`,
    `A merged province (Hà Giang):     ${base}/units/pc-ha-giang`,
    `Conclusion 183-KL/TW:             ${base}/directives/183-KL%2FTW`,
    `Its clause 3.(1)(i) for Home Affairs: ${base}/tasks/${moha}`,
    `An illustrative shortcoming:      ${base}/shortcomings/${scenarioShortcomingId('hag-facilities')}`,
    `A monthly report (illustrative):  ${base}/units/BNV/monthly-reports/2025-09`,
    `Meeting pack of 2025-09-26:       ${base}/meetings/pack?at=2025-09-26&since=2025-08-01&format=html`,
    `Gaps of Tuyên Quang on 2025-09-20: ${base}/views/units/pc-tuyen-quang-2025/gaps?validAt=2025-09-20`,
    `Shortcomings register:            ${base}/views/shortcomings`,
    `Inspection queue (2025-09-20):    ${base}/views/inspection-queue?validAt=2025-09-20`,
    `Progress of 183-KL/TW:            ${base}/views/directives/183-KL%2FTW/progress?validAt=2025-10-01`,
    `Reporting compliance, 2025-09:    ${base}/views/reporting-compliance?month=2025-09&now=2025-10-01T00:00:00%2B07:00`,
    `Ledger head (for the minutes):    ${base}/ledger/head`,
  ];
}
