import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule564, rule567, rule570, rule571, rule574, rule581, rule586 } from './missing';
import { hits } from './testing';

describe('903 missing rules', () => {
  it('564: start required', () => {
    assert.deepEqual(
      hits(rule564, {
        Missing: [
          { MISSING: 'M', MIS_START: '2025-06-01' },
          { MISSING: 'A', MIS_START: null },
        ],
      }),
      ['Missing.csv:3'],
    );
  });
  it('567: end not before start', () => {
    const Missing = [
      { MIS_START: '2025-06-01', MIS_END: '2025-06-01' },
      { MIS_START: '2025-06-05', MIS_END: '2025-06-04' },
    ];
    assert.deepEqual(hits(rule567, { Missing }), ['Missing.csv:3']);
  });
  it('574: no overlapping or still-open previous periods', () => {
    const Missing = [
      { CHILD: 'A', MIS_START: '2025-06-01', MIS_END: '2025-06-03' },
      { CHILD: 'A', MIS_START: '2025-06-02', MIS_END: '2025-06-04' }, // 3 fails: overlaps
      { CHILD: 'B', MIS_START: '2025-06-01', MIS_END: null },
      { CHILD: 'B', MIS_START: '2025-07-01', MIS_END: '2025-07-02' }, // 5 fails: previous still open
      { CHILD: 'C', MIS_START: '2025-06-01', MIS_END: '2025-06-03' },
      { CHILD: 'C', MIS_START: '2025-06-03', MIS_END: '2025-06-04' }, // 7 passes: starts the day the last ended
    ];
    assert.deepEqual(hits(rule574, { Missing }), ['Missing.csv:3', 'Missing.csv:5']);
  });
  it('570/571: missing dates within the collection year', () => {
    const Missing = [
      { MIS_START: '2026-03-31', MIS_END: '2026-03-31' }, // 2 passes: the last day (boundary)
      { MIS_START: '2026-04-01', MIS_END: null }, // 3: 570 fails
      { MIS_START: '2025-03-30', MIS_END: '2025-03-31' }, // 4: 571 fails (ended the day before the year)
      { MIS_START: '2026-03-30', MIS_END: '2026-04-01' }, // 5: 571 fails (ended after the year)
      { MIS_START: '2025-03-31', MIS_END: '2025-04-01' }, // 6 passes: ended on the year's first day
    ];
    assert.deepEqual(hits(rule570, { Missing }), ['Missing.csv:3']);
    assert.deepEqual(hits(rule571, { Missing }), ['Missing.csv:4', 'Missing.csv:5']);
  });
  it("586: missing after the child's birth", () => {
    const Missing = [
      { DOB: '2015-06-01', MIS_START: '2015-06-01' }, // 2 fails: the day of birth
      { DOB: '2015-06-01', MIS_START: '2025-06-01' }, // 3 passes
    ];
    assert.deepEqual(hits(rule586, { Missing }), ['Missing.csv:2']);
  });
  it('581: missing only while looked after', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'E4A' },
      { CHILD: 'A', DECOM: '2025-09-01' },
    ];
    const Missing = [
      { CHILD: 'A', MIS_START: '2025-06-01' }, // 2 passes: the day the episode ended (boundary)
      { CHILD: 'A', MIS_START: '2025-06-02' }, // 3 fails: between the two episodes
      { CHILD: 'A', MIS_START: '2025-12-01' }, // 4 passes: the open episode
      { CHILD: 'B', MIS_START: '2025-12-01' }, // 5 fails: no episode at all
    ];
    assert.deepEqual(hits(rule581, { Episodes, Missing }), ['Missing.csv:3', 'Missing.csv:5']);
  });
});
