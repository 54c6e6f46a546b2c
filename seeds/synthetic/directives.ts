// SYNTHETIC — directives whose clauses fan out to communes, provinces, ministries and central
// units, one task per lead unit, as add-clause.ts does. Codes start "SYN-"; titles say synthetic.
import type { Deadline } from '../../events/deadline.js';
import type { directiveKinds } from '../../events/directives.js';
import { directiveDecider } from '../../src/domain/directives/decide.js';
import type { ClauseGroup } from '../../src/domain/directives/directive.js';
import { taskDecider } from '../../src/domain/tasks/decide.js';
import { addDays, dateOf, dayStart, firstDay, officeHours } from './calendar.js';
import { planTask } from './tasks.js';
import type { World } from './world.js';

type Audience =
  | 'communesOfProvince'
  | 'allCommunes'
  | 'provinces'
  | 'peoplesCommittees'
  | 'ministries'
  | 'central'
  | 'single';

/** How the tasks divide among the audiences clauses address. */
const shares: Record<Exclude<Audience, 'communesOfProvince'>, number> = {
  allCommunes: 0.15,
  provinces: 0.08,
  peoplesCommittees: 0.08,
  ministries: 0.07,
  central: 0.04,
  single: 0.03,
};
const centralIssuers = ['BCT', 'BBT', 'BTCTW', 'DUCP', 'BCD57'];
const centralKinds: [(typeof directiveKinds)[number], string, string][] = [
  ['conclusion', 'KL/TW', 'Conclusion'],
  ['directive', 'CT/TW', 'Directive'],
  ['plan', 'KH/BCĐ', 'Plan'],
  ['resolution', 'NQ/TW', 'Resolution'],
];

interface ClauseSpec {
  leads: string[];
  group: ClauseGroup | null;
  coordinating: string[];
  text: string;
}

function deadlineFrom(w: World, issuedOn: string): Deadline {
  const { rng } = w;
  const month = (ahead: number) => addDays(issuedOn, 31 * ahead).slice(0, 7);
  switch (rng.weighted({ date: 70, month: 10, week: 8, none: 7, far: 5 })) {
    case 'date':
      return { kind: 'date', date: addDays(issuedOn, rng.int(20, 90)) };
    case 'month':
      return { kind: 'month', month: month(rng.int(1, 3)) };
    case 'week':
      return { kind: 'week', month: month(rng.int(1, 2)), week: rng.int(1, 4) };
    case 'none':
      return { kind: 'none' };
    default:
      return { kind: 'date', date: addDays(issuedOn, rng.int(120, 240)) };
  }
}

function audienceClause(w: World, audience: Audience): ClauseSpec {
  const { register: r, rng } = w;
  const group = (kind: string, label: string, parentId: string | null = null) => ({ kind, parentId, label });
  switch (audience) {
    case 'communesOfProvince': {
      // A random commune's province: provinces with more communes issue more plans.
      const pick = rng.pick(r.communeIds);
      const p = r.provinceOf.get(pick) ?? rng.pick(r.provinces);
      return {
        leads: p.communeIds,
        group: group(
          'commune',
          `Commune-level party committees of ${p.name} (synthetic)`,
          p.partyCommitteeId,
        ),
        coordinating: [p.peoplesCommitteeId],
        text: `Communes of ${p.name}: carry out this plan item and report (synthetic)`,
      };
    }
    case 'allCommunes':
      return {
        leads: r.communeIds,
        group: group('commune', 'All commune-level party committees (synthetic)'),
        coordinating: [],
        text: 'All communes, wards and special zones: carry out this item and report (synthetic)',
      };
    case 'provinces':
      return {
        leads: r.provinces.map((p) => p.partyCommitteeId),
        group: group('provincial_party_committee', 'Provincial and municipal party committees (synthetic)'),
        coordinating: ['BTCTW'],
        text: 'Provincial party committees: direct, inspect and report (synthetic)',
      };
    case 'peoplesCommittees':
      return {
        leads: r.provinces.map((p) => p.peoplesCommitteeId),
        group: group('provincial_peoples_committee', 'Provincial people’s committees (synthetic)'),
        coordinating: ['BNV'],
        text: 'Provincial people’s committees: issue the implementing rules (synthetic)',
      };
    case 'ministries':
      return {
        leads: r.ministryIds,
        group: group('ministry', 'Ministries and ministerial-level agencies (synthetic)'),
        coordinating: ['DUCP'],
        text: 'Ministries: review the legal acts in their field and report (synthetic)',
      };
    case 'central':
      return {
        leads: r.centralIds,
        group: group('central', 'Central party bodies, agencies and organizations (synthetic)'),
        coordinating: [],
        text: 'Central bodies: review and report on implementation (synthetic)',
      };
    case 'single':
      return {
        leads: [rng.pick(r.ministryIds)],
        group: null,
        coordinating: [],
        text: 'Lead the drafting and submit it (synthetic)',
      };
  }
}

const issueDay = (w: World) => officeHours(w.rng, dayStart(addDays(firstDay, w.rng.int(1, 350))));

function sizeOf(w: World, audience: Audience): number {
  const r = w.register;
  const sizes: Record<Audience, number> = {
    communesOfProvince: r.communeIds.length / r.provinces.length,
    allCommunes: r.communeIds.length,
    provinces: r.provinces.length,
    peoplesCommittees: r.provinces.length,
    ministries: r.ministryIds.length,
    central: r.centralIds.length,
    single: 1,
  };
  return sizes[audience];
}

/** Schedules directives opening about `tasks` tasks over the simulated year. */
export function planDirectives(w: World, tasks: number): void {
  const central: Audience[] = [];
  let left = tasks;
  for (const [audience, share] of Object.entries(shares) as [Audience, number][]) {
    const n = Math.round((share * tasks) / sizeOf(w, audience));
    for (let i = 0; i < n; i++) central.push(audience);
    left -= n * sizeOf(w, audience);
  }
  const shuffled = w.rng.shuffle(central);
  while (shuffled.length) {
    const clauses = shuffled.splice(0, w.rng.int(1, 4)).map((a) => audienceClause(w, a));
    scheduleDirective(w, 'central', clauses);
  }
  const perPlan = sizeOf(w, 'communesOfProvince');
  for (let n = Math.max(0, Math.round(left / perPlan)); n > 0; ) {
    const k = Math.min(n, w.rng.int(1, 3));
    // One province's plan: all its clauses go to its own communes.
    const first = audienceClause(w, 'communesOfProvince');
    const rest = Array.from({ length: k - 1 }, () => ({ ...first }));
    scheduleDirective(w, 'province', [first, ...rest]);
    n -= k;
  }
}

function scheduleDirective(w: World, level: 'central' | 'province', clauses: ClauseSpec[]): void {
  const at = issueDay(w);
  const issuedOn = dateOf(at);
  const n = w.count('directive');
  const [kind, suffix, noun] =
    level === 'central' ? w.rng.pick(centralKinds) : (['plan', 'KH/TU', 'Provincial plan'] as const);
  const code = `SYN-${n}-${suffix}`;
  const issuer = level === 'central' ? w.rng.pick(centralIssuers) : (clauses[0]?.group?.parentId as string);
  const references =
    issuedOn >= '2025-09-26'
      ? [{ code: '195-KL/TW', relation: 'implements' as const }]
      : issuedOn >= '2025-08-01'
        ? [{ code: '183-KL/TW', relation: 'implements' as const }]
        : [];
  const deadlines = clauses.map(() => deadlineFrom(w, issuedOn));
  w.schedule([
    {
      at,
      act: () => {
        const { book } = w;
        const ctx = w.ctx(at, 'secretariat');
        book.run(
          directiveDecider,
          code,
          {
            type: 'IssueDirective',
            code,
            kind,
            title: `${noun} ${code} on the two-tier local government (synthetic)`,
            issuedOn,
            issuingUnitId: issuer,
            references,
          },
          ctx,
        );
        const taskIds = clauses.map((c) => c.leads.map(() => w.ids.next()));
        const assignments = clauses.map((c, i) => ({
          leadUnitIds: c.leads,
          group: c.group,
          coordinatingUnitIds: c.coordinating,
          expectedOutput: 'A report on implementation (synthetic)',
          deadline: deadlines[i] as Deadline,
          endsOn: null,
        }));
        // The directive's events first, then every task: each stream's events stay together.
        clauses.forEach((c, i) => {
          const command = {
            type: 'AddClause' as const,
            reference: String(i + 1),
            text: c.text,
            assignment: assignments[i],
            taskIds: taskIds[i],
          };
          book.run(directiveDecider, code, command, ctx);
        });
        clauses.forEach((c, i) => {
          const { deadline, expectedOutput } = assignments[i] as (typeof assignments)[number];
          c.leads.forEach((leadUnitId, j) => {
            const taskId = taskIds[i]?.[j] as string;
            const command = {
              type: 'AssignTask' as const,
              directiveCode: code,
              clauseReference: String(i + 1),
              leadUnitId,
              coordinatingUnitIds: c.coordinating,
              description: c.text,
              expectedOutput,
              deadline,
              endsOn: null,
              fromGroup: c.group,
            };
            book.run(taskDecider, taskId, command, ctx);
            planTask(w, taskId, leadUnitId, at, deadline);
          });
        });
        book.forget('directive', code);
      },
    },
  ]);
}
