import { addClause } from '../src/domain/directives/add-clause.js';
import { issueDirective } from '../src/domain/directives/issue.js';
import { handleCommand } from '../src/domain/handle-command.js';
import { unitDecider } from '../src/domain/units/decide.js';
import { mergeUnits } from '../src/domain/units/merge.js';
import { startOfDayInVietnam } from '../src/domain/valid-time.js';
import type { Ledger, WriteOutcome } from '../src/ledger/ledger.js';
import { centralBodies, massOrganizations, ministries, type SeedUnit } from './central-units.js';
import { clauses } from './clauses.js';
import { communeSample } from './communes-sample.js';
import { seedContext, seedId, seedKey } from './context.js';
import { documents } from './documents.js';
import {
  mergerDate,
  mergerDecision,
  mergers,
  peoplesCommittees,
  predecessorCommittees,
  successorCommittees,
} from './provinces.js';
import { slug } from './slug.js';

/** How a load went: steps written now and steps an earlier load had already written. */
export interface SeedTally {
  written: number;
  alreadyThere: number;
}

/** Counts an outcome into the tally. */
export function tally(t: SeedTally, outcome: WriteOutcome<unknown>): void {
  if (outcome.replayed) t.alreadyThere++;
  else t.written++;
}

/** Every unit of the real seed set, parents before children. */
export const seedUnits: SeedUnit[] = [
  ...centralBodies,
  ...massOrganizations,
  ...ministries,
  ...predecessorCommittees,
  ...successorCommittees,
  ...peoplesCommittees,
  ...communeSample,
];

/** The task a seed clause opened for a lead unit: a stable id. */
export function seedTaskId(directive: string, reference: string, unitId: string): string {
  return seedId(`task:${directive}:${reference}:${unitId}`);
}

/**
 * Loads the facts of DOMAIN.md through the same command handlers as the API, each step under
 * its own idempotency key, so a second load appends nothing.
 */
export async function loadFacts(
  ledger: Ledger,
  t: SeedTally,
  progress: (msg: string) => void,
): Promise<void> {
  const admin = seedContext('admin');
  const secretariat = seedContext('secretariat');
  for (const u of seedUnits) {
    const command = { type: 'RegisterUnit' as const, code: u.id, ...u, parentId: u.parentId ?? null };
    tally(
      t,
      await handleCommand(ledger, unitDecider, u.id, command, admin, seedKey(`unit:${u.id}`, command)),
    );
  }
  progress(`units: ${seedUnits.length}`);

  for (const [successor, predecessors] of mergers) {
    const merger = {
      successorId: `pc-${slug(successor)}-2025`,
      predecessorIds: predecessors.map((p) => `pc-${slug(p)}`),
      effectiveFrom: mergerDate,
      reason: mergerDecision,
    };
    tally(t, await mergeUnits(ledger, merger, admin, seedKey(`merger:${merger.successorId}`, merger)));
  }
  progress(`provincial mergers of ${mergerDate}: ${mergers.length}`);

  for (const d of documents) {
    const command = { ...d, occurredAt: startOfDayInVietnam(d.issuedOn) };
    tally(t, await issueDirective(ledger, command, secretariat, seedKey(`directive:${d.code}`, d)));
  }
  progress(`documents: ${documents.length}`);

  let tasks = 0;
  for (const c of clauses) {
    const issuedOn = documents.find((d) => d.code === c.directive)?.issuedOn as string;
    const leads = c.assignment?.leadUnitIds ?? [];
    const input = {
      reference: c.reference,
      text: c.text,
      assignment: c.assignment ?? null,
      taskIds: leads.map((unitId) => seedTaskId(c.directive, c.reference, unitId)),
      occurredAt: startOfDayInVietnam(issuedOn),
    };
    tally(
      t,
      await addClause(
        ledger,
        c.directive,
        input,
        secretariat,
        seedKey(`clause:${c.directive}:${c.reference}`, c),
      ),
    );
    tasks += leads.length;
  }
  progress(`clauses: ${clauses.length}, tasks: ${tasks}`);
}
