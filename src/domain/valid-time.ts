// Vietnam keeps UTC+7 all year: a date takes effect at midnight there.
const VIETNAM_OFFSET = '+07:00';

// Parsing a date string costs about a microsecond, and a view of a province asks it for the
// same few hundred dates thousands of times; the instants are remembered, a bounded number.
const starts = new Map<string, number>();
const REMEMBERED = 5000;

/** The instant an effective date (YYYY-MM-DD) begins in Vietnam: the event's valid time. */
export function startOfDayInVietnam(date: string): Date {
  return new Date(startOfDayInVietnamMs(date));
}

/** The same instant in epoch milliseconds (NaN for a string that is not a date). */
export function startOfDayInVietnamMs(date: string): number {
  let ms = starts.get(date);
  if (ms === undefined) {
    ms = new Date(`${date}T00:00:00${VIETNAM_OFFSET}`).getTime();
    if (starts.size >= REMEMBERED) starts.clear();
    starts.set(date, ms);
  }
  return ms;
}
