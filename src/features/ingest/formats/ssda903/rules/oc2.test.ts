/**
 * The OC2 rules in 2025/26 (1 April 2025 to 31 March 2026). Children A–F are looked after continuously (one episode
 * open since 1 January 2024); N started care on 1 June 2025, so was not. OC2 row n is on line n + 1. Each boundary
 * birthday is worked from the year's first or last day (e.g. born 1 April 2021: 4th birthday 1 April 2025, the
 * year's first day; 5th birthday 1 April 2026, the day after its last).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule157,
  rule158,
  rule159,
  rule180,
  rule181,
  rule182,
  rule185,
  rule186,
  rule187,
  rule188,
  rule189,
  rule190,
  rule191,
  rule192,
  rule193,
  rule197B,
  rule197a,
  rule198,
  rule215,
  rule542,
  rule543,
  rule544,
  rule545,
  rule546,
  rule547,
} from './oc2';
import { hits } from './testing';

const Episodes = [
  ...['A', 'B', 'C', 'D', 'E', 'F'].map((CHILD) => ({ CHILD, DECOM: '2024-01-01', RNE: 'S', LS: 'C2' })),
  { CHILD: 'N', DECOM: '2025-06-01', RNE: 'S', LS: 'C2' },
];
/** Every item of a looked-after child's OC2 row given (no conviction or health surveillance: age decides those). */
const full = { IMMUNISATIONS: '1', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' };

describe('903 OC2 rules: the SDQ', () => {
  it('157: SDQ1 (age) only for a child under 4 on 1 April or 16 by 31 March', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2015-06-01', SDQ_REASON: 'SDQ1' }, // 2 fails: aged 9–10 all year
      { CHILD: 'B', DOB: '2021-04-01', SDQ_REASON: 'SDQ1' }, // 3 fails: 4 on 1 April itself
      { CHILD: 'C', DOB: '2021-04-02', SDQ_REASON: 'SDQ1' }, // 4 passes: 4 on 2 April
      { CHILD: 'D', DOB: '2010-03-31', SDQ_REASON: 'SDQ1' }, // 5 fails: 16 on 31 March itself
      { CHILD: 'E', DOB: '2010-03-30', SDQ_REASON: 'SDQ1' }, // 6 passes: 16 on 30 March
      { CHILD: 'F', DOB: '2015-06-01', SDQ_REASON: 'SDQ2' }, // 7 passes: another reason
      { CHILD: 'N', DOB: '2015-06-01', SDQ_REASON: 'SDQ1' }, // 8 passes: not looked after all year
    ];
    assert.deepEqual(hits(rule157, { Episodes, OC2 }), ['OC2.csv:2', 'OC2.csv:3', 'OC2.csv:5']);
  });

  it('180: a score is a whole number from 0 to 40', () => {
    const OC2 = ['0', '40', '41', '-1', 'ABC', null, '12.0'].map((SDQ_SCORE) => ({ CHILD: 'A', SDQ_SCORE }));
    assert.deepEqual(hits(rule180, { OC2 }), ['OC2.csv:4', 'OC2.csv:5', 'OC2.csv:6']);
  });

  it('185, 198: a score or a reason only for a child looked after all year; 197a: never both', () => {
    const OC2 = [
      { CHILD: 'N', SDQ_SCORE: '12' }, // 2: 185 fails
      { CHILD: 'A', SDQ_SCORE: '12' }, // 3: passes
      { CHILD: 'N', SDQ_REASON: 'SDQ2' }, // 4: 198 fails
      { CHILD: 'B', SDQ_SCORE: '12', SDQ_REASON: 'SDQ2' }, // 5: 197a fails
    ];
    assert.deepEqual(hits(rule185, { Episodes, OC2 }), ['OC2.csv:2']);
    assert.deepEqual(hits(rule198, { Episodes, OC2 }), ['OC2.csv:4']);
    assert.deepEqual(hits(rule197a, { Episodes, OC2 }), ['OC2.csv:5']);
  });

  it('186: a score or reason for a child 4 or over on 1 April and under 17 on 31 March', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2015-06-01' }, // 2 fails
      { CHILD: 'B', DOB: '2009-04-01' }, // 3 fails: 17 on 1 April 2026, the day after the year
      { CHILD: 'C', DOB: '2009-03-31' }, // 4 passes: 17 on 31 March (197B's)
      { CHILD: 'D', DOB: '2021-04-01' }, // 5 fails: 4 on 1 April
      { CHILD: 'E', DOB: '2015-06-01', SDQ_SCORE: '9' }, // 6 passes
      { CHILD: 'N', DOB: '2015-06-01' }, // 7 passes: not looked after all year
    ];
    assert.deepEqual(hits(rule186, { Episodes, OC2 }), ['OC2.csv:2', 'OC2.csv:3', 'OC2.csv:5']);
  });

  it('197B: a score or reason for a child turning 4 or 17 in the year', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2021-05-01' }, // 2 fails: 4 on 1 May 2025
      { CHILD: 'B', DOB: '2009-03-31' }, // 3 fails: 17 on 31 March 2026
      { CHILD: 'C', DOB: '2008-04-01' }, // 4 fails: 17 on 1 April 2025
      { CHILD: 'D', DOB: '2015-06-01' }, // 5 passes: neither (186's)
      { CHILD: 'E', DOB: '2021-05-01', SDQ_REASON: 'SDQ1' }, // 6 passes
      { CHILD: 'N', DOB: '2021-05-01' }, // 7 passes: not looked after all year
    ];
    assert.deepEqual(hits(rule197B, { Episodes, OC2 }), ['OC2.csv:2', 'OC2.csv:3', 'OC2.csv:4']);
  });

  it('188: none under 4 on 31 March; 189: none 17 before 1 April', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2022-04-01', SDQ_SCORE: '5' }, // 2: 188 fails (4 on 1 April 2026)
      { CHILD: 'B', DOB: '2022-03-31', SDQ_REASON: 'SDQ1' }, // 3: passes (4 on 31 March)
      { CHILD: 'C', DOB: '2023-01-01' }, // 4: passes (nothing given)
      { CHILD: 'D', DOB: '2008-03-31', SDQ_REASON: 'SDQ1' }, // 5: 189 fails (17 on 31 March 2025)
      { CHILD: 'E', DOB: '2008-04-01', SDQ_REASON: 'SDQ1' }, // 6: passes (17 on 1 April 2025)
    ];
    assert.deepEqual(hits(rule188, { OC2 }), ['OC2.csv:2']);
    assert.deepEqual(hits(rule189, { OC2 }), ['OC2.csv:5']);
  });
});

describe('903 OC2 rules: who has OC2 and which items', () => {
  it('181: each item 0, 1 or blank (one hit per row)', () => {
    const OC2 = [
      { CHILD: 'A', CONVICTED: '2', TEETH_CHECK: 'Y' }, // 2 fails
      { CHILD: 'B', ...full, CONVICTED: '0', HEALTH_CHECK: null }, // 3 passes
      { CHILD: 'C', TEETH_CHECK: 'Y' }, // 4 fails
    ];
    assert.deepEqual(hits(rule181, { OC2 }), ['OC2.csv:2', 'OC2.csv:4']);
  });

  it('182: the four core items whenever another is given', () => {
    const OC2 = [
      { CHILD: 'A', CONVICTED: '0', TEETH_CHECK: '1', HEALTH_ASSESSMENT: '1', SUBSTANCE_MISUSE: '0' }, // 2 fails
      { CHILD: 'B', ...full, CONVICTED: '0' }, // 3 passes
      { CHILD: 'C', TEETH_CHECK: '1' }, // 4 passes: nothing else given
    ];
    assert.deepEqual(hits(rule182, { OC2 }), ['OC2.csv:2']);
  });

  it('187: no OC3 or AD1 data for a child looked after all year', () => {
    const OC3 = [
      { CHILD: 'A', IN_TOUCH: 'YES' }, // 2 fails
      { CHILD: 'N', IN_TOUCH: 'YES' }, // 3 passes
    ];
    const AD1 = [{ CHILD: 'B', DATE_INT: '2024-06-01' }]; // 2 fails
    assert.deepEqual(hits(rule187, { Episodes, OC3, AD1 }), ['OC3.csv:2', 'AD1.csv:2']);
  });

  it('190: no items for a child not looked after all year; 191: the four core items and a row for one who was', () => {
    const OC2 = [
      { CHILD: 'N', IMMUNISATIONS: '1' }, // 2: 190 fails
      { CHILD: 'A', ...full }, // 3: passes both
      { CHILD: 'B', ...full, SUBSTANCE_MISUSE: null }, // 4: 191 fails
      { CHILD: 'N', DOB: '2015-01-01' }, // 5: passes both (nothing given, not looked after all year)
    ];
    assert.deepEqual(hits(rule190, { Episodes, OC2 }), ['OC2.csv:2']);
    // C–F are looked after all year with no OC2 row: their episodes (lines 4–7) are hit.
    assert.deepEqual(hits(rule191, { Episodes, OC2 }), [
      'OC2.csv:4',
      'Episodes.csv:4',
      'Episodes.csv:5',
      'Episodes.csv:6',
      'Episodes.csv:7',
    ]);
  });

  it('215: no 12-month items for a child with care leaver data (both rows hit)', () => {
    const OC3 = [
      { CHILD: 'A', IN_TOUCH: 'YES' }, // 2 fails with OC2 line 2
      { CHILD: 'B', ACTIV: 'F1' }, // 3 passes: B's OC2 has only an SDQ
    ];
    const OC2 = [
      { CHILD: 'A', CONVICTED: '0' },
      { CHILD: 'B', SDQ_SCORE: '10' },
    ];
    assert.deepEqual(hits(rule215, { OC3, OC2 }), ['OC3.csv:2', 'OC2.csv:2']);
  });
});

describe('903 OC2 rules: convictions, health surveillance and substance misuse', () => {
  it('542/543: convictions given from 10 on 31 March, not before', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2016-04-01', CONVICTED: '0' }, // 2: 542 fails (10 on 1 April 2026)
      { CHILD: 'B', DOB: '2016-03-31', CONVICTED: '0' }, // 3: passes both (10 on 31 March)
      { CHILD: 'C', DOB: '2016-03-31' }, // 4: passes both (10 on 31 March: may be blank)
      { CHILD: 'D', DOB: '2016-03-30' }, // 5: 543 fails (10 on 30 March, blank)
      { CHILD: 'N', DOB: '2010-01-01' }, // 6: passes (not looked after all year)
    ];
    assert.deepEqual(hits(rule542, { Episodes, OC2 }), ['OC2.csv:2']);
    assert.deepEqual(hits(rule543, { Episodes, OC2 }), ['OC2.csv:5']);
  });

  it('545/546: health surveillance for children under 5 on 31 March, and only them', () => {
    const OC2 = [
      { CHILD: 'A', DOB: '2021-04-01' }, // 2: 545 fails (5 on 1 April 2026)
      { CHILD: 'B', DOB: '2021-03-31' }, // 3: passes both (5 on 31 March)
      { CHILD: 'C', DOB: '2021-03-31', HEALTH_CHECK: '1' }, // 4: 546 fails
      { CHILD: 'D', DOB: '2021-04-01', HEALTH_CHECK: '1' }, // 5: passes both
      { CHILD: 'N', DOB: '2023-01-01' }, // 6: passes (not looked after all year)
    ];
    assert.deepEqual(hits(rule545, { Episodes, OC2 }), ['OC2.csv:2']);
    assert.deepEqual(hits(rule546, { Episodes, OC2 }), ['OC2.csv:4']);
  });

  it('544/547: a conviction or health surveillance needs the four core items', () => {
    const OC2 = [
      { CHILD: 'A', ...full, CONVICTED: '1', TEETH_CHECK: null }, // 2: 544 fails
      { CHILD: 'B', ...full, CONVICTED: '0', TEETH_CHECK: null }, // 3: passes (182's)
      { CHILD: 'C', ...full, HEALTH_CHECK: '1', IMMUNISATIONS: null }, // 4: 547 fails
      { CHILD: 'D', ...full, HEALTH_CHECK: '1' }, // 5: passes
    ];
    assert.deepEqual(hits(rule544, { OC2 }), ['OC2.csv:2']);
    assert.deepEqual(hits(rule547, { OC2 }), ['OC2.csv:4']);
  });

  it('158/159/192/193: the interventions follow the substance misuse answer', () => {
    const OC2 = [
      { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1' }, // 2: passes all
      { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '1', INTERVENTION_OFFERED: '0' }, // 3: 158 fails
      { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0' }, // 4: 159 fails
      { SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' }, // 5: passes all
      { SUBSTANCE_MISUSE: '1' }, // 6: 192 fails
      { SUBSTANCE_MISUSE: '0', INTERVENTION_RECEIVED: '0' }, // 7: 193 fails
      { INTERVENTION_OFFERED: '1' }, // 8: 193 fails (blank misuse)
      { SUBSTANCE_MISUSE: '0' }, // 9: passes all
    ];
    assert.deepEqual(hits(rule158, { OC2 }), ['OC2.csv:3']);
    assert.deepEqual(hits(rule159, { OC2 }), ['OC2.csv:4']);
    assert.deepEqual(hits(rule192, { OC2 }), ['OC2.csv:6']);
    assert.deepEqual(hits(rule193, { OC2 }), ['OC2.csv:7', 'OC2.csv:8']);
  });
});
