/**
 * England and Wales bank holidays: Lantern's own table of the dates (public fact, as published on GOV.UK
 * `https://www.gov.uk/bank-holidays.json`, division `england-and-wales`), plus the standing rules for years the
 * table does not cover.
 *
 * Working days in statutory timescales exclude Saturdays, Sundays and these dates (Lantern's rule for every timescale,
 * as SI 2007/462 reg 1(2) defines a working day for inspection reports). Christmas Day
 * and Good Friday are common-law holidays rather than bank holidays, but GOV.UK lists them and every children's
 * services timescale treats them as non-working days, so they are in the table.
 *
 * When a holiday falls at a weekend a substitute weekday is given; the table holds the substitute date (the date
 * that is not a working day), which is how GOV.UK publishes it. Years outside the table fall back to the standing
 * rules (`bankHolidaysByStandingRules`), which cannot know of one-off holidays (jubilees, state funerals,
 * coronations) or moved days (VE day 2020); refresh the table from GOV.UK's file with `parseGovUkBankHolidays`.
 */

export interface BankHoliday {
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly title: string;
}

/** England and Wales, 2010–2028. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: '2010-01-01', title: 'New Year’s Day' },
  { date: '2010-04-02', title: 'Good Friday' },
  { date: '2010-04-05', title: 'Easter Monday' },
  { date: '2010-05-03', title: 'Early May bank holiday' },
  { date: '2010-05-31', title: 'Spring bank holiday' },
  { date: '2010-08-30', title: 'Summer bank holiday' },
  { date: '2010-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2010-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2011-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2011-04-22', title: 'Good Friday' },
  { date: '2011-04-25', title: 'Easter Monday' },
  { date: '2011-04-29', title: 'Royal wedding' },
  { date: '2011-05-02', title: 'Early May bank holiday' },
  { date: '2011-05-30', title: 'Spring bank holiday' },
  { date: '2011-08-29', title: 'Summer bank holiday' },
  { date: '2011-12-26', title: 'Boxing Day' },
  { date: '2011-12-27', title: 'Christmas Day (substitute day)' },

  { date: '2012-01-02', title: 'New Year’s Day (substitute day)' },
  { date: '2012-04-06', title: 'Good Friday' },
  { date: '2012-04-09', title: 'Easter Monday' },
  { date: '2012-05-07', title: 'Early May bank holiday' },
  { date: '2012-06-04', title: 'Spring bank holiday (moved)' },
  { date: '2012-06-05', title: 'Queen’s Diamond Jubilee' },
  { date: '2012-08-27', title: 'Summer bank holiday' },
  { date: '2012-12-25', title: 'Christmas Day' },
  { date: '2012-12-26', title: 'Boxing Day' },

  { date: '2013-01-01', title: 'New Year’s Day' },
  { date: '2013-03-29', title: 'Good Friday' },
  { date: '2013-04-01', title: 'Easter Monday' },
  { date: '2013-05-06', title: 'Early May bank holiday' },
  { date: '2013-05-27', title: 'Spring bank holiday' },
  { date: '2013-08-26', title: 'Summer bank holiday' },
  { date: '2013-12-25', title: 'Christmas Day' },
  { date: '2013-12-26', title: 'Boxing Day' },

  { date: '2014-01-01', title: 'New Year’s Day' },
  { date: '2014-04-18', title: 'Good Friday' },
  { date: '2014-04-21', title: 'Easter Monday' },
  { date: '2014-05-05', title: 'Early May bank holiday' },
  { date: '2014-05-26', title: 'Spring bank holiday' },
  { date: '2014-08-25', title: 'Summer bank holiday' },
  { date: '2014-12-25', title: 'Christmas Day' },
  { date: '2014-12-26', title: 'Boxing Day' },

  { date: '2015-01-01', title: 'New Year’s Day' },
  { date: '2015-04-03', title: 'Good Friday' },
  { date: '2015-04-06', title: 'Easter Monday' },
  { date: '2015-05-04', title: 'Early May bank holiday' },
  { date: '2015-05-25', title: 'Spring bank holiday' },
  { date: '2015-08-31', title: 'Summer bank holiday' },
  { date: '2015-12-25', title: 'Christmas Day' },
  { date: '2015-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2016-01-01', title: 'New Year’s Day' },
  { date: '2016-03-25', title: 'Good Friday' },
  { date: '2016-03-28', title: 'Easter Monday' },
  { date: '2016-05-02', title: 'Early May bank holiday' },
  { date: '2016-05-30', title: 'Spring bank holiday' },
  { date: '2016-08-29', title: 'Summer bank holiday' },
  { date: '2016-12-26', title: 'Boxing Day' },
  { date: '2016-12-27', title: 'Christmas Day (substitute day)' },

  { date: '2017-01-02', title: 'New Year’s Day (substitute day)' },
  { date: '2017-04-14', title: 'Good Friday' },
  { date: '2017-04-17', title: 'Easter Monday' },
  { date: '2017-05-01', title: 'Early May bank holiday' },
  { date: '2017-05-29', title: 'Spring bank holiday' },
  { date: '2017-08-28', title: 'Summer bank holiday' },
  { date: '2017-12-25', title: 'Christmas Day' },
  { date: '2017-12-26', title: 'Boxing Day' },

  { date: '2018-01-01', title: 'New Year’s Day' },
  { date: '2018-03-30', title: 'Good Friday' },
  { date: '2018-04-02', title: 'Easter Monday' },
  { date: '2018-05-07', title: 'Early May bank holiday' },
  { date: '2018-05-28', title: 'Spring bank holiday' },
  { date: '2018-08-27', title: 'Summer bank holiday' },
  { date: '2018-12-25', title: 'Christmas Day' },
  { date: '2018-12-26', title: 'Boxing Day' },

  { date: '2019-01-01', title: 'New Year’s Day' },
  { date: '2019-04-19', title: 'Good Friday' },
  { date: '2019-04-22', title: 'Easter Monday' },
  { date: '2019-05-06', title: 'Early May bank holiday' },
  { date: '2019-05-27', title: 'Spring bank holiday' },
  { date: '2019-08-26', title: 'Summer bank holiday' },
  { date: '2019-12-25', title: 'Christmas Day' },
  { date: '2019-12-26', title: 'Boxing Day' },

  { date: '2020-01-01', title: 'New Year’s Day' },
  { date: '2020-04-10', title: 'Good Friday' },
  { date: '2020-04-13', title: 'Easter Monday' },
  { date: '2020-05-08', title: 'Early May bank holiday (VE day, moved)' },
  { date: '2020-05-25', title: 'Spring bank holiday' },
  { date: '2020-08-31', title: 'Summer bank holiday' },
  { date: '2020-12-25', title: 'Christmas Day' },
  { date: '2020-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2021-01-01', title: 'New Year’s Day' },
  { date: '2021-04-02', title: 'Good Friday' },
  { date: '2021-04-05', title: 'Easter Monday' },
  { date: '2021-05-03', title: 'Early May bank holiday' },
  { date: '2021-05-31', title: 'Spring bank holiday' },
  { date: '2021-08-30', title: 'Summer bank holiday' },
  { date: '2021-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2021-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2022-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2022-04-15', title: 'Good Friday' },
  { date: '2022-04-18', title: 'Easter Monday' },
  { date: '2022-05-02', title: 'Early May bank holiday' },
  { date: '2022-06-02', title: 'Spring bank holiday (moved)' },
  { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { date: '2022-08-29', title: 'Summer bank holiday' },
  { date: '2022-09-19', title: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2022-12-26', title: 'Boxing Day' },
  { date: '2022-12-27', title: 'Christmas Day (substitute day)' },

  { date: '2023-01-02', title: 'New Year’s Day (substitute day)' },
  { date: '2023-04-07', title: 'Good Friday' },
  { date: '2023-04-10', title: 'Easter Monday' },
  { date: '2023-05-01', title: 'Early May bank holiday' },
  { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
  { date: '2023-05-29', title: 'Spring bank holiday' },
  { date: '2023-08-28', title: 'Summer bank holiday' },
  { date: '2023-12-25', title: 'Christmas Day' },
  { date: '2023-12-26', title: 'Boxing Day' },

  { date: '2024-01-01', title: 'New Year’s Day' },
  { date: '2024-03-29', title: 'Good Friday' },
  { date: '2024-04-01', title: 'Easter Monday' },
  { date: '2024-05-06', title: 'Early May bank holiday' },
  { date: '2024-05-27', title: 'Spring bank holiday' },
  { date: '2024-08-26', title: 'Summer bank holiday' },
  { date: '2024-12-25', title: 'Christmas Day' },
  { date: '2024-12-26', title: 'Boxing Day' },

  { date: '2025-01-01', title: 'New Year’s Day' },
  { date: '2025-04-18', title: 'Good Friday' },
  { date: '2025-04-21', title: 'Easter Monday' },
  { date: '2025-05-05', title: 'Early May bank holiday' },
  { date: '2025-05-26', title: 'Spring bank holiday' },
  { date: '2025-08-25', title: 'Summer bank holiday' },
  { date: '2025-12-25', title: 'Christmas Day' },
  { date: '2025-12-26', title: 'Boxing Day' },

  { date: '2026-01-01', title: 'New Year’s Day' },
  { date: '2026-04-03', title: 'Good Friday' },
  { date: '2026-04-06', title: 'Easter Monday' },
  { date: '2026-05-04', title: 'Early May bank holiday' },
  { date: '2026-05-25', title: 'Spring bank holiday' },
  { date: '2026-08-31', title: 'Summer bank holiday' },
  { date: '2026-12-25', title: 'Christmas Day' },
  { date: '2026-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2027-01-01', title: 'New Year’s Day' },
  { date: '2027-03-26', title: 'Good Friday' },
  { date: '2027-03-29', title: 'Easter Monday' },
  { date: '2027-05-03', title: 'Early May bank holiday' },
  { date: '2027-05-31', title: 'Spring bank holiday' },
  { date: '2027-08-30', title: 'Summer bank holiday' },
  { date: '2027-12-27', title: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', title: 'Boxing Day (substitute day)' },

  { date: '2028-01-03', title: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', title: 'Good Friday' },
  { date: '2028-04-17', title: 'Easter Monday' },
  { date: '2028-05-01', title: 'Early May bank holiday' },
  { date: '2028-05-29', title: 'Spring bank holiday' },
  { date: '2028-08-28', title: 'Summer bank holiday' },
  { date: '2028-12-25', title: 'Christmas Day' },
  { date: '2028-12-26', title: 'Boxing Day' },
];

/** First and last calendar years the table covers. */
export const TABLE_FIRST_YEAR = 2010;
export const TABLE_LAST_YEAR = 2028;

/**
 * Easter Sunday of a Gregorian year, by the "anonymous Gregorian algorithm" (Meeus/Jones/Butcher, as given in
 * Jean Meeus, Astronomical Algorithms, 1991). Returns [month (1–12), day].
 */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/**
 * The dates the standing rules give for a year (Banking and Financial Dealings Act 1971, schedule 1, and the
 * annual royal proclamations that follow the same pattern): New Year's Day, Good Friday, Easter Monday, the first
 * Monday in May, the last Monday in May, the last Monday in August, Christmas Day and Boxing Day, with substitute
 * weekdays when New Year's Day, Christmas Day or Boxing Day fall at a weekend.
 */
export function bankHolidaysByStandingRules(year: number): string[] {
  const out: number[] = [];
  const utc = (m: number, d: number) => Date.UTC(year, m - 1, d);
  const dow = (t: number) => new Date(t).getUTCDay();
  const DAY = 86_400_000;

  // New Year's Day, moved to the Monday when it falls at a weekend.
  let ny = utc(1, 1);
  while (dow(ny) === 0 || dow(ny) === 6) ny += DAY;
  out.push(ny);

  const [em, ed] = easterSunday(year);
  const easter = utc(em, ed);
  out.push(easter - 2 * DAY, easter + DAY);

  // First Monday in May.
  let may1 = utc(5, 1);
  while (dow(may1) !== 1) may1 += DAY;
  out.push(may1);
  // Last Monday in May and in August.
  for (const month of [5, 8]) {
    let last = utc(month, 31);
    while (dow(last) !== 1) last -= DAY;
    out.push(last);
  }

  // Christmas and Boxing Day: a weekend day moves to the next weekday not already taken.
  const christmas = utc(12, 25);
  const boxing = utc(12, 26);
  const taken = new Set<number>();
  for (const day of [christmas, boxing]) {
    let d = day;
    while (dow(d) === 0 || dow(d) === 6 || taken.has(d)) d += DAY;
    taken.add(d);
    out.push(d);
  }
  return out.sort((a, b) => a - b).map((t) => new Date(t).toISOString().slice(0, 10));
}

const byYear = new Map<number, readonly string[]>();
for (const h of ENGLAND_AND_WALES_BANK_HOLIDAYS) {
  const y = Number(h.date.slice(0, 4));
  byYear.set(y, [...(byYear.get(y) ?? []), h.date]);
}

/** The England and Wales bank holidays of a calendar year: from the table when it covers the year, else by rule. */
export function englandAndWalesBankHolidays(year: number): readonly string[] {
  let dates = byYear.get(year);
  if (!dates) {
    dates = bankHolidaysByStandingRules(year);
    byYear.set(year, dates);
  }
  return dates;
}

const holidaySets = new Map<number, ReadonlySet<string>>();

/** True when an ISO date is an England and Wales bank holiday. */
export function isBankHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  let set = holidaySets.get(year);
  if (!set) {
    set = new Set(englandAndWalesBankHolidays(year));
    holidaySets.set(year, set);
  }
  return set.has(isoDate);
}

/**
 * Replaces the dates of every year the list covers with the list's (a refreshed GOV.UK file, or the dates an
 * authority imported); years it does not cover keep the built-in table or the standing rules.
 */
export function installBankHolidays(holidays: readonly BankHoliday[]): void {
  const years = new Map<number, string[]>();
  for (const h of holidays) {
    const y = Number(h.date.slice(0, 4));
    years.set(y, [...(years.get(y) ?? []), h.date]);
  }
  for (const [y, dates] of years) {
    byYear.set(y, dates.sort());
    holidaySets.delete(y);
  }
}

/**
 * Reads GOV.UK's `bank-holidays.json` (`{ "england-and-wales": { "events": [{ "date", "title", … }] } }`) and
 * returns the England and Wales dates, sorted. Used to refresh the table; throws on a file of another shape.
 */
export function parseGovUkBankHolidays(json: unknown): BankHoliday[] {
  const division = (json as Record<string, unknown> | null)?.['england-and-wales'] as { events?: unknown } | undefined;
  if (!division || !Array.isArray(division.events)) {
    throw new Error('Not a GOV.UK bank-holidays.json file: no "england-and-wales" events');
  }
  const out: BankHoliday[] = [];
  for (const event of division.events as unknown[]) {
    const e = event as { date?: unknown; title?: unknown };
    if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || typeof e.title !== 'string') {
      throw new Error('Not a GOV.UK bank-holidays.json file: an event lacks a YYYY-MM-DD date or a title');
    }
    out.push({ date: e.date, title: e.title });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
