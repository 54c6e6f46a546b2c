// Vietnam keeps UTC+7 all year: a date takes effect at midnight there.
const VIETNAM_OFFSET = '+07:00';

/** The instant an effective date (YYYY-MM-DD) begins in Vietnam: the event's valid time. */
export function startOfDayInVietnam(date: string): Date {
  return new Date(`${date}T00:00:00${VIETNAM_OFFSET}`);
}
