import { dateInVietnam } from '../../src/domain/occurred-at.js';
import type { RecordedEvent } from '../../src/ledger/types.js';

/** A status change on an item: when it happened (valid time), where it was recorded, to what. */
export type Transition = [occurredAt: string, position: number, status: string];

/** Where an item came from: the illustrative scenario, the synthetic data set, or neither. */
export interface Provenance {
  scenario: boolean;
  synthetic: boolean;
}

/** The provenance an item takes from the event that created it. */
export function provenanceOf(e: RecordedEvent): Provenance {
  return { scenario: e.tags.scenario === true, synthetic: e.tags.synthetic === true };
}

/**
 * An item any illustrative or synthetic event touched is marked so from then on: a real task
 * with an illustrative completion is not a real completion.
 */
export function touchedBy(doc: Provenance, e: RecordedEvent): Provenance {
  const mark = provenanceOf(e);
  return { scenario: doc.scenario || mark.scenario, synthetic: doc.synthetic || mark.synthetic };
}

/** The event's valid time as a calendar date in Vietnam. */
export function dayOf(e: RecordedEvent): string {
  return dateInVietnam(e.occurredAt);
}

/** The transition an event makes to `status`. */
export function transition(e: RecordedEvent, status: string): Transition {
  return [e.occurredAt.toISOString(), e.position, status];
}

// Views list items; the full text stays on the item's own page and in its events.
const CLIP = 240;

/** A long text cut for lists, with an ellipsis when cut. */
export function clip(text: string): string {
  return text.length <= CLIP ? text : `${text.slice(0, CLIP - 1)}…`;
}

/** An item that moves through statuses: its status, transitions and provenance. */
export interface Tracked extends Provenance {
  status: string;
  transitions: Transition[];
}

/**
 * The item after an event: `change` applied, the status set (a transition recorded only when
 * it changes), and the event's provenance marks added.
 */
export function advance<D extends Tracked>(
  doc: D,
  e: RecordedEvent,
  status: string,
  change: Partial<D> = {},
): D {
  // A copy changed in place: spreading the change and the marks in as well made a rebuild's
  // every version cost half as much again.
  const next = { ...doc };
  for (const key in change) (next as Record<string, unknown>)[key] = change[key];
  next.scenario = doc.scenario || e.tags.scenario === true;
  next.synthetic = doc.synthetic || e.tags.synthetic === true;
  next.status = status;
  if (status !== doc.status) next.transitions = [...doc.transitions, transition(e, status)];
  return next;
}
