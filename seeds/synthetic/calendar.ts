// SYNTHETIC — the simulated year and Vietnam-time arithmetic on it. Times are epoch milliseconds.
import { daysInMonth } from '../../events/deadline.js';
import type { Random } from './random.js';

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;
// Vietnam keeps UTC+7 all year.
const OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The simulated year: the first twelve months of the two-tier model (from the merger of
 * 2025-07-01), when all 34 provinces and 3,321 commune-level units exist throughout.
 */
export const syntheticMonths: readonly string[] = Array.from({ length: 12 }, (_, i) => {
  const m = 6 + i; // July 2025 is month index 6 of 2025
  return `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

/** The first day of the simulated year. */
export const firstDay = '2025-07-01';
/** The last day of the simulated year. */
export const lastDay = '2026-06-30';

/** Midnight at the start of a date (YYYY-MM-DD) in Vietnam. */
export function dayStart(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) - OFFSET_MS;
}

// Dates are asked for hundreds of thousands of times over a few hundred days: format each once.
const dates = new Map<number, string>();

/** The Vietnam date (YYYY-MM-DD) of an instant. */
export function dateOf(at: number): string {
  const day = Math.floor((at + OFFSET_MS) / DAY_MS);
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return dateOf(dayStart(date) + days * DAY_MS);
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

/** The simulated year begins: every synthetic unit is registered at this instant. */
export const windowStart = dayStart(firstDay);
/** The last instant of the simulated year; nothing is planned after it. */
export const windowEnd = dayStart(lastDay) + DAY_MS - 1;

/** A moment of office hours (08:00–17:59, Vietnam) on the day of `at`. */
export function officeHours(rng: Random, at: number): number {
  const day = dayStart(dateOf(at));
  return day + rng.int(8 * 60, 17 * 60 + 59) * 60_000;
}

/** A moment of office hours `days` after `at` (0 is the same day). */
export function daysLater(rng: Random, at: number, days: number): number {
  return officeHours(rng, at + days * DAY_MS);
}
