import { ValidationError } from '../errors.js';

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
