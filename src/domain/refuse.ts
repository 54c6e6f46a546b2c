import { InvalidStateError, ValidationError } from '../errors.js';

/** Throws a ValidationError on one field when `failed`. */
export function refuseIf(failed: boolean, path: string, message: string): void {
  if (failed) throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/** The text with its ends trimmed; refuses a missing or blank one on `path`. */
export function requireText(value: string | null | undefined, path: string): string {
  const trimmed = value?.trim() ?? '';
  refuseIf(trimmed === '', path, 'is required');
  return trimmed;
}

/** Whether a list names some value twice. */
export function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

/**
 * Refuses a command the stream's state does not allow (409), naming the state and what it
 * does allow; `allowed` is each stream type's table of state → commands.
 */
export function requireAllowed<S extends string, C extends string>(
  noun: string,
  allowed: Record<S, readonly C[]>,
  state: S,
  command: C,
): void {
  if (!allowed[state].includes(command)) {
    throw new InvalidStateError(`a ${noun} that is ${state} cannot take ${command}`, {
      state,
      allowedCommands: allowed[state],
    });
  }
}
