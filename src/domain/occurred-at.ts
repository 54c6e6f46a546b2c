import { ValidationError } from '../errors.js';
import type { CommandContext } from './decider.js';

// Clocks of the entering client and the server disagree a little; beyond that it is the future.
const ALLOWED_SKEW_MS = 5 * 60 * 1000;

/**
 * The valid time of a command's events: when it happened as the command says, else now.
 * Refuses a time in the future (beyond clock skew) with a ValidationError on `occurredAt`.
 */
export function validTime(command: { occurredAt?: Date | null }, context: Pick<CommandContext, 'now'>): Date {
  const at = command.occurredAt ?? context.now;
  if (Number.isNaN(at.getTime())) {
    throw new ValidationError('the time it happened is not a time', [
      { path: 'occurredAt', message: 'not a valid date-time' },
    ]);
  }
  if (at.getTime() > context.now.getTime() + ALLOWED_SKEW_MS) {
    throw new ValidationError('the time it happened is in the future', [
      { path: 'occurredAt', message: `must not be after ${context.now.toISOString()}` },
    ]);
  }
  return at;
}

// Vietnam keeps UTC+7 all year.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in Vietnam at an instant. */
export function dateInVietnam(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
