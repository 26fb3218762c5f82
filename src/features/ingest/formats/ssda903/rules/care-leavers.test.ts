import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule1007, rule1016 } from './care-leavers';
import { addYears } from './context';
import { hits } from './testing';

describe('903 care-leaver (OC3) rules', () => {
  it('addYears: 29 February becomes 28 February in a common year', () => {
    assert.equal(addYears('2008-02-29', 17), '2025-02-28'); // 2025 is not a leap year
    assert.equal(addYears('2008-02-29', 16), '2024-02-29'); // 2024 is
  });
  it('1007: no OC3 data for a 17/18-year-old looked after on their last birthday (2025/26, 31 March 2026)', () => {
    // DOB 2008-06-15: 17th birthday 2025-06-15 <= 2026-03-31 < 19th 2027-06-15, so 17; last birthday 2025-06-15.
    // DOB 2007-05-01: 18 at 31 March 2026 (19th is 2026-05-01); last birthday 2025-05-01.
    // DOB 2007-01-10: 19th birthday 2026-01-10 is before 31 March, so out of the rule.
    const Episodes = [
      { CHILD: 'A', DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E8' }, // covers 2025-06-15
      { CHILD: 'B', DECOM: '2024-01-01', DEC: '2025-06-15', REC: 'E8' }, // ended on the birthday: DEC > birthday is false
      { CHILD: 'C', DECOM: '2024-01-01', DEC: null }, // still open: covers it
      { CHILD: 'D', DECOM: '2024-01-01', DEC: null }, // open, but D is 19
      { CHILD: 'E', DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E8' }, // covers, but E's OC3 is empty
      { CHILD: 'F', DECOM: '2025-04-20', DEC: '2025-05-02', REC: 'E8' }, // covers 2025-05-01
    ];
    const OC3 = [
      { CHILD: 'A', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // line 2 fails
      { CHILD: 'B', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // 3 passes
      { CHILD: 'C', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // 4 fails
      { CHILD: 'D', DOB: '2007-01-10', IN_TOUCH: 'YES' }, // 5 passes: aged 19
      { CHILD: 'E', DOB: '2008-06-15', IN_TOUCH: null, ACTIV: null, ACCOM: null }, // 6 passes: no data
      { CHILD: 'F', DOB: '2007-05-01', ACTIV: 'F1' }, // 7 fails: ACTIV alone is care-leaver data
    ];
    assert.deepEqual(hits(rule1007, { Episodes, OC3 }), ['OC3.csv:2', 'OC3.csv:4', 'OC3.csv:7']);
  });
  it('1016: no OC3 data for a 17/18-year-old whose care ended after their birthday in the year (from 2023/24)', () => {
    // A, B, C, E: DOB 2008-06-15, 17 at 31 March 2026, birthday in the year 2025-06-15.
    // D, G: DOB 2007-05-01, 18 at 31 March 2026, birthday in the year (the 18th) 2025-05-01; 17th was 2024-05-01.
    const Episodes = [
      { CHILD: 'A', DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E8' }, // after 2025-06-15
      { CHILD: 'B', DECOM: '2024-01-01', DEC: '2025-06-15', REC: 'E8' }, // on the birthday: not after it (the validator's code fails it)
      { CHILD: 'C', DECOM: '2024-01-01', DEC: '2025-06-14', REC: 'E8' }, // the day before
      { CHILD: 'D', DECOM: '2024-01-01', DEC: '2024-09-01', REC: 'E8' }, // after the 17th, before the 18th (the validator's code fails it)
      { CHILD: 'E', DECOM: '2024-01-01', DEC: null }, // open: no DEC to compare (1007's case)
      { CHILD: 'F', DECOM: '2024-01-01', DEC: '2026-02-01', REC: 'E8' }, // F is 16
      { CHILD: 'G', DECOM: '2024-01-01', DEC: '2025-12-01', REC: 'E8' }, // after 2025-05-01
    ];
    const OC3 = [
      { CHILD: 'A', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // line 2 fails
      { CHILD: 'B', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // 3 passes
      { CHILD: 'C', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // 4 passes
      { CHILD: 'D', DOB: '2007-05-01', ACCOM: 'B1' }, // 5 passes
      { CHILD: 'E', DOB: '2008-06-15', IN_TOUCH: 'YES' }, // 6 passes
      { CHILD: 'F', DOB: '2010-01-01', IN_TOUCH: 'YES' }, // 7 passes: 16 at 31 March 2026
      { CHILD: 'G', DOB: '2007-05-01', ACCOM: 'B1' }, // 8 fails
    ];
    assert.deepEqual(hits(rule1016, { Episodes, OC3 }), ['OC3.csv:2', 'OC3.csv:8']);
    assert.deepEqual(hits(rule1016, { Episodes, OC3 }, 2023), []); // not in 2022/23
  });
});
