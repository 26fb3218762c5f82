/**
 * The time windows Annex A's inclusion rules and derived columns speak of (Ofsted's wording for each list, as quoted
 * in Data to Insight's SSD Annex A extraction SQL), as pure functions of the as-at date (the first day of the inspection, or whatever date is asked for).
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

export { annexAAge as ageAt } from '../../annex-a/age';
