/**
 * Reading one value the way a person would: dates in the formats councils' systems write, IDs that Excel turned
 * into numbers ("12345.0"), codes with stray spaces, lower case or an Annex A letter prefix ("a) WBRI"). What a
 * person would not recognise as one clear value is refused, and the caller reports where.
 */
import { isIsoDate } from '../../domain/dates';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/**
 * A date as YYYY-MM-DD, or null if the text is not one clear date. Accepted: dd/mm/yyyy (also with - or .
 * and one-digit day or month), yyyy-mm-dd (optionally followed by a time, as XML and databases write),
 * '3 Jan 2025' / '03-Jan-2025', and dd/mm/yyyy followed by a midnight time ('01/04/2025 00:00'). Two-digit years
 * are refused (is 05 1905 or 2005?), as are US-style dates (a month above 12 is not a date).
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  // The usual form, dd/mm/yyyy with two-digit day and month, without a regular expression (what the second one
  // below would make of it).
  if (t.length === 10 && t.charCodeAt(2) === SLASH && t.charCodeAt(5) === SLASH && allDigits(t)) {
    const s = `${t.slice(6)}-${t.slice(3, 5)}-${t.slice(0, 2)}`;
    return isIsoDate(s) ? s : null;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: 00:00(?::00)?)?$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})[\s-](\d{4})$/.exec(t);
  if (m) {
    const month =
      MONTHS[(m[2] as string).toLowerCase().slice(0, (m[2] as string).toLowerCase().startsWith('sept') ? 4 : 3)];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

const SLASH = 0x2f;
const BARE_CODE = /^[A-Za-z0-9]*$/;

/** Whether every character but those at 2 and 5 is an ASCII digit. */
function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    if (i === 2 || i === 5) continue;
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Excel's serial day number (1900 date system, as Annex A workbooks use) as YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // Serial 25569 is 1970-01-01; Excel's fictitious 29 February 1900 (serial 60) makes 1–59 one day off, and
  // no real Annex A date is that early.
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** An identifier: trimmed; a number Excel wrote as 12345.0 becomes 12345; empty → null. */
export function parseId(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d+)\.0+$/.exec(t);
  return m ? (m[1] as string) : t;
}

/** A whole number (also "3.0"); null if blank; NaN if not a whole number. */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d+(\.0+)?$/.test(t)) return Number.NaN;
  return Number.parseInt(t, 10);
}

/**
 * A code as the code list spells it: trimmed, upper case, without an Annex A letter prefix ("a) WBRI",
 * "zz) T4: Temporary…", "b) PR1: Own provision") or a trailing description ("N1 - Abuse or neglect").
 */
export function normaliseCode(text: string): string {
  let t = text.trim();
  // A bare code (letters and digits only, as nearly every value is) has no label to take off.
  if (BARE_CODE.test(t)) return t.toUpperCase();
  t = t.replace(/^[a-z]{1,2}\)\s*/i, '');
  t = t.replace(/^([A-Za-z0-9]+)\s*(?::|\s-\s|\s–\s).*$/s, '$1');
  return t.trim().toUpperCase();
}

/** Yes/no as the returns write it: Y/N, Yes/No, true/false, 1/0, "a) Yes"; null if blank; undefined if unclear. */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text
    .trim()
    .replace(/^[a-z]\)\s*/i, '')
    .toLowerCase();
  if (t === '') return null;
  if (['y', 'yes', 'true', '1'].includes(t)) return true;
  if (['n', 'no', 'false', '0'].includes(t)) return false;
  return undefined;
}

/** A postcode's district (outward code), from a full postcode or a district alone: 'N12 0AB' → 'N12', 'N12' → 'N12'. */
export function postcodeDistrict(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return null;
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}$/.exec(t);
  if (m) return m[1] as string;
  const district = /^([A-Z]{1,2}\d[A-Z\d]?)$/.exec(t);
  return district ? (district[1] as string) : null;
}
