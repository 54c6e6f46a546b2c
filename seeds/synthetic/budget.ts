// SYNTHETIC — how many units, reports, tasks and shortcomings make about N events.

import { syntheticMonths } from './calendar.js';
import { CENTRAL_UNITS, COMMUNE_LEVEL_UNITS } from './units.js';

// Measured averages of the planners (see the report a run prints), to size the items.
const EVENTS_PER_TASK = 5.65;
const EVENTS_PER_SHORTCOMING = 5.6;
// Filed (on time or late) plus the odd correction, per reporting unit and month.
const EVENTS_PER_REPORT = 0.95;
const SHORTCOMING_SHARE = 0.22;
// Monthly reports take at most this share, so that small runs still have tasks and shortcomings.
const REPORT_SHARE = 0.25;
// Below this many events the commune register shrinks in proportion, for tests.
const FULL_REGISTER_FROM = 100_000;
const PROVINCES = 34;

/** The sizes a synthetic run of about `events` events plans for. */
export interface Budget {
  communes: number;
  /** Communes that file monthly reports (the 34 provinces always do). */
  reportingCommunes: number;
  tasks: number;
  shortcomings: number;
}

/** Sizes a run of about `events` events; `communes` overrides the size of the commune register. */
export function budget(events: number, communes?: number): Budget {
  const size =
    communes ??
    (events >= FULL_REGISTER_FROM
      ? COMMUNE_LEVEL_UNITS
      : Math.max(PROVINCES, Math.round((COMMUNE_LEVEL_UNITS * events) / FULL_REGISTER_FROM)));
  // Registrations: the communes, a commission per province, and central units up to ~60.
  const registrations = size + PROVINCES + CENTRAL_UNITS;
  const left = Math.max(0, events - registrations);
  const perReporter = syntheticMonths.length * EVENTS_PER_REPORT;
  const reporters = Math.min(PROVINCES + size, Math.floor((REPORT_SHARE * left) / perReporter));
  const rest = Math.max(0, left - reporters * perReporter);
  return {
    communes: size,
    reportingCommunes: Math.max(0, reporters - PROVINCES),
    tasks: Math.round(((1 - SHORTCOMING_SHARE) * rest) / EVENTS_PER_TASK),
    shortcomings: Math.round((SHORTCOMING_SHARE * rest) / EVENTS_PER_SHORTCOMING),
  };
}
