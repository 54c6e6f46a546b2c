/** The one error hierarchy; the HTTP error handler maps each kind to a status once. */
export abstract class OversightError extends Error {
  abstract readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** A field failed validation; `issues` names each field and why. */
export class ValidationError extends OversightError {
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message, { issues });
  }
}

/** Something asked for by id does not exist. */
export class NotFoundError extends OversightError {
  readonly code = 'not_found';
}

/** Another writer got to the stream first (optimistic concurrency). */
export class ConcurrencyError extends OversightError {
  readonly code = 'concurrency_conflict';
}

/** The command is not allowed in the current state of the stream. */
export class InvalidStateError extends OversightError {
  readonly code = 'invalid_state';
}

/** An idempotency key was reused with a different request. */
export class IdempotencyKeyReusedError extends OversightError {
  readonly code = 'idempotency_key_reused';
}

/** No valid credentials. */
export class UnauthenticatedError extends OversightError {
  readonly code = 'unauthenticated';
}

/** Valid credentials, but outside the caller's rights. */
export class ForbiddenError extends OversightError {
  readonly code = 'forbidden';
}
