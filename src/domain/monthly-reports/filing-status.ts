import { startOfDayInVietnamMs } from '../valid-time.js';

/** Whether a unit's monthly report came in by its due date, as seen at `now`. */
export type FilingStatus = 'on_time' | 'late' | 'missing' | 'not_yet_due';

const DAY_MS = 24 * 60 * 60 * 1000;
// Vietnam keeps UTC+7 all year, so its calendar is UTC shifted by seven hours.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The instant a due date (YYYY-MM-DD) has passed: the end of that day in Vietnam. */
export function deadlineOf(dueOn: string): Date {
  return new Date(startOfDayInVietnamMs(dueOn) + DAY_MS);
}

/** The month (YYYY-MM) an instant falls in, on Vietnam's calendar. */
export function periodInVietnam(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * On time or late, derived and never entered: a report filed before the end of its due day in
 * Vietnam is on time, after it late; an unfiled one is missing once that day is over, else not
 * yet due. A filing after `now` is not known at `now`, so a view as of an earlier day (a
 * meeting's) treats it as not filed.
 */
export function filingStatus(dueOn: string, filedAt: Date | null, now: Date): FilingStatus {
  const deadline = deadlineOf(dueOn).getTime();
  if (filedAt && filedAt.getTime() <= now.getTime()) {
    return filedAt.getTime() < deadline ? 'on_time' : 'late';
  }
  return now.getTime() < deadline ? 'not_yet_due' : 'missing';
}
