import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule102, rule141, rule147, rule700, rule701 } from './dates';
import { hits } from './testing';

// Rows hold dates as the reader leaves them: YYYY-MM-DD when valid, the text as written when not.
describe('903 date validity rules', () => {
  it('102: DOB', () => {
    assert.deepEqual(hits(rule102, { Header: [{ DOB: '2012-06-15' }, { DOB: '31/02/2012' }] }), ['Header.csv:3']);
  });
  it('141: DECOM', () => {
    assert.deepEqual(hits(rule141, { Episodes: [{ DECOM: '2025-05-01' }, { DECOM: '2025-13-01' }] }), [
      'Episodes.csv:3',
    ]);
  });
  it('147: DEC, blank allowed', () => {
    assert.deepEqual(hits(rule147, { Episodes: [{ DEC: null }, { DEC: '2025-06-01' }, { DEC: 'June 2025' }] }), [
      'Episodes.csv:4',
    ]);
  });
  it('700/701: DoLO dates, from 2026/27 only', () => {
    const DoLo = [
      { DOLO_START: '2026-05-01', DOLO_END: null },
      { DOLO_START: '2000/12/10', DOLO_END: '01-13-2026' },
    ];
    assert.deepEqual(hits(rule700, { DoLo }, 2027), ['DoLo.csv:3']);
    assert.deepEqual(hits(rule701, { DoLo }, 2027), ['DoLo.csv:3']);
    assert.deepEqual(hits(rule700, { DoLo }, 2026), []);
  });
});
