import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule355, rule367 } from './respite';
import { hits } from './testing';

describe('903 short episodes and respite', () => {
  it('355: an episode that ends the day it starts (a query)', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'C2', DECOM: '2025-05-01', DEC: '2025-05-01', REC: 'X1' }, // line 2: same day, flagged
      { CHILD: 'A', LS: 'C1', DECOM: '2025-05-01', DEC: '2025-05-02', REC: 'X1' }, // line 3: one day, passes
      { CHILD: 'B', LS: 'C2', DECOM: '2025-06-01', DEC: null }, // line 4: open, passes
    ];
    assert.deepEqual(hits(rule355, { Episodes }), ['Episodes.csv:2']);
    assert.equal(rule355.severity, 'query');
  });

  it('367: more than 75 days of V3 short breaks in the year, counted within 1 April – 31 March', () => {
    const Episodes = [
      // A: 1 March–1 May 2025 is cut to 1 April–1 May = 30 days; 1–31 July = 30; 1–20 October = 19: 79 > 75, all three flagged.
      { CHILD: 'A', LS: 'V3', DECOM: '2025-03-01', DEC: '2025-05-01', REC: 'E8' }, // line 2
      { CHILD: 'A', LS: 'V3', DECOM: '2025-07-01', DEC: '2025-07-31', REC: 'E8' }, // line 3
      { CHILD: 'A', LS: 'V3', DECOM: '2025-10-01', DEC: '2025-10-20', REC: 'E8' }, // line 4
      // B: 1 January–31 March 2026, open at the year end: 89 days to 31 March; flagged.
      { CHILD: 'B', LS: 'V3', DECOM: '2026-01-01', DEC: null }, // line 5
      // C: 60 days of V3 plus 30 of C2 (not respite): 60 ≤ 75, passes.
      { CHILD: 'C', LS: 'V3', DECOM: '2025-04-01', DEC: '2025-05-31', REC: 'X1' }, // line 6
      { CHILD: 'C', LS: 'C2', DECOM: '2025-05-31', DEC: '2025-06-30', REC: 'E8' }, // line 7
      // D: exactly 75 days (1 April–15 June 2025): passes.
      { CHILD: 'D', LS: 'V3', DECOM: '2025-04-01', DEC: '2025-06-15', REC: 'E8' }, // line 8
    ];
    assert.deepEqual(hits(rule367, { Episodes }), [
      'Episodes.csv:2',
      'Episodes.csv:3',
      'Episodes.csv:4',
      'Episodes.csv:5',
    ]);
  });
});
