import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule142, rule148, rule357, rule433, rule501 } from './episode-sequence';
import { hits } from './testing';

describe('903 episode sequence rules', () => {
  it('142: every episode but the last needs DEC and REC', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1' }, // 2 passes
      { CHILD: 'A', DECOM: '2025-06-01', DEC: null, REC: null }, // 3 fails: another episode follows
      { CHILD: 'A', DECOM: '2025-07-01', DEC: null, REC: null }, // 4 passes: last
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-05-09', REC: null }, // 5 fails: no REC
      { CHILD: 'B', DECOM: '2025-06-01', DEC: null, REC: null }, // 6 passes
    ];
    assert.deepEqual(hits(rule142, { Episodes }), ['Episodes.csv:3', 'Episodes.csv:5']);
  });
  it('148: DEC and REC together', () => {
    const Episodes = [
      { DEC: '2025-06-01', REC: 'E4A' },
      { DEC: null, REC: null },
      { DEC: '2025-06-01', REC: null },
      { DEC: null, REC: 'X1' },
    ];
    assert.deepEqual(hits(rule148, { Episodes }), ['Episodes.csv:4', 'Episodes.csv:5']);
  });
  it('501: an episode starting before the previous one ended', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' },
      { CHILD: 'A', DECOM: '2025-06-01', DEC: null }, // 3 fails: 1 June < 10 June
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' },
      { CHILD: 'B', DECOM: '2025-06-10', DEC: null }, // 5 passes
    ];
    assert.deepEqual(hits(rule501, { Episodes }), ['Episodes.csv:3']);
  });
  it('433: a continuation episode starts the day the previous one ended', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1', RNE: 'S' },
      { CHILD: 'A', DECOM: '2025-06-12', RNE: 'P' }, // 3 fails: gap of two days
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A', RNE: 'S' },
      { CHILD: 'B', DECOM: '2025-08-01', RNE: 'S' }, // 5 passes: a new period
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1', RNE: 'S' },
      { CHILD: 'C', DECOM: '2025-06-10', RNE: 'L' }, // 7 passes
    ];
    assert.deepEqual(hits(rule433, { Episodes }), ['Episodes.csv:3']);
  });
  it('357: a first episode starting in the year has RNE S', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', RNE: 'P' }, // 2 fails (2025/26 starts 1 April 2025)
      { CHILD: 'B', DECOM: '2024-05-01', RNE: 'P', DEC: '2025-06-01', REC: 'X1' }, // 3 passes: began before the year
      { CHILD: 'C', DECOM: '2025-05-01', RNE: 'S' }, // 4 passes
    ];
    assert.deepEqual(hits(rule357, { Episodes }), ['Episodes.csv:2']);
  });
});
