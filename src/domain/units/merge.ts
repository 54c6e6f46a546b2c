import { ValidationError } from '../../errors.js';
import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { CommandContext } from '../decider.js';
import { loadState, requireStream, toNewEvents } from '../handle-command.js';
import { type UnitCommand, unitDecider } from './decide.js';

/** Several units merged into a successor on a date, by a named decision. */
export interface UnitMerger {
  predecessorIds: string[];
  successorId: string;
  effectiveFrom: string;
  reason: string;
}

/** One unit split into several successors on a date; `obligationsTo` answers for its open work. */
export interface UnitSplit {
  predecessorId: string;
  successorIds: string[];
  obligationsTo: string;
  effectiveFrom: string;
  reason: string;
}

/** What a reorganisation answers: the streams it wrote and where the events landed. */
export interface ReorganisationResult {
  predecessorIds: string[];
  successorIds: string[];
  positions: number[];
}

function distinct(ids: string[], path: string, minimum: number): void {
  if (ids.length < minimum || new Set(ids).size !== ids.length) {
    throw new ValidationError('a reorganisation needs distinct units', [
      { path, message: `at least ${minimum} unit(s), each named once` },
    ]);
  }
}

/**
 * Records a merger atomically across streams: each predecessor records the successor it went
 * into, the successor records what it absorbed, all in one append or none. Each stream's own
 * decider still rules (a unit already merged or dissolved refuses), and a concurrent writer to
 * any of them makes the whole merger a conflict.
 */
export async function mergeUnits(
  ledger: Ledger,
  merger: UnitMerger,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<ReorganisationResult>> {
  const { predecessorIds, successorId, effectiveFrom, reason } = merger;
  distinct(predecessorIds, 'predecessorIds', 1);
  return reorganise(
    ledger,
    [
      [successorId, { type: 'AbsorbUnits', unitId: successorId, predecessorIds, effectiveFrom, reason }],
      ...predecessorIds.map((id): [string, UnitCommand] => [
        id,
        { type: 'MergeInto', unitId: id, successorId, effectiveFrom, reason },
      ]),
    ],
    { predecessorIds, successorIds: [successorId] },
    context,
    idempotency,
  );
}

/** Records a split atomically: the predecessor names its successors, each successor its origin. */
export async function splitUnit(
  ledger: Ledger,
  split: UnitSplit,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<ReorganisationResult>> {
  const { predecessorId, successorIds, obligationsTo, effectiveFrom, reason } = split;
  distinct(successorIds, 'successorIds', 2);
  return reorganise(
    ledger,
    [
      [
        predecessorId,
        { type: 'SplitInto', unitId: predecessorId, successorIds, obligationsTo, effectiveFrom, reason },
      ],
      ...successorIds.map((id): [string, UnitCommand] => [
        id,
        { type: 'SplitFrom', unitId: id, predecessorId, effectiveFrom, reason },
      ]),
    ],
    { predecessorIds: [predecessorId], successorIds },
    context,
    idempotency,
  );
}

async function reorganise(
  ledger: Ledger,
  commands: [string, UnitCommand][],
  units: Omit<ReorganisationResult, 'positions'>,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<ReorganisationResult>> {
  if (idempotency) {
    const earlier = await ledger.earlier<ReorganisationResult>(idempotency);
    if (earlier) return earlier;
  }
  const appends = [];
  for (const [id, command] of commands) {
    const { state, version } = await loadState(ledger, unitDecider, id);
    requireStream(unitDecider as never, id, version, command);
    const decided = unitDecider.decide(command, state, context);
    appends.push({
      streamType: unitDecider.streamType,
      streamId: id,
      expectedVersion: version,
      events: toNewEvents(decided, context),
    });
  }
  return ledger.write(
    appends,
    (result) => ({ ...units, positions: result.events.map((e) => e.position) }),
    idempotency,
  );
}
