/**
 * Care leaver (OC3) rules against the rest of the return, and 1012, each with a row that passes, one that fails and
 * the boundary, worked by hand (collection year 2025/26: 1 April 2025 to 31 March 2026).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule133 } from './codes';
import { rule1000, rule1011, rule1012, rule1014, rule134, rule153, rule3001, rule344, rule345, rule391 } from './oc3';
import { hits } from './testing';

describe('903 care leaver (OC3) rules', () => {
  it('153: in touch, activity and accommodation all given or all blank', () => {
    const OC3 = [
      { IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' },
      { IN_TOUCH: null, ACTIV: null, ACCOM: null },
      { IN_TOUCH: 'NO', ACTIV: null, ACCOM: '0' }, // 4 fails
    ];
    assert.deepEqual(hits(rule153, { OC3 }), ['OC3.csv:4']);
  });

  it('133: accommodation is a type with its suitability (S and X only unsuitable), or 0', () => {
    const OC3 = [{ ACCOM: 'D1' }, { ACCOM: 'S2' }, { ACCOM: '0' }, { ACCOM: 'S1' }, { ACCOM: 'D' }, { ACCOM: null }];
    // S1 (line 5) and D without its digit (line 6) fail; a blank is 153's.
    assert.deepEqual(hits(rule133, { OC3 }), ['OC3.csv:5', 'OC3.csv:6']);
  });

  it('344: died or returned home: activity and accommodation 0', () => {
    const OC3 = [
      { IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' }, // passes
      { IN_TOUCH: 'RHOM', ACTIV: 'F2', ACCOM: '0' }, // 3 fails
      { IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: null }, // 4 fails: a blank is not 0
      { IN_TOUCH: 'NO', ACTIV: 'F2', ACCOM: 'D1' }, // passes: not died or home
    ];
    assert.deepEqual(hits(rule344, { OC3 }), ['OC3.csv:3', 'OC3.csv:4']);
  });

  it('345: in touch: activity and accommodation known (not 0)', () => {
    const OC3 = [
      { IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' },
      { IN_TOUCH: 'YES', ACTIV: '0', ACCOM: 'D1' }, // 3 fails
      { IN_TOUCH: 'YES', ACTIV: 'G4', ACCOM: '0' }, // 4 fails
      { IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }, // passes
    ];
    assert.deepEqual(hits(rule345, { OC3 }), ['OC3.csv:3', 'OC3.csv:4']);
  });

  it('391: aged 17 to 21 at some time in the year', () => {
    const OC3 = [
      { DOB: '2009-03-31', IN_TOUCH: 'YES' }, // 17 on 31 March 2026 (boundary): passes
      { DOB: '2009-04-01', IN_TOUCH: 'YES' }, // 3: 17 only on 1 April 2026: fails
      { DOB: '2003-04-02', IN_TOUCH: 'YES' }, // 22 on 2 April 2025, so 21 on 1 April: passes
      { DOB: '2003-04-01', IN_TOUCH: 'YES' }, // 5: 22 on 1 April 2025: fails
      { DOB: '2010-01-01', IN_TOUCH: null }, // no care leaver data: passes
    ];
    assert.deepEqual(hits(rule391, { OC3 }), ['OC3.csv:3', 'OC3.csv:5']);
  });

  it('134: no care leaver data for an adopted child', () => {
    const AD1 = [
      { CHILD: 'A', DATE_INT: '2025-05-01' }, // 2 fails: A has OC3 data
      { CHILD: 'B', DATE_INT: '2025-05-01' }, // passes: B's OC3 row is blank
      { CHILD: 'C' }, // passes: no adoption data
    ];
    const OC3 = [{ CHILD: 'A', IN_TOUCH: 'YES' }, { CHILD: 'B' }, { CHILD: 'C', IN_TOUCH: 'YES' }];
    assert.deepEqual(hits(rule134, { AD1, OC3 }), ['AD1.csv:2']);
  });

  it('1000 and 1011: no care leaver data for a child who died in care, or whose care moved to another authority', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', REC: 'E2', DEC: '2025-06-01' },
      { CHILD: 'B', DECOM: '2024-05-01', REC: 'E3', DEC: '2024-06-01' },
      { CHILD: 'C', DECOM: '2024-05-01', REC: 'E3', DEC: '2024-06-01' },
      { CHILD: 'C', DECOM: '2025-05-01', REC: 'E4A', DEC: '2025-06-01' }, // C's final episode is not E3
    ];
    const OC3 = [
      { CHILD: 'A', IN_TOUCH: 'NO' },
      { CHILD: 'B', IN_TOUCH: 'NO' },
      { CHILD: 'C', IN_TOUCH: 'NO' },
    ];
    assert.deepEqual(hits(rule1000, { Episodes, OC3 }), ['OC3.csv:2']);
    assert.deepEqual(hits(rule1011, { Episodes, OC3 }), ['OC3.csv:3']);
  });

  it('1012: adoption, missing, review, previous permanence and OC2 rows only for children with an episode', () => {
    const Episodes = [{ CHILD: 'A', DECOM: '2025-05-01' }];
    const tables = {
      Episodes,
      Reviews: [{ CHILD: 'A' }, { CHILD: 'B' }], // Reviews.csv:3 fails
      Missing: [{ CHILD: 'B' }], // Missing.csv:2 fails
      OC3: [{ CHILD: 'B', IN_TOUCH: 'YES' }], // OC3 is for such children: passes
    };
    assert.deepEqual(hits(rule1012, tables), ['Missing.csv:2', 'Reviews.csv:3']);
  });

  it('1014: no UASC row for a care leaver not looked after in the year', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2024-05-01', DEC: '2025-04-01', REC: 'E8' }, // ended on 1 April (boundary): in the year
      { CHILD: 'B', DECOM: '2024-05-01', DEC: '2025-03-31', REC: 'E8' }, // ended the day before the year
    ];
    const UASC = [{ CHILD: 'A' }, { CHILD: 'B' }];
    const OC3 = [
      { CHILD: 'A', IN_TOUCH: 'YES' },
      { CHILD: 'B', IN_TOUCH: 'YES' },
    ];
    assert.deepEqual(hits(rule1014, { Episodes, UASC, OC3 }), ['UASC.csv:3']);
  });

  it('3001: not with former foster carers (Z1, Z2) around the 17th birthday', () => {
    const Header = [
      { CHILD: 'A', DOB: '2008-04-01' }, // 17 on 1 April 2025, the year's first day
      { CHILD: 'B', DOB: '2008-03-31' }, // 17 on 31 March 2025, before the year (18 in it)
    ];
    const OC3 = [
      { CHILD: 'A', ACCOM: 'Z1' }, // 2 fails
      { CHILD: 'B', ACCOM: 'Z1' }, // passes
    ];
    assert.deepEqual(hits(rule3001, { Header, OC3 }), ['OC3.csv:2']);
  });
});
