/**
 * The 903 records missing episodes by date only; Lantern keeps instants. A 903 date becomes 00:00 in
 * Europe/London that day (23:00 UTC the day before in summer time), and an instant is written as its London date.
 */
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** Each date's London midnight in milliseconds, worked out once: a return holds few distinct dates. */
const midnights = new Map<string, number>();

/** Midnight at the start of the London day `isoDate`. */
export function londonMidnight(isoDate: string): Date {
  let ms = midnights.get(isoDate);
  if (ms === undefined) {
    const utcMidnight = new Date(`${isoDate}T00:00:00Z`);
    // London is UTC or UTC+1; at UTC midnight the London clock reads 00 (GMT) or 01 (BST).
    const offsetHours = Number(londonHour.format(utcMidnight));
    ms = utcMidnight.getTime() - offsetHours * 3_600_000;
    if (midnights.size >= 100_000) midnights.clear();
    midnights.set(isoDate, ms);
  }
  return new Date(ms);
}

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDateOf(instant: Date): string {
  return londonDate.format(instant);
}
