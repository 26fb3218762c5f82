/**
 * The time windows Annex A's inclusion rules and derived columns speak of (data-standards.md §2 "Scope of each
 * list"), as pure functions of the as-at date (the first day of the inspection, or whatever date is asked for).
 *
 * Decisions (Ofsted's text says only "in the six months before the inspection"):
 * - "the N months before the as-at date" is the day after the same date N months earlier up to and including the
 *   as-at date: as at 31 March 2026, six months is 1 October 2025 – 31 March 2026 (addMonths clamps 31st to 30th).
 * - "at inspection" means open at the as-at date: started on or before it and not ended on or before it.
 * - Nothing after the as-at date exists: a date later than it is treated as not yet happened (blank).
 */
import { addDays, addMonths } from '../../../domain/working-days';

export interface Window {
  from: string;
  to: string;
}

/** The `months` months ending on (and including) `asAt`. */
export function monthsBefore(asAt: string, months: number): Window {
  return { from: addDays(addMonths(asAt, -months), 1), to: asAt };
}

export function within(date: string | null | undefined, w: Window): boolean {
  return date !== null && date !== undefined && date >= w.from && date <= w.to;
}

/** Open at the as-at date: started on or before it, and not ended on or before it. */
export function openAt(start: string | null | undefined, end: string | null | undefined, asAt: string): boolean {
  return start !== null && start !== undefined && start <= asAt && (end === null || end === undefined || end > asAt);
}

/** A date as it stood at the as-at date: null when it is later (it had not happened yet). */
export function asOf(date: string | null | undefined, asAt: string): string | null {
  return date === null || date === undefined || date > asAt ? null : date;
}

/**
 * Age in whole years at the last birthday on or before `asAt` (a child born on 29 February has their birthday on
 * 28 February in other years); -1 for a child not yet born (data-standards.md §1 "Annex A age"); null when the
 * date of birth is not known.
 */
export function ageAt(dateOfBirth: string | null, asAt: string, unborn = false): number | null {
  if (dateOfBirth === null) return unborn ? -1 : null;
  if (dateOfBirth > asAt) return -1;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asAt.split('-').map(Number) as [number, number, number];
  let age = ay - by;
  const birthdayDay = bm === 2 && bd === 29 ? 28 : bd;
  const hadBirthday = am > bm || (am === bm && ad >= (bm === 2 && bd === 29 && isLeap(ay) ? 29 : birthdayDay));
  if (!hadBirthday) age--;
  return age;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
