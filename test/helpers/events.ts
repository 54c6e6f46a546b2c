import { v7 as uuidv7 } from 'uuid';
import type { ExpectedVersion, NewEvent, StreamAppend } from '../../src/ledger/types.js';

/** Metadata of a secretariat clerk recording on 2025-08-01 (the day 183-KL/TW was issued). */
export const clerk = {
  actor: 'secretariat-clerk',
  role: 'secretariat',
  occurredAt: new Date('2025-08-01T09:00:00.000Z'),
};

/** A new event of `type` with fresh id and the clerk's metadata. */
export function event(type: string, data: unknown, metadata = clerk): NewEvent {
  return { eventId: uuidv7(), type, data, metadata };
}

/** A task assignment under a clause of 183-KL/TW. */
export function taskAssigned(unit: string, clause = '3.(1)(i)', deadline: string | null = '2025-08-31') {
  return event('TaskAssigned', { clause, unit, deadline });
}

/** One stream's append. */
export function toStream(
  streamId: string,
  expectedVersion: ExpectedVersion,
  ...events: NewEvent[]
): StreamAppend {
  // Not a domain stream type: the domain's projections never see the fixture's events.
  return { streamType: 'fixture_task', streamId, expectedVersion, events };
}
