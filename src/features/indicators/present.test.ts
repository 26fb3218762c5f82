import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatValue, mustSuppress, showFigure } from './present';

const period = { kind: 'month', start: '2026-03-01', end: '2026-03-31' } as const;

describe('indicator figures for members', () => {
  it('hides counts from 1 to 4 and values made from them; 0 and 5 are shown', () => {
    assert.equal(mustSuppress('count', { numerator: 4, denominator: null }), true);
    assert.equal(mustSuppress('count', { numerator: 0, denominator: null }), false);
    assert.equal(mustSuppress('count', { numerator: 5, denominator: null }), false);
    // 3 of 40 → the 3 would be revealed by 7.5%.
    assert.equal(mustSuppress('percent', { numerator: 3, denominator: 40 }), true);
    // 5 of 4? impossible; 2 of 2 → 100% of a denominator of 2.
    assert.equal(mustSuppress('percent', { numerator: 2, denominator: 2 }), true);
    assert.equal(mustSuppress('percent', { numerator: 6, denominator: 40 }), false);
    // A rate divides by the child population (thousands): only the count matters.
    assert.equal(mustSuppress('rate-per-10k', { numerator: 3, denominator: 90_000 }), true);
    assert.equal(mustSuppress('rate-per-10k', { numerator: 30, denominator: 90_000 }), false);
  });

  it('shows members "c" for value, numerator and denominator; staff see them as they are', () => {
    const v = { period, numerator: 3, denominator: 40, value: 7.5 };
    assert.deepEqual(showFigure('percent', v, 'members'), {
      text: 'c',
      value: null,
      numerator: 'c',
      denominator: '40',
      suppressed: true,
    });
    assert.deepEqual(showFigure('percent', v, 'staff'), {
      text: '7.5%',
      value: 7.5,
      numerator: '3',
      denominator: '40',
      suppressed: false,
    });
  });

  it('formats each unit', () => {
    assert.equal(formatValue('percent', 22.64), '22.6%');
    assert.equal(formatValue('rate-per-10k', 45.25), '45.3 per 10,000');
    assert.equal(formatValue('count', 1234), '1,234');
    assert.equal(formatValue('days', 312.4), '312 days');
    assert.equal(formatValue('weeks', 12.5), '12.5 weeks');
    assert.equal(formatValue('ratio', 17.254), '17.25');
    assert.equal(formatValue('percent', null), 'No data');
  });
});
