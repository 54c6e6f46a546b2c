import { NotFoundError } from '../errors.js';
import type { Idempotency, Ledger, WriteOutcome } from '../ledger/ledger.js';
import type { NewEvent } from '../ledger/types.js';
import type { CommandContext, Decided, Decider } from './decider.js';

/** What a command answers: the stream, its new version and state, and where the events landed. */
export interface CommandResult<S> {
  streamId: string;
  version: number;
  state: S;
  positions: number[];
}

/** Loads a stream and folds it into state with the decider. */
export async function loadState<C, E extends { type: string; data: unknown }, S>(
  ledger: Ledger,
  decider: Decider<C, E, S>,
  streamId: string,
): Promise<{ state: S; version: number }> {
  const history = await ledger.store.readStream(decider.streamType, streamId);
  const state = history.reduce(
    (s, e) => decider.evolve(s, { type: e.type, data: e.data } as E),
    decider.initialState,
  );
  return { state, version: history.length };
}

/** Turns decisions into ledger events carrying the actor, the reason and the valid time. */
export function toNewEvents<E extends { type: string; data: unknown }>(
  decided: readonly Decided<E>[],
  context: CommandContext,
): NewEvent[] {
  return decided.map((d) => ({
    eventId: context.newId(),
    type: d.event.type,
    data: d.event.data,
    metadata: {
      actor: context.actor.id,
      role: context.actor.role,
      onBehalfOf: context.actor.onBehalfOf ?? null,
      reason: d.reason ?? null,
      occurredAt: d.occurredAt,
      tags: tagsOf(context),
    },
  }));
}

function tagsOf(context: CommandContext): Record<string, unknown> | undefined {
  const tags = { ...context.tags, ...(context.actor.name ? { actorName: context.actor.name } : {}) };
  return Object.keys(tags).length ? tags : undefined;
}

/** Refuses a command on a stream that does not exist unless the command starts one. */
export function requireStream<C extends { type: string }>(
  decider: Decider<C, { type: string; data: unknown }, unknown>,
  streamId: string,
  version: number,
  command: C,
): void {
  if (version === 0 && !(decider.creates as readonly string[]).includes(command.type)) {
    throw new NotFoundError(`no ${decider.streamType} ${streamId}`, {
      streamType: decider.streamType,
      streamId,
    });
  }
}

/**
 * Runs one command on one stream: answer a retry from its idempotency key, else load, decide,
 * and append at the version it was decided on (a concurrent writer makes it a
 * ConcurrencyError), projections applied in the same transaction.
 */
export async function handleCommand<C, E extends { type: string; data: unknown }, S>(
  ledger: Ledger,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  idempotency?: Idempotency,
): Promise<WriteOutcome<CommandResult<S>>> {
  if (idempotency) {
    const earlier = await ledger.earlier<CommandResult<S>>(idempotency);
    if (earlier) return earlier;
  }
  const { state, version } = await loadState(ledger, decider, streamId);
  requireStream(decider as never, streamId, version, command as { type: string });
  const decided = decider.decide(command, state, context);
  const next = decided.reduce((s, d) => decider.evolve(s, d.event), state);
  return ledger.write(
    [
      {
        streamType: decider.streamType,
        streamId,
        expectedVersion: version === 0 ? 'no_stream' : version,
        events: toNewEvents(decided, context),
      },
    ],
    (result) => ({
      streamId,
      version: version + decided.length,
      state: next,
      positions: result.events.map((e) => e.position),
    }),
    idempotency,
  );
}
