// SYNTHETIC — supervision rounds: the Central Inspection Commission over provinces and ministries,
// synthetic provincial inspection commissions over their communes, each report naming a few
// shortcomings in the categories of 195-KL/TW; now and then one that recurs. Not real data.
import type { shortcomingCategories, shortcomingSeverities } from '../../events/shortcomings.js';
import { shortcomingDecider } from '../../src/domain/shortcomings/decide.js';
import { dateOf, dayStart, officeHours, syntheticMonths } from './calendar.js';
import { type Closed, officialFor, planRemediation } from './remediation.js';
import type { World } from './world.js';

const CENTRAL_SHARE = 0.25;
const RECURRING = 0.06;
// Verified shortcomings kept per commission for a later report to find again.
const POOL = 200;

type Category = (typeof shortcomingCategories)[number];
type Severity = (typeof shortcomingSeverities)[number];
const categoryWeights: Record<Category, number> = {
  institutions: 15,
  facilities: 20,
  technology_infrastructure: 20,
  human_resources: 20,
  administrative_procedures: 20,
  other: 5,
};
const severityWeights: Record<Severity, number> = { low: 30, medium: 45, high: 20, critical: 5 };
const findings: Record<Category, string> = {
  institutions: 'Rules on the functions of specialized agencies not yet issued',
  facilities: 'Offices and equipment of the public administration service center inadequate',
  technology_infrastructure: 'Shared data and digital signatures not yet in use',
  human_resources: 'Vacant posts not filled; staff not rebalanced between communes',
  administrative_procedures: 'Backlog of administrative procedures not cleared',
  other: 'Reporting to the Central Organizing Committee incomplete',
};

// Now and then, a verified shortcoming (verified before today) that this report finds again.
function recurring(w: World, pool: Closed[], today: string): Closed | undefined {
  if (pool.length === 0 || !w.rng.chance(RECURRING)) return undefined;
  const i = w.rng.int(0, pool.length - 1);
  return (pool[i] as Closed).verifiedOn < today ? pool.splice(i, 1)[0] : undefined;
}

interface Round {
  commissionId: string;
  scope: string[];
  month: string;
  flags: number;
}

/** Schedules supervision reports naming about `count` shortcomings over the simulated year. */
export function planShortcomings(w: World, count: number): void {
  const { rng, register: r } = w;
  const nationalScope = [
    ...r.provinces.map((p) => p.partyCommitteeId),
    ...r.provinces.map((p) => p.peoplesCommitteeId),
    ...r.ministryIds,
  ];
  const rounds = new Map<string, Round>();
  for (let i = 0; i < count; i++) {
    const central = rng.chance(CENTRAL_SHARE);
    const pick = rng.pick(r.communeIds);
    const province = r.provinceOf.get(pick);
    const [commissionId, scope] =
      central || !province
        ? ['UBKTTW', nationalScope]
        : [province.inspectionCommissionId, province.communeIds];
    const month = rng.pick(syntheticMonths);
    const key = `${commissionId}|${month}`;
    const round = rounds.get(key) ?? { commissionId, scope, month, flags: 0 };
    round.flags++;
    rounds.set(key, round);
  }
  const pools = new Map<string, Closed[]>();
  for (const round of rounds.values()) scheduleRound(w, round, pools);
}

function scheduleRound(w: World, round: Round, pools: Map<string, Closed[]>): void {
  const { rng, book } = w;
  const day = `${round.month}-${String(rng.int(3, 26)).padStart(2, '0')}`;
  const at = officeHours(rng, dayStart(day));
  w.schedule([
    {
      at,
      act: () => {
        const n = w.count('supervision-report');
        const supervisionReport = {
          title: `Supervision report ${n} on the two-tier model (synthetic)`,
          documentCode: `SYN-${n}-BC/UBKT`,
          date: dateOf(at),
        };
        const ctx = w.ctx(at, 'inspection', round.commissionId);
        const pool = pools.get(round.commissionId) ?? [];
        pools.set(round.commissionId, pool);
        for (let i = 0; i < round.flags; i++) {
          const earlier = recurring(w, pool, supervisionReport.date);
          const unitId = earlier?.unitId ?? rng.pick(round.scope);
          const category = (earlier?.category as Category | undefined) ?? rng.weighted(categoryWeights);
          const withOfficial = rng.chance(0.5);
          const id = w.ids.next();
          book.run(
            shortcomingDecider,
            id,
            {
              type: 'FlagShortcoming',
              unitId,
              inspectionUnitId: round.commissionId,
              supervisionReport,
              category,
              severity: rng.weighted(severityWeights),
              description: `${findings[category]} (synthetic finding)`,
              accountableOfficial: withOfficial ? officialFor(w, unitId) : null,
              recurrenceOf: earlier?.id ?? null,
            },
            ctx,
          );
          if (earlier) {
            // As flag.ts does: the earlier shortcoming lists the new one, in the same write.
            book.run(shortcomingDecider, earlier.id, { type: 'RecordRecurrence', recurrenceId: id }, ctx);
            book.forget('shortcoming', earlier.id);
          }
          planRemediation(
            w,
            id,
            unitId,
            round.commissionId,
            at,
            supervisionReport.date,
            withOfficial,
            (verifiedAt) => {
              pool.push({ id, unitId, category, verifiedOn: dateOf(verifiedAt) });
              if (pool.length > POOL) book.forget('shortcoming', (pool.shift() as Closed).id);
            },
          );
        }
      },
    },
  ]);
}
