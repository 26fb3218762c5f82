/**
 * Dates as Ofsted's reports and letters write them: "10 to 14 June 2024", "13 May to 24 May 2019",
 * "28 November 2022 to 9 December 2022", "24 April 2017 – 18 May 2017", "5 and 6 March 2019", "between 4 and 8 June
 * 2018", "on 31 January and 1 February 2024", "20 January 2015 – 11 February 2015", "21 December 2017". Pure.
 */

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export interface DateRange {
  start: string;
  end: string;
}

function monthOf(word: string | undefined): number | null {
  if (!word) return null;
  return MONTHS[word.toLowerCase()] ?? null;
}

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH = String.raw`([A-Za-z]{3,9})`;
const YEAR = String.raw`(\d{4})`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?`;
const JOIN = String.raw`\s*(?:to|–|—|-|and|until|till)\s*`;

/** "D [Month] [Year] to D Month Year": the first date range in the text, or null. */
export function findDateRange(text: string): DateRange | null {
  const re = new RegExp(
    `${WEEKDAY}${DAY}(?:\\s+${MONTH})?(?:\\s+${YEAR})?${JOIN}${WEEKDAY}${DAY}\\s+${MONTH},?\\s+${YEAR}`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const [, d1, m1, y1, d2, m2, y2] = m;
    const endMonth = monthOf(m2);
    if (endMonth === null) continue;
    if (m1 !== undefined && monthOf(m1) === null) continue;
    const endYear = Number(y2);
    const startMonth = m1 !== undefined ? (monthOf(m1) ?? endMonth) : endMonth;
    const startYear = y1 !== undefined ? Number(y1) : startMonth > endMonth ? endYear - 1 : endYear;
    const start = iso(startYear, startMonth, Number(d1));
    const end = iso(endYear, endMonth, Number(d2));
    if (start && end && start <= end) return { start, end };
  }
  return null;
}

/** The first single date "D Month Year" in the text, or null. */
export function findDate(text: string): string | null {
  const re = new RegExp(`${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'g');
  for (const m of text.matchAll(re)) {
    const month = monthOf(m[2]);
    if (month === null) continue;
    const date = iso(Number(m[3]), month, Number(m[1]));
    if (date) return date;
  }
  return null;
}

/** A range if there is one, else a single date as a one-day range. */
export function findDates(text: string): DateRange | null {
  const range = findDateRange(text);
  if (range) return range;
  const one = findDate(text);
  return one ? { start: one, end: one } : null;
}

/** Calendar days from start to end (0 for the same day). */
export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}
