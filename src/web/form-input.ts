/**
 * Reading posted forms: text fields, GOV.UK date inputs (three boxes named `<name>-day`, `-month`, `-year`) and the
 * field errors of bad input. One place, so every form reads dates and reports problems the same way.
 */
import type { Request } from 'express';
import busboy from 'busboy';
import { csrfWatch } from './csrf';
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import type { FieldError } from '../core/errors';

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
export function dateParts(
  body: FormBody | null,
  name: string,
  iso?: string | null,
): { day: string; month: string; year: string } {
  if (body)
    return { day: str(body[`${name}-day`]), month: str(body[`${name}-month`]), year: str(body[`${name}-year`]) };
  if (!iso || !isIsoDate(iso)) return { day: '', month: '', year: '' };
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
}

/** The field errors of a failed parse, in the schema's order: an issue's path joined with '.' names its field. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], where = 'form'): FieldError[] {
  return issues.map((i) => ({ field: i.path.length ? i.path.map(String).join('.') : where, message: i.message }));
}

/**
 * Building blocks for form body schemas (`r.page({ body })`). A form posts strings, or nothing for an unticked box
 * or an unchosen radio, so these read like `str()` and leave the rules to the schema's checks and `superRefine`.
 */
export const formText = z.preprocess((v) => str(v), z.string());

/** A group of checkboxes (or a repeated field): always an array of the posted strings. */
export const formList = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? [v] : []),
  z.array(z.string()),
);

/**
 * A form whose date inputs are read as ISO dates: each `<name>-day`, `-month`, `-year` trio becomes `<name>`
 * (by `dateFromParts`: '' when empty, YYYY-MM-DD, or what was typed for the schema's date check to refuse).
 */
export function withDateParts<S extends z.ZodType>(names: readonly string[], schema: S) {
  return z.preprocess((value) => {
    const body: FormBody = { ...((value ?? {}) as FormBody) };
    for (const name of names) {
      const date = dateFromParts(body, name);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a date input's three part fields
      for (const part of ['day', 'month', 'year']) delete body[`${name}-${part}`];
      body[name] = date;
    }
    return body;
  }, schema);
}

/** The largest posted multipart form (long narratives, in UTF-8): urlencoded forms stop at 100 kB. */
export const MAX_MULTIPART_FIELD_BYTES = 2 * 1024 * 1024;

/**
 * The posted fields of a form: urlencoded (already parsed by the app) or multipart (the encoding a form with long
 * text uses, so that it is not cut off by the 100 kB urlencoded limit; its CSRF token is its first field, web/csrf.ts). Files
 * are ignored. `tooLong` names the fields longer than `maxFieldBytes` (cut short).
 */
export async function readForm(
  req: Request,
  maxFieldBytes = MAX_MULTIPART_FIELD_BYTES,
): Promise<{ fields: FormBody; tooLong: string[] }> {
  if (!req.is('multipart/form-data')) return { fields: { ...((req.body ?? {}) as FormBody) }, tooLong: [] };
  const fields: Record<string, string> = {};
  const tooLong: string[] = [];
  const csrf = csrfWatch(req);
  await new Promise<void>((resolve, reject) => {
    const bb = busboy({
      headers: req.headers,
      limits: { files: 0, fields: 500, fieldSize: maxFieldBytes },
    });
    bb.on('field', (name, value, info) => {
      csrf.field(name, value);
      if (info.valueTruncated && !tooLong.includes(name)) tooLong.push(name);
      fields[name] = value;
    });
    bb.on('close', () => {
      resolve();
    });
    bb.on('error', reject);
    req.pipe(bb);
  });
  csrf.end();
  return { fields, tooLong };
}

/**
 * The schema of a filter page's GET query (`r.page({ query })`): strict like a form's body, so a parameter the page
 * does not have is an error that names it, in the error summary with the others.
 */
export function filterQuery<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `This page has no filter called ${issue.keys.join(', ')}` : undefined,
  });
}
