/**
 * Calendar and working-day arithmetic for statutory timescales (timescales.ts).
 *
 * A working day is a weekday that is not an England and Wales bank holiday (see bank-holidays.ts).
 *
 * Counting convention: the start day is day 0. "The Nth working day after D" is the date reached after N working
 * days following D: the first working day strictly after D is the 1st, the next the 2nd, and so on. So an ICPC
 * held on `addWorkingDays(strategyDate, 15)` is on time, and one a working day later is late. D itself need not
 * be a working day. (The DfE CIN validator, csc-validator-be-cin, counts the start date as day 1, so Lantern
 * allows one working day more than a count in that style; the convention is stated wherever a timescale is shown.)
 *
 * Dates are ISO strings (YYYY-MM-DD) at the edges. Internally, and for callers that do millions of sums (the
 * synthetic generator), a date is a day number: whole days since 1970-01-01.
 */
import { isBankHoliday } from './bank-holidays';

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 of an ISO date. */
export function toDayNumber(isoDate: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`Not an ISO date (YYYY-MM-DD): ${isoDate}`);
  const t = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
  const day = t / MS_PER_DAY;
  if (fromDayNumber(day) !== isoDate) throw new Error(`Not a calendar date: ${isoDate}`);
  return day;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday.
}

export function isWorkingDayNumber(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !isBankHoliday(fromDayNumber(day));
}

export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(toDayNumber(isoDate));
}

/** The date `days` calendar days after (or, if negative, before) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/**
 * The same day `months` calendar months later, or the month's last day when it has no such day
 * (31 January + 1 month = 28 or 29 February). Used for "within 3 months" and "every 6 months".
 */
export function addMonths(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1 + months;
  const d = Number(isoDate.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Year, month (1–12) and day of a day number, and back: Howard Hinnant's `civil_from_days` and
 * `days_from_civil` algorithms for the proleptic Gregorian calendar ("chrono-Compatible Low-Level Date
 * Algorithms", public domain). Pure integer arithmetic, for callers that do millions of sums.
 */
export function civilFromDays(day: number): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day-number form of addMonths (same clamping to the end of a short month). */
export function addMonthsToDayNumber(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last =
    daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
  return daysFromCivil(year, month, Math.min(d, last));
}

/** The Nth working day after an ISO date (N ≥ 0; N = 0 gives the date itself). */
export function addWorkingDays(isoDate: string, n: number): string {
  return fromDayNumber(addWorkingDaysToDayNumber(toDayNumber(isoDate), n));
}

export function addWorkingDaysToDayNumber(day: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Working days must be a whole number ≥ 0, not ${n}`);
  let d = day;
  for (let left = n; left > 0;) {
    d += 1;
    if (isWorkingDayNumber(d)) left -= 1;
  }
  return d;
}

/**
 * Working days from `from` to `to`: how many working days fall after `from` up to and including `to`, so that
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative (counted the same way backwards) when `to` is
 * before `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  return workingDaysBetweenDayNumbers(toDayNumber(from), toDayNumber(to));
}

export function workingDaysBetweenDayNumbers(from: number, to: number): number {
  if (to < from) return -workingDaysBetweenDayNumbers(to, from);
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDayNumber(d)) n++;
  return n;
}

/** True when `end` is no later than the Nth working day after `start`. */
export function withinWorkingDays(start: string, end: string, n: number): boolean {
  return end <= addWorkingDays(start, n);
}

/**
 * The same arithmetic over a fixed span of days, precomputed into arrays so that each sum is one or two array
 * reads. Outside the span it falls back to the functions above, so results never depend on the span.
 */
export class WorkingDayCalendar {
  private readonly first: number;
  private readonly last: number;
  /** rank[d - first] = working days in [first, d]. */
  private readonly rank: Int32Array;
  /** The working days of the span, in order. */
  private readonly days: Int32Array;

  constructor(firstDay: number, lastDay: number) {
    this.first = firstDay;
    this.last = lastDay;
    const length = lastDay - firstDay + 1;
    this.rank = new Int32Array(length);
    const days: number[] = [];
    for (let i = 0; i < length; i++) {
      if (isWorkingDayNumber(firstDay + i)) days.push(firstDay + i);
      this.rank[i] = days.length;
    }
    this.days = Int32Array.from(days);
  }

  isWorkingDay(day: number): boolean {
    if (day < this.first || day > this.last) return isWorkingDayNumber(day);
    const i = day - this.first;
    return this.rank[i] !== (i === 0 ? 0 : this.rank[i - 1]);
  }

  /** The Nth working day after `day` (N ≥ 0). */
  addWorkingDays(day: number, n: number): number {
    if (day >= this.first && day <= this.last) {
      const target = (this.rank[day - this.first] as number) + n - 1;
      if (n === 0) return day;
      if (target < this.days.length) return this.days[target] as number;
    }
    return addWorkingDaysToDayNumber(day, n);
  }

  /** As workingDaysBetween. */
  between(from: number, to: number): number {
    if (from >= this.first && to >= this.first && from <= this.last && to <= this.last) {
      return (this.rank[to - this.first] as number) - (this.rank[from - this.first] as number);
    }
    return workingDaysBetweenDayNumbers(from, to);
  }

  /** The first working day on or after `day`. */
  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }
}
