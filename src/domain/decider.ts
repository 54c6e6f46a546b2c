/** Who issues a command, as the ledger records it. */
export interface Actor {
  id: string;
  role: string;
  /** The unit the actor speaks for, when the data is entered on its behalf. */
  onBehalfOf?: string | null;
  /** A readable name for the actor (a token's name), kept beside the id. */
  name?: string | null;
}

/** What a decision may use besides the command and the state: time and ids come from outside. */
export interface CommandContext {
  now: Date;
  newId(): string;
  actor: Actor;
  /** Markers every event of this command carries, e.g. `{ scenario: true }` on illustrative seeds. */
  tags?: Record<string, unknown>;
}

/** An event a decision produces: type, data, and when it took effect (valid time). */
export interface Decided<E extends { type: string; data: unknown } = { type: string; data: unknown }> {
  event: E;
  occurredAt: Date;
  reason?: string | null;
}

/** The `type` tags of a command union. */
export type CommandType<C> = C extends { type: infer T extends string } ? T : never;

/**
 * One stream type's behaviour: pure functions, no clock, ids or database. `evolve` folds
 * events into state; `decide` turns a command and the state into new events, or throws a
 * domain error.
 */
export interface Decider<C, E extends { type: string; data: unknown }, S> {
  streamType: string;
  /** Commands that start a stream; any other command on a stream with no events is a 404. */
  creates: readonly CommandType<C>[];
  initialState: S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: CommandContext): Decided<E>[];
}
