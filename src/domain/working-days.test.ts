import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  WorkingDayCalendar,
  addDays,
  addMonths,
  addMonthsToDayNumber,
  civilFromDays,
  daysFromCivil,
  addWorkingDays,
  dayOfWeek,
  fromDayNumber,
  isWorkingDay,
  toDayNumber,
  withinWorkingDays,
  workingDaysBetween,
} from './working-days';

/*
 * Convention under test: the start day is day 0. The Nth working day after D is the date reached after N working
 * days following D. Every expected date below was worked out by hand from a calendar, striking out Saturdays,
 * Sundays and the England and Wales bank holidays.
 */
describe('working days (start day is day 0)', () => {
  test('a plain week: Monday 2 June 2025 + 1 is Tuesday, + 5 is the next Monday', () => {
    assert.equal(addWorkingDays('2025-06-02', 1), '2025-06-03');
    assert.equal(addWorkingDays('2025-06-02', 5), '2025-06-09');
    assert.equal(addWorkingDays('2025-06-02', 0), '2025-06-02');
  });

  test('a Friday + 1 is the Monday; a Saturday + 1 is the Monday', () => {
    assert.equal(addWorkingDays('2025-06-06', 1), '2025-06-09');
    assert.equal(addWorkingDays('2025-06-07', 1), '2025-06-09');
  });

  test('Christmas 2025: Wed 24 Dec + 1 skips Christmas Day (Thu), Boxing Day (Fri) and the weekend to Mon 29 Dec', () => {
    assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29');
    assert.equal(addWorkingDays('2025-12-24', 2), '2025-12-30');
    assert.equal(addWorkingDays('2025-12-24', 3), '2025-12-31');
    // Thu 1 Jan 2026 is New Year's Day, so the 4th working day is Fri 2 Jan.
    assert.equal(addWorkingDays('2025-12-24', 4), '2026-01-02');
  });

  test('Easter 2025: Thu 17 Apr + 1 skips Good Friday (18th), the weekend and Easter Monday (21st) to Tue 22 Apr', () => {
    assert.equal(addWorkingDays('2025-04-17', 1), '2025-04-22');
    assert.equal(isWorkingDay('2025-04-18'), false);
    assert.equal(isWorkingDay('2025-04-21'), false);
    assert.equal(isWorkingDay('2025-04-22'), true);
  });

  test('ICPC target: strategy discussion Mon 8 Dec 2025 + 15 working days = Wed 31 Dec 2025', () => {
    // Tue 9 (1) Wed 10 (2) Thu 11 (3) Fri 12 (4) Mon 15 (5) Tue 16 (6) Wed 17 (7) Thu 18 (8) Fri 19 (9)
    // Mon 22 (10) Tue 23 (11) Wed 24 (12) [Thu 25, Fri 26 bank holidays; weekend] Mon 29 (13) Tue 30 (14) Wed 31 (15)
    assert.equal(addWorkingDays('2025-12-08', 15), '2025-12-31');
    assert.equal(workingDaysBetween('2025-12-08', '2025-12-31'), 15);
    assert.equal(withinWorkingDays('2025-12-08', '2025-12-31', 15), true);
    assert.equal(withinWorkingDays('2025-12-08', '2026-01-02', 15), false);
  });

  test('assessment: Mon 3 Mar 2025 + 45 working days = Thu 8 May 2025 (Easter and early May bank holiday skipped)', () => {
    // Fridays: 7 Mar = 4, 14 = 9, 21 = 14, 28 = 19, 4 Apr = 24, 11 Apr = 29; Thu 17 Apr = 33;
    // [Good Friday 18, Easter Monday 21] Tue 22 = 34 … Fri 25 = 37; Mon 28 = 38 … Fri 2 May = 42;
    // [Mon 5 May early May bank holiday] Tue 6 = 43, Wed 7 = 44, Thu 8 = 45.
    assert.equal(addWorkingDays('2025-03-03', 45), '2025-05-08');
    assert.equal(workingDaysBetween('2025-03-03', '2025-05-08'), 45);
  });

  test('initial health assessment: Fri 19 Dec 2025 + 20 working days = Wed 21 Jan 2026', () => {
    // Mon 22 (1) Tue 23 (2) Wed 24 (3) [25, 26 Dec] Mon 29 (4) Tue 30 (5) Wed 31 (6) [Thu 1 Jan] Fri 2 (7)
    // Mon 5 … Fri 9 (8–12), Mon 12 … Fri 16 (13–17), Mon 19 (18) Tue 20 (19) Wed 21 (20).
    assert.equal(addWorkingDays('2025-12-19', 20), '2026-01-21');
  });

  test('working days between counts days after the start up to and including the end, negative backwards', () => {
    assert.equal(workingDaysBetween('2025-12-24', '2025-12-29'), 1);
    assert.equal(workingDaysBetween('2025-12-24', '2025-12-24'), 0);
    assert.equal(workingDaysBetween('2025-12-29', '2025-12-24'), -1);
    // Sat 27 Dec to Sun 28 Dec: no working day.
    assert.equal(workingDaysBetween('2025-12-27', '2025-12-28'), 0);
  });

  test('rejects a negative count and a malformed date', () => {
    assert.throws(() => addWorkingDays('2025-01-01', -1));
    assert.throws(() => addWorkingDays('2025-02-30', 1));
    assert.throws(() => toDayNumber('25/12/2025'));
  });
});

describe('calendar arithmetic', () => {
  test('day numbers round-trip and 1 January 1970 was a Thursday', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(fromDayNumber(toDayNumber('2026-03-31')), '2026-03-31');
    assert.equal(dayOfWeek(0), 4);
    assert.equal(dayOfWeek(toDayNumber('2025-12-25')), 4); // Christmas Day 2025 is a Thursday.
  });

  test('adding months clamps to the end of a short month', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-08-31', 6), '2026-02-28');
    assert.equal(addMonths('2025-11-15', 3), '2026-02-15');
    assert.equal(addMonths('2025-03-15', -3), '2024-12-15');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  });
});

describe('integer calendar algorithms agree with the Date-based functions', () => {
  test('civil dates and month sums over 1900–2100', () => {
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2100-12-31'); day += 13) {
      const iso = fromDayNumber(day);
      const [y, m, d] = civilFromDays(day);
      assert.equal(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, iso);
      assert.equal(daysFromCivil(y, m, d), day);
      for (const months of [-18, -1, 1, 3, 6, 12, 216])
        assert.equal(fromDayNumber(addMonthsToDayNumber(day, months)), addMonths(iso, months));
    }
  });
});

describe('WorkingDayCalendar (precomputed) agrees with the plain functions', () => {
  test('inside and across the edge of its span', () => {
    const calendar = new WorkingDayCalendar(toDayNumber('2024-01-01'), toDayNumber('2026-12-31'));
    for (let d = toDayNumber('2024-01-01') - 20; d <= toDayNumber('2026-12-31') + 20; d += 3) {
      for (const n of [0, 1, 5, 15, 20, 45]) {
        assert.equal(calendar.addWorkingDays(d, n), toDayNumber(addWorkingDays(fromDayNumber(d), n)));
      }
      const to = d + 40;
      assert.equal(calendar.between(d, to), workingDaysBetween(fromDayNumber(d), fromDayNumber(to)));
      assert.equal(calendar.isWorkingDay(d), isWorkingDay(fromDayNumber(d)));
    }
  });
});
