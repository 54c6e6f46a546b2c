import { NotFoundError } from '../../errors.js';
import type { Idempotency, Ledger, WriteOutcome } from '../../ledger/ledger.js';
import type { StreamAppend } from '../../ledger/types.js';
import type { CommandContext } from '../decider.js';
import { loadState, toNewEvents } from '../handle-command.js';
import { refuseIf } from '../refuse.js';
import { type FlagShortcomingCommand, shortcomingDecider } from './decide.js';
import type { Shortcoming } from './shortcoming.js';

/** What flagging answers: the new shortcoming, its version and state, and where every event landed. */
export interface FlagResult {
  shortcomingId: string;
  version: number;
  state: Shortcoming;
  positions: number[];
}

/**
 * Flags a shortcoming under a new id. A recurrence is recorded on both streams in one append —
 * the new one names the earlier, the earlier lists the new — so neither side exists without the
 * other; a concurrent writer to either stream makes the whole flag a conflict.
 */
export async function flagShortcoming(
  ledger: Ledger,
  shortcomingId: string,
  command: FlagShortcomingCommand,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<FlagResult>> {
  const earlierId = command.recurrenceOf ?? null;
  refuseIf(earlierId === shortcomingId, 'recurrenceOf', 'must name an earlier shortcoming, not itself');
  if (idempotency) {
    const earlier = await ledger.earlier<FlagResult>(idempotency);
    if (earlier) return earlier;
  }
  const { state } = await loadState(ledger, shortcomingDecider, shortcomingId);
  // An id already taken is refused here, as any flagged shortcoming refuses FlagShortcoming; the
  // append still expects no stream, for a writer that takes the id meanwhile.
  const decided = shortcomingDecider.decide(command, state, context);
  const next = decided.reduce((s, d) => shortcomingDecider.evolve(s, d.event), state);
  const appends: StreamAppend[] = [
    {
      streamType: shortcomingDecider.streamType,
      streamId: shortcomingId,
      expectedVersion: 'no_stream',
      events: toNewEvents(decided, context),
    },
  ];
  if (earlierId) appends.push(await recordRecurrence(ledger, earlierId, shortcomingId, command, context));
  return ledger.write(
    appends,
    (result) => ({
      shortcomingId,
      version: decided.length,
      state: next,
      positions: result.events.map((e) => e.position),
    }),
    idempotency,
  );
}

async function recordRecurrence(
  ledger: Ledger,
  earlierId: string,
  recurrenceId: string,
  command: FlagShortcomingCommand,
  context: CommandContext,
): Promise<StreamAppend> {
  const { state, version } = await loadState(ledger, shortcomingDecider, earlierId);
  if (version === 0) {
    throw new NotFoundError(`no shortcoming ${earlierId}`, {
      streamType: shortcomingDecider.streamType,
      streamId: earlierId,
    });
  }
  // A recurrence is named in a report no earlier than the one that named what it repeats.
  const earlierReport = state.report?.date ?? '';
  refuseIf(
    command.supervisionReport.date < earlierReport,
    'supervisionReport.date',
    `must not precede ${earlierReport}, the earlier shortcoming's report`,
  );
  const decided = shortcomingDecider.decide(
    { type: 'RecordRecurrence', recurrenceId, occurredAt: command.occurredAt },
    state,
    context,
  );
  return {
    streamType: shortcomingDecider.streamType,
    streamId: earlierId,
    expectedVersion: version,
    events: toNewEvents(decided, context),
  };
}
