import type { Database } from '../../db/database.js';
import type { Shortcoming } from '../../domain/shortcomings/shortcoming.js';
import type { Ledger } from '../../ledger/ledger.js';
import { answeringUnit } from '../../read/units.js';

type FlaggedStatus = Exclude<Shortcoming['status'], 'unflagged'>;

/** A flagged shortcoming's folded state as the API shows it, with the unit answering for it today. */
export async function shortcomingView(database: Database, id: string, s: Shortcoming, version: number) {
  const unitId = s.unitId ?? '';
  return {
    id,
    scenario: false,
    status: s.status as FlaggedStatus,
    unitId,
    answeringUnitId: (await answeringUnit(database, unitId)).id,
    inspectionUnitId: s.inspectionUnitId ?? '',
    supervisionReport: s.report ?? { title: '', documentCode: null, date: '' },
    category: s.category ?? 'other',
    severity: s.severity ?? 'medium',
    description: s.description ?? '',
    accountableOfficial: s.accountableOfficial,
    officials: s.officials,
    plan: s.plan,
    originalTargetDate: s.originalTargetDate,
    targetDate: s.targetDate,
    revisions: s.revisions,
    progress: s.progress,
    remediationReports: s.remediationReports,
    rejections: s.rejections,
    verificationNote: s.verificationNote,
    recurrenceOf: s.recurrenceOf,
    recurrences: s.recurrences,
    version,
  };
}

/** Whether a stream was written by the illustrative scenario (its first event says so). */
export async function isScenario(ledger: Ledger, streamType: string, id: string): Promise<boolean> {
  const [first] = await ledger.store.readStream(streamType, id);
  return first?.tags.scenario === true;
}
