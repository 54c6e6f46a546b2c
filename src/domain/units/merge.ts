import { ValidationError } from '../../errors.js';
import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { CommandContext } from '../decider.js';
import { loadState, toNewEvents } from '../handle-command.js';
import { unitDecider } from './decide.js';

/** Several units merged into a successor on a date, by a named decision. */
export interface UnitMerger {
  predecessorIds: string[];
  successorId: string;
  effectiveFrom: string;
  reason: string;
}

/** What a merger answers: the streams it wrote and where the events landed. */
export interface MergerResult {
  successorId: string;
  predecessorIds: string[];
  positions: number[];
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
): Promise<WriteOutcome<MergerResult>> {
  const { predecessorIds, successorId, effectiveFrom, reason } = merger;
  if (predecessorIds.length === 0 || new Set(predecessorIds).size !== predecessorIds.length) {
    throw new ValidationError('a merger needs distinct predecessors', [
      { path: 'predecessorIds', message: 'at least one unit, each named once' },
    ]);
  }
  if (idempotency) {
    const earlier = await ledger.earlier<MergerResult>(idempotency);
    if (earlier) return earlier;
  }
  const streams = [
    {
      id: successorId,
      command: { type: 'AbsorbUnits' as const, unitId: successorId, predecessorIds, effectiveFrom, reason },
    },
    ...predecessorIds.map((id) => ({
      id,
      command: { type: 'MergeInto' as const, unitId: id, successorId, effectiveFrom, reason },
    })),
  ];
  const appends = [];
  for (const { id, command } of streams) {
    const { state, version } = await loadState(ledger, unitDecider, id);
    const decided = unitDecider.decide(command, state, context);
    appends.push({
      streamType: unitDecider.streamType,
      streamId: id,
      expectedVersion: version === 0 ? ('no_stream' as const) : version,
      events: toNewEvents(decided, context),
    });
  }
  return ledger.write(
    appends,
    (result) => ({ successorId, predecessorIds, positions: result.events.map((e) => e.position) }),
    idempotency,
  );
}
