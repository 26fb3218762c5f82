import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate, longDate } from './dates';

test('real calendar dates only', () => {
  assert.equal(isIsoDate('2026-03-31'), true);
  assert.equal(isIsoDate('2024-02-29'), true, '2024 is a leap year');
  assert.equal(isIsoDate('2026-02-29'), false, '2026 is not');
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('31/03/2026'), false);
  assert.equal(isIsoDate('2026-3-31'), false);
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
