/**
 * Calendar dates as ISO strings (YYYY-MM-DD), checked strictly: 2026-02-30 is not a date. Years before 100 are not
 * dates either (as JavaScript's Date.UTC reads them as 1900–1999). Hand-written rather than a regular expression and
 * a Date: every date of every imported row passes through here, several times.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : (DAYS_IN_MONTH[m - 1] ?? 0));
}

/**
 * Orders two date texts as localeCompare orders them, quickly where both have the shape YYYY-MM-DD (digits and
 * hyphens in the same places, where the collation's order is the characters' order); any other text goes to
 * localeCompare itself. For sorting rows by date: the sorts of a large return compare dates millions of times.
 */
export function compareDateText(a: string, b: string): number {
  if (isoShaped(a) && isoShaped(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

function isoShaped(value: string): boolean {
  return (
    value.length === 10 &&
    value.charCodeAt(4) === 45 &&
    value.charCodeAt(7) === 45 &&
    digits(value, 0, 4) >= 0 &&
    digits(value, 5, 7) >= 0 &&
    digits(value, 8, 10) >= 0
  );
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits from `start` to `end`, or -1 when one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2024-03-05" → "5 March 2024": the GOV.UK style for dates in words. A timestamp's date part is used
 * ("2024-03-05T10:00:00Z" → "5 March 2024"); no date gives ""; text that is not a date comes back as it is.
 */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}
