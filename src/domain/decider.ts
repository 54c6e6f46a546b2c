/** Who issues a command, as the ledger records it. */
export interface Actor {
  id: string;
  role: string;
  /** The unit the actor speaks for, when the data is entered on its behalf. */
  onBehalfOf?: string | null;
}

/** What a decision may use besides the command and the state: time and ids come from outside. */
export interface CommandContext {
  now: Date;
  newId(): string;
  actor: Actor;
}

/** An event a decision produces: type, data, and when it took effect (valid time). */
export interface Decided<E extends { type: string; data: unknown } = { type: string; data: unknown }> {
  event: E;
  occurredAt: Date;
  reason?: string | null;
}

/**
 * One stream type's behaviour: pure functions, no clock, ids or database. `evolve` folds
 * events into state; `decide` turns a command and the state into new events, or throws a
 * domain error.
 */
export interface Decider<C, E extends { type: string; data: unknown }, S> {
  streamType: string;
  initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: CommandContext): Decided<E>[];
}
