import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import {
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  TABLE_FIRST_YEAR,
  TABLE_LAST_YEAR,
  bankHolidaysByStandingRules,
  easterSunday,
  englandAndWalesBankHolidays,
  isBankHoliday,
  parseGovUkBankHolidays,
} from './bank-holidays';

const here = path.dirname(fileURLToPath(import.meta.url));
const referenceData = path.resolve(here, '../../reference-data/calendars');

test('the table agrees, date for date, with the published England and Wales list for 2012–2028', () => {
  // GOV.UK's bank-holidays.json snapshots merged (reference-data/README.md), read at test time.
  const csv = readFileSync(path.join(referenceData, 'england_wales_bank_holidays_2012_2028.csv'), 'utf8');
  const reference = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] as string)
    .sort();
  const ours = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date).filter((d) => d >= '2012-01-01' && d <= '2028-12-31');
  assert.deepEqual(ours, reference);
});

test('every date in the table is a weekday, in order, with no duplicates', () => {
  const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date);
  assert.deepEqual([...dates].sort(), dates);
  assert.equal(new Set(dates).size, dates.length);
  for (const d of dates) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    assert.ok(dow >= 1 && dow <= 5, `${d} is a weekend day`);
  }
});

test('Easter Sunday by the Meeus/Jones/Butcher algorithm (known dates)', () => {
  assert.deepEqual(easterSunday(2025), [4, 20]);
  assert.deepEqual(easterSunday(2024), [3, 31]);
  assert.deepEqual(easterSunday(2019), [4, 21]);
  assert.deepEqual(easterSunday(2038), [4, 25]);
});

test('the standing rules reproduce every year of the table except the one-off changes', () => {
  // Years with proclaimed changes: 2011 royal wedding; 2012 jubilee (spring holiday moved); 2020 VE day (early May
  // moved to Friday 8th); 2022 jubilee (spring moved) and state funeral; 2023 coronation.
  const oneOff = new Set([2011, 2012, 2020, 2022, 2023]);
  for (let year = TABLE_FIRST_YEAR; year <= TABLE_LAST_YEAR; year++) {
    if (oneOff.has(year)) continue;
    assert.deepEqual(bankHolidaysByStandingRules(year), englandAndWalesBankHolidays(year), String(year));
  }
  // Beyond the table: 2029 by rule. New Year's Day is a Monday; Easter Sunday is 1 April 2029.
  assert.deepEqual(englandAndWalesBankHolidays(2029), [
    '2029-01-01',
    '2029-03-30',
    '2029-04-02',
    '2029-05-07',
    '2029-05-28',
    '2029-08-27',
    '2029-12-25',
    '2029-12-26',
  ]);
});

test('isBankHoliday', () => {
  assert.equal(isBankHoliday('2025-12-25'), true);
  assert.equal(isBankHoliday('2022-09-19'), true);
  assert.equal(isBankHoliday('2025-12-24'), false);
});

test('parseGovUkBankHolidays reads the GOV.UK file and rejects other shapes', () => {
  const parsed = parseGovUkBankHolidays({
    'england-and-wales': {
      division: 'england-and-wales',
      events: [{ date: '2026-01-01', title: 'New Year’s Day', notes: '', bunting: true }],
    },
    scotland: { events: [] },
  });
  assert.deepEqual(parsed, [{ date: '2026-01-01', title: 'New Year’s Day' }]);
  assert.throws(() => parseGovUkBankHolidays({ scotland: { events: [] } }));
  assert.throws(() => parseGovUkBankHolidays({ 'england-and-wales': { events: [{ date: '1/1/2026', title: 'x' }] } }));
});
