/**
 * Missing periods against the episodes of care (565, 566, 575, 577, 578, 580), each with a row that passes, one that
 * fails and the boundary, worked by hand (collection year 2025/26).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule565, rule566, rule575, rule577, rule578, rule580 } from './missing-care';
import { hits } from './testing';

describe('903 missing periods against care', () => {
  it('565 and 566: a start or an end needs whether missing or away', () => {
    const Missing = [
      { MISSING: 'M', MIS_START: '2025-06-01', MIS_END: '2025-06-02' },
      { MISSING: null, MIS_START: '2025-06-01', MIS_END: null }, // 3: 565
      { MISSING: null, MIS_START: null, MIS_END: '2025-06-02' }, // 4: 566
    ];
    assert.deepEqual(hits(rule565, { Missing }), ['Missing.csv:3']);
    assert.deepEqual(hits(rule566, { Missing }), ['Missing.csv:4']);
  });

  it('575: missing from an episode that ended needs an end', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-07-01', REC: 'X1' },
      { CHILD: 'A', DECOM: '2025-07-01' },
    ];
    const Missing = [
      { CHILD: 'A', MIS_START: '2025-06-30', MIS_END: '2025-07-01' }, // ended: passes
      { CHILD: 'A', MIS_START: '2025-07-01', MIS_END: null }, // 3: on the change day, also in the ended episode
      { CHILD: 'A', MIS_START: '2025-07-02', MIS_END: null }, // only in the open episode: passes
    ];
    assert.deepEqual(hits(rule575, { Episodes, Missing }), ['Missing.csv:3']);
  });

  it('577: an open missing period only in an open period of care; an end within the period', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-08-01', REC: 'E4A' },
      { CHILD: 'A', DECOM: '2025-10-01' }, // A's second period, still open
    ];
    const Missing = [
      { CHILD: 'A', MIS_START: '2025-07-30', MIS_END: '2025-08-01' }, // ends on the period's last day: passes
      { CHILD: 'A', MIS_START: '2025-07-30', MIS_END: '2025-08-02' }, // 3: ends after it
      { CHILD: 'A', MIS_START: '2025-07-30', MIS_END: null }, // 4: open, the period it started in has ended
      { CHILD: 'A', MIS_START: '2025-11-01', MIS_END: null }, // open in the open period: passes
    ];
    assert.deepEqual(hits(rule577, { Episodes, Missing }), ['Missing.csv:3', 'Missing.csv:4']);
  });

  it('578: starts inside a period of care', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-08-01', REC: 'X1' },
      { CHILD: 'A', DECOM: '2025-08-01', DEC: '2025-09-01', REC: 'E4A' },
    ];
    const Missing = [
      { CHILD: 'A', MIS_START: '2025-09-01', MIS_END: '2025-09-01' }, // the period's last day: passes
      { CHILD: 'A', MIS_START: '2025-09-02', MIS_END: '2025-09-03' }, // 3: after it
      { CHILD: 'A', MIS_START: '2025-04-30', MIS_END: '2025-05-01' }, // 4: before it
    ];
    assert.deepEqual(hits(rule578, { Episodes, Missing }), ['Missing.csv:3', 'Missing.csv:4']);
  });

  it('580: missing when leaving care at 18 is E8', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-10-10', REC: 'E5' }, // 2 fails
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-10-10', REC: 'E8' }, // passes
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-10-10', REC: 'E5' }, // passes: back the day before
    ];
    const Missing = [
      { CHILD: 'A', DOB: '2007-10-10', MIS_START: '2025-10-08', MIS_END: '2025-10-10' },
      { CHILD: 'B', DOB: '2007-10-10', MIS_START: '2025-10-08', MIS_END: '2025-10-10' },
      { CHILD: 'C', DOB: '2007-10-10', MIS_START: '2025-10-08', MIS_END: '2025-10-09' },
    ];
    assert.deepEqual(hits(rule580, { Episodes, Missing }), ['Episodes.csv:2']);
  });
});
