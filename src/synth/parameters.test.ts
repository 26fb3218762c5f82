import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toDayNumber } from '../domain/working-days';
import { rateOn } from './parameters';

describe('rates that improve after the demo borough’s 2024 inspection', () => {
  const rate = { before: 0.5, after: 0.9 };

  test('before 1 July 2024 the rate is the before rate; from 30 June 2025 the after rate', () => {
    assert.equal(rateOn(rate, toDayNumber('2023-01-01')), 0.5);
    assert.equal(rateOn(rate, toDayNumber('2024-07-01')), 0.5);
    assert.equal(rateOn(rate, toDayNumber('2025-06-30')), 0.9);
    assert.equal(rateOn(rate, toDayNumber('2026-11-22')), 0.9);
  });

  test('between, it moves in a straight line: 1 July 2024 → 30 June 2025 is 364 days, so 182 days in is half way', () => {
    // 2024-07-01 + 182 days = 2024-12-30; 0.5 + 0.4 × 182/364 = 0.7.
    assert.ok(Math.abs(rateOn(rate, toDayNumber('2024-12-30')) - 0.7) < 1e-12);
  });

  test('a plain number is a rate that does not change', () => {
    assert.equal(rateOn(0.85, toDayNumber('2020-01-01')), 0.85);
  });
});
