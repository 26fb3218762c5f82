import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { monthsBetween, periodContaining, periodLabel, periodsEnding, shortPeriodLabel } from './periods';

describe('reporting periods', () => {
  it('finds the month, financial quarter and financial year containing a date', () => {
    assert.deepEqual(periodContaining('2026-02-14', 'month'), {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    assert.deepEqual(periodContaining('2024-02-14', 'month'), {
      kind: 'month',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    // Financial quarters: Q1 April–June … Q4 January–March.
    assert.deepEqual(periodContaining('2026-02-14', 'quarter'), {
      kind: 'quarter',
      start: '2026-01-01',
      end: '2026-03-31',
    });
    assert.deepEqual(periodContaining('2025-04-01', 'quarter'), {
      kind: 'quarter',
      start: '2025-04-01',
      end: '2025-06-30',
    });
    assert.deepEqual(periodContaining('2025-12-31', 'quarter'), {
      kind: 'quarter',
      start: '2025-10-01',
      end: '2025-12-31',
    });
    assert.deepEqual(periodContaining('2026-03-31', 'year'), { kind: 'year', start: '2025-04-01', end: '2026-03-31' });
    assert.deepEqual(periodContaining('2026-04-01', 'year'), { kind: 'year', start: '2026-04-01', end: '2027-03-31' });
  });

  it('stops a running period at the date when asked (the period to date)', () => {
    assert.deepEqual(periodContaining('2026-02-14', 'year', true), {
      kind: 'year',
      start: '2025-04-01',
      end: '2026-02-14',
    });
    assert.deepEqual(periodContaining('2026-03-31', 'year', true), {
      kind: 'year',
      start: '2025-04-01',
      end: '2026-03-31',
    });
  });

  it('lists the periods ending with the one containing a date, oldest first', () => {
    const q = periodsEnding('2026-02-14', 'quarter', 3);
    assert.deepEqual(
      q.map((p) => p.start),
      ['2025-07-01', '2025-10-01', '2026-01-01'],
    );
    assert.deepEqual(
      monthsBetween('2025-11-20', '2026-02-01').map((p) => p.end),
      ['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28'],
    );
  });

  it('labels periods for people and for chart axes', () => {
    assert.equal(periodLabel(periodContaining('2026-03-10', 'month')), 'March 2026');
    assert.equal(periodLabel(periodContaining('2026-03-10', 'quarter')), 'Q4 2025/26');
    assert.equal(periodLabel(periodContaining('2025-05-10', 'quarter')), 'Q1 2025/26');
    assert.equal(periodLabel(periodContaining('2026-03-10', 'year')), '2025/26');
    assert.equal(periodLabel(periodContaining('2026-03-10', 'year', true)), '2025/26 to 2026-03-10');
    assert.equal(shortPeriodLabel(periodContaining('2026-03-10', 'month')), 'Mar 26');
    assert.equal(shortPeriodLabel(periodContaining('2026-03-10', 'quarter')), 'Q4 25/26');
  });
});
