import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareDateText, isIsoDate, longDate } from './dates';

test('real calendar dates only', () => {
  assert.equal(isIsoDate('2026-03-31'), true);
  assert.equal(isIsoDate('2024-02-29'), true, '2024 is a leap year');
  assert.equal(isIsoDate('2026-02-29'), false, '2026 is not');
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('31/03/2026'), false);
  assert.equal(isIsoDate('2026-3-31'), false);
});

test('isIsoDate: the boundaries of the hand-written check', () => {
  assert.equal(isIsoDate('1900-02-29'), false, '1900 is divisible by 100, not by 400: no 29 February');
  assert.equal(isIsoDate('2000-02-29'), true, '2000 is divisible by 400');
  assert.equal(isIsoDate('2026-04-31'), false, 'April has 30 days');
  assert.equal(isIsoDate('2026-12-31'), true);
  assert.equal(isIsoDate('2026-00-10'), false, 'no month 0');
  assert.equal(isIsoDate('2026-01-00'), false, 'no day 0');
  assert.equal(isIsoDate('0099-12-31'), false, 'a year before 100 is not read as itself');
  assert.equal(isIsoDate('0100-01-01'), true);
  assert.equal(isIsoDate('2026-01-1a'), false);
  assert.equal(isIsoDate('2026/01/10'), false);
  assert.equal(isIsoDate('2026-01-10 '), false, 'nothing after the day');
  assert.equal(isIsoDate('\uff12026-01-10'), false, 'ASCII digits only');
});

test('isIsoDate agrees with the calendar of JavaScript dates on every day of the years around the edges', () => {
  // The reference: the date read by Date.UTC round-trips to the same year, month and day.
  const byDate = (y: number, m: number, d: number) => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  };
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  for (const y of [0, 99, 100, 1600, 1700, 1899, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9999])
    for (let m = 0; m <= 13; m++)
      for (let d = 0; d <= 32; d++) {
        const text = `${p(y, 4)}-${p(m, 2)}-${p(d, 2)}`;
        assert.equal(isIsoDate(text), y >= 100 && byDate(y, m, d), text);
      }
});

test('longDate writes a date in words, the GOV.UK way', () => {
  assert.equal(longDate('2024-03-05'), '5 March 2024', 'no leading zero on the day');
  assert.equal(longDate('2026-12-31'), '31 December 2026');
  assert.equal(longDate('2024-06-17T09:30:00Z'), '17 June 2024', 'a timestamp: its date part');
  assert.equal(longDate(null), '');
  assert.equal(longDate(''), '');
  assert.equal(longDate('not known'), 'not known', 'text that is not a date is left as it is');
  assert.equal(longDate('2026-13-01'), '2026-13-01', 'no 13th month');
});

test('compareDateText orders dates as localeCompare does', () => {
  assert.equal(compareDateText('2024-03-05', '2024-03-06'), -1);
  assert.equal(compareDateText('2025-01-01', '2024-12-31'), 1);
  assert.equal(compareDateText('2024-03-05', '2024-03-05'), 0);
  assert.equal(compareDateText('2024-03-05', '9999-99-99'), -1, "the sorts' stand-in for no date comes last");
  // Every pair of a spread of dates (and texts that are not) has the sign localeCompare gives.
  const texts = ['2024-03-05', '2024-12-01', '1999-01-31', '2024-03-5', '05/03/2024', 'ZZ/05/2019', '', '2024-03-05 '];
  for (const a of texts)
    for (const b of texts) assert.equal(Math.sign(compareDateText(a, b)), Math.sign(a.localeCompare(b)), `${a} ${b}`);
});
