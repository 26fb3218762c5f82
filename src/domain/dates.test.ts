import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate } from './dates';

test('real calendar dates only', () => {
  assert.equal(isIsoDate('2026-03-31'), true);
  assert.equal(isIsoDate('2024-02-29'), true, '2024 is a leap year');
  assert.equal(isIsoDate('2026-02-29'), false, '2026 is not');
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('31/03/2026'), false);
  assert.equal(isIsoDate('2026-3-31'), false);
});
