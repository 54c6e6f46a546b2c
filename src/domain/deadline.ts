import { type Deadline, daysInMonth } from '../../events/deadline.js';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(month: string): string {
  return `${month}-${pad(daysInMonth(month))}`;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${pad(m + 1)}`;
}

// A day beyond the month's end ("by the 31st" in September) falls on its last day.
function clampedDay(month: string, day: number): string {
  return `${month}-${pad(Math.min(day, daysInMonth(month)))}`;
}

/**
 * The last day (YYYY-MM-DD) by which the deadline is met: a week ends on day 7n or the month's
 * end; a recurring day is the next occurrence on or after `onOrAfter` (null without it); no
 * deadline is null.
 */
export function dueDate(deadline: Deadline, onOrAfter?: string): string | null {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'week': {
      const end = Math.min(7 * deadline.week, daysInMonth(deadline.month));
      return `${deadline.month}-${pad(end)}`;
    }
    case 'month':
      return lastDayOf(deadline.month);
    case 'recurring_monthly': {
      if (!onOrAfter) return null;
      const month = onOrAfter.slice(0, 7);
      const thisMonth = clampedDay(month, deadline.dayOfMonth);
      // ISO dates compare as text.
      return thisMonth >= onOrAfter ? thisMonth : clampedDay(nextMonth(month), deadline.dayOfMonth);
    }
    case 'none':
      return null;
  }
}

const weekNames = ['first', 'second', 'third', 'fourth', 'fifth'] as const;

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The deadline in plain English, e.g. "by 2025-08-31" or "by the 25th of every month". */
export function describeDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case 'date':
      return `by ${deadline.date}`;
    case 'week':
      return `${weekNames[deadline.week - 1] ?? `week ${deadline.week}`} week of ${deadline.month}`;
    case 'month':
      return `by the end of ${deadline.month}`;
    case 'recurring_monthly':
      return `by the ${ordinal(deadline.dayOfMonth)} of every month`;
    case 'none':
      return 'no deadline';
  }
}
