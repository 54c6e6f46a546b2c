// SYNTHETIC — monthly reports to the Central Organizing Committee, due by the 25th
// (183-KL/TW clause 9): most on time, some late, some missing, a few corrected. Not real data.
import { monthlyReportDecider } from '../../src/domain/monthly-reports/decide.js';
import { monthlyReportStreamId } from '../../src/domain/monthly-reports/monthly-report.js';
import { DAY_MS, dayStart, daysLater, officeHours, syntheticMonths } from './calendar.js';
import { StepList, type World } from './world.js';

/** Shares of the filings: on time, late, missing. */
export const filingFates = { onTime: 80, late: 12, missing: 8 } as const;
const CORRECTED = 0.03;

/** Schedules each reporting unit's report for every simulated month, except those already filed. */
export function planMonthlyReports(
  w: World,
  reporters: readonly string[],
  alreadyFiled: ReadonlySet<string>,
): void {
  // Each month's filings are planned when the month begins, so they do not wait in memory all year.
  for (const period of syntheticMonths) {
    w.schedule([{ at: dayStart(`${period}-01`), act: () => planMonth(w, period, reporters, alreadyFiled) }]);
  }
}

function planMonth(
  w: World,
  period: string,
  reporters: readonly string[],
  alreadyFiled: ReadonlySet<string>,
) {
  const { rng, book } = w;
  for (const unitId of reporters) {
    const fate = rng.weighted(filingFates);
    const streamId = monthlyReportStreamId(unitId, period);
    if (fate === 'missing' || alreadyFiled.has(streamId)) continue;
    const due = dayStart(`${period}-25`);
    const filedAt =
      fate === 'onTime'
        ? officeHours(rng, dayStart(`${period}-${String(rng.int(8, 25)).padStart(2, '0')}`))
        : officeHours(rng, due + rng.int(1, 20) * DAY_MS);
    const s = new StepList(filedAt, false);
    const file = (at: number) =>
      book.run(
        monthlyReportDecider,
        streamId,
        {
          type: 'FileMonthlyReport',
          unitId,
          period,
          summary: `Monthly report for ${period} on the two-tier model (synthetic)`,
          document: rng.chance(0.5) ? { code: `SYN-BC-${period}-${w.count('report')}`, url: null } : null,
        },
        w.ctx(at, 'unit', unitId),
      );
    s.add(filedAt, file);
    if (rng.chance(CORRECTED)) {
      s.add(daysLater(rng, filedAt, rng.int(1, 10)), (at) =>
        book.run(
          monthlyReportDecider,
          streamId,
          {
            type: 'CorrectMonthlyReport',
            summary: `Monthly report for ${period}, figures corrected (synthetic)`,
            reason: 'Figures for one commune were wrong (synthetic)',
          },
          w.ctx(at, 'unit', unitId),
        ),
      );
    }
    w.schedule(s.steps, () => book.forget('monthly_report', streamId));
  }
}
