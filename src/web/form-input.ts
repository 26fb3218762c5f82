/**
 * Reading posted forms: text fields, GOV.UK date inputs (three boxes named `<name>-day`, `-month`, `-year`) and the
 * field errors of bad input. One place, so every form reads dates and reports problems the same way.
 */
import { isIsoDate } from '../domain/dates';
import { ValidationError, type FieldError } from '../core/errors';

export type FormBody = Record<string, unknown>;

/** A posted text field ('' when absent or not text). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The ISO date from a date input's three boxes: '' when all are empty; YYYY-MM-DD (zero-padded) when they are digits
 * of the right length; else what was typed, joined, for the service's date check to refuse.
 */
export function dateFromParts(body: FormBody, name: string): string {
  const day = str(body[`${name}-day`]).trim();
  const month = str(body[`${name}-month`]).trim();
  const year = str(body[`${name}-year`]).trim();
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return `${year}-${month}-${day}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A date input's three values to show: what was posted when re-showing a form, else from an ISO date, else empty. */
export function dateParts(body: FormBody | null, name: string, iso?: string | null): { day: string; month: string; year: string } {
  if (body) return { day: str(body[`${name}-day`]), month: str(body[`${name}-month`]), year: str(body[`${name}-year`]) };
  if (!iso || !isIsoDate(iso)) return { day: '', month: '', year: '' };
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
}

/** The field errors of bad input, to show in the error summary; any other error is not the form's to handle. */
export function fieldErrorsOf(e: unknown): FieldError[] {
  if (e instanceof ValidationError) return e.errors;
  throw e;
}
