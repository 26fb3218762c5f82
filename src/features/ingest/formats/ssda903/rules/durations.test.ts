import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule361, rule362, rule363, rule365, rule375, rule376, rule379 } from './durations';
import { hits } from './testing';

describe('903 duration rules', () => {
  it('361: L1 at most 3 days, across continuation episodes', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'L1', DECOM: '2025-05-01', DEC: '2025-05-04', REC: 'X1' }, // 2: 3 days, passes
      { CHILD: 'B', LS: 'L1', DECOM: '2025-05-01', DEC: '2025-05-03', REC: 'X1' }, // 3: starts a spell …
      { CHILD: 'B', LS: 'L1', DECOM: '2025-05-03', DEC: '2025-05-06', REC: 'X1' }, // … of 5 days: fails at line 3
      { CHILD: 'B', LS: 'C1', DECOM: '2025-05-06', DEC: null },
    ];
    assert.deepEqual(hits(rule361, { Episodes }), ['Episodes.csv:3']);
  });
  it('362/363: L2 at most 21 days, L3 at most 7; open episodes measured to 31 March', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'L2', DECOM: '2025-05-01', DEC: '2025-05-22', REC: 'X1' }, // 21 days: passes
      { CHILD: 'B', LS: 'L2', DECOM: '2026-03-01', DEC: null }, // open: 30 days to 31 March: fails
      { CHILD: 'C', LS: 'L3', DECOM: '2025-05-01', DEC: '2025-05-09', REC: 'X1' }, // 8 days: fails
    ];
    assert.deepEqual(hits(rule362, { Episodes }), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule363, { Episodes }), ['Episodes.csv:4']);
  });
  it('365: a short break at most 17 days', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'V3', DECOM: '2025-05-01', DEC: '2025-05-18', REC: 'E8' },
      { CHILD: 'B', LS: 'V4', DECOM: '2025-05-01', DEC: '2025-05-19', REC: 'E8' },
    ];
    assert.deepEqual(hits(rule365, { Episodes }), ['Episodes.csv:3']);
  });
  it('375/376/379: T1 6 weeks, T3 3 weeks, T4 7 days', () => {
    const Episodes = [
      { CHILD: 'A', PLACE: 'T1', DECOM: '2025-05-01', DEC: '2025-06-12', REC: 'X1' }, // 42 days: passes
      { CHILD: 'B', PLACE: 'T1', DECOM: '2025-05-01', DEC: '2025-06-13', REC: 'X1' }, // 43: fails
      { CHILD: 'C', PLACE: 'T3', DECOM: '2025-05-01', DEC: '2025-05-23', REC: 'X1' }, // 22: fails
      { CHILD: 'D', PLACE: 'T4', DECOM: '2025-05-01', DEC: '2025-05-08', REC: 'X1' }, // 7: passes
      { CHILD: 'E', PLACE: 'T4', DECOM: '2025-05-01', DEC: '2025-05-09', REC: 'X1' }, // 8: fails
    ];
    assert.deepEqual(hits(rule375, { Episodes }), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule376, { Episodes }), ['Episodes.csv:4']);
    assert.deepEqual(hits(rule379, { Episodes }), ['Episodes.csv:6']);
  });
});
