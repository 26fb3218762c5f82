/**
 * The AD1 and adoption-episode rules, each with a row that passes, one that fails and the boundary, worked by hand
 * (collection year 2025/26 unless said; rows are on line n + 1 of "<Table>.csv").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule151,
  rule199,
  rule335,
  rule390,
  rule511,
  rule514,
  rule516,
  rule517,
  rule518,
  rule519,
  rule520,
  rule521,
  rule524,
  rule582,
} from './adopters';
import { rule175 } from './codes';
import { hits } from './testing';

const FULL = {
  DATE_INT: '2025-05-01',
  DATE_MATCH: '2025-07-01',
  FOSTER_CARE: '0',
  NB_ADOPTR: '2',
  SEX_ADOPTR: 'MF',
  LS_ADOPTR: 'L11',
};

describe('903 adoption (AD1) rules', () => {
  it('151: all six items or none', () => {
    const AD1 = [
      { CHILD: 'A', ...FULL }, // 2 passes: all given
      { CHILD: 'B' }, // 3 passes: all blank
      { CHILD: 'C', ...FULL, LS_ADOPTR: null }, // 4 fails: one blank
      { CHILD: 'D', DATE_INT: '2025-05-01' }, // 5 fails: one given
    ];
    assert.deepEqual(hits(rule151, { AD1 }), ['AD1.csv:4', 'AD1.csv:5']);
  });

  it('175: the number of adopters is 1 or 2 (a blank is 151’s)', () => {
    const AD1 = [{ NB_ADOPTR: '1' }, { NB_ADOPTR: '2' }, { NB_ADOPTR: '3' }, { NB_ADOPTR: '0' }, { NB_ADOPTR: null }];
    assert.deepEqual(hits(rule175, { AD1 }), ['AD1.csv:4', 'AD1.csv:5']);
  });

  it('511: two adopters are a couple (not M1 or F1)', () => {
    const AD1 = [
      { NB_ADOPTR: '2', SEX_ADOPTR: 'MM' }, // passes
      { NB_ADOPTR: '2', SEX_ADOPTR: 'F1' }, // 3 fails
      { NB_ADOPTR: '1', SEX_ADOPTR: 'F1' }, // passes: one adopter
    ];
    assert.deepEqual(hits(rule511, { AD1 }), ['AD1.csv:3']);
  });

  it('514, 517–520, 524: the adopters’ legal status and their sex agree (a blank sex fails)', () => {
    const AD1 = [
      { LS_ADOPTR: 'L0', SEX_ADOPTR: 'F1' }, // 2: single, single sex: passes 514
      { LS_ADOPTR: 'L0', SEX_ADOPTR: 'MF' }, // 3: 514 fails
      { LS_ADOPTR: 'L3', SEX_ADOPTR: 'MF' }, // 4: passes 517
      { LS_ADOPTR: 'L3', SEX_ADOPTR: 'FF' }, // 5: 517 fails
      { LS_ADOPTR: 'L4', SEX_ADOPTR: 'FF' }, // 6: passes 518
      { LS_ADOPTR: 'L4', SEX_ADOPTR: 'MF' }, // 7: 518 fails
      { LS_ADOPTR: 'L2', SEX_ADOPTR: 'MF' }, // 8: passes 519 (any couple)
      { LS_ADOPTR: 'L2', SEX_ADOPTR: 'M1' }, // 9: 519 fails
      { LS_ADOPTR: 'L11', SEX_ADOPTR: 'MF' }, // 10: passes 520
      { LS_ADOPTR: 'L11', SEX_ADOPTR: 'MM' }, // 11: 520 fails
      { LS_ADOPTR: 'L12', SEX_ADOPTR: 'MM' }, // 12: passes 524
      { LS_ADOPTR: 'L12', SEX_ADOPTR: null }, // 13: 524 fails (blank)
    ];
    assert.deepEqual(hits(rule514, { AD1 }), ['AD1.csv:3']);
    assert.deepEqual(hits(rule517, { AD1 }), ['AD1.csv:5']);
    assert.deepEqual(hits(rule518, { AD1 }), ['AD1.csv:7']);
    assert.deepEqual(hits(rule519, { AD1 }), ['AD1.csv:9']);
    assert.deepEqual(hits(rule520, { AD1 }), ['AD1.csv:11']);
    assert.deepEqual(hits(rule524, { AD1 }), ['AD1.csv:13']);
  });

  it('390: an adoption ends a placement for adoption (A3–A6)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', PLACE: 'A6', REC: 'E11' }, // passes
      { CHILD: 'B', DECOM: '2025-05-01', PLACE: 'U4', REC: 'E12' }, // 3 fails
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'U4', REC: 'E45' }, // passes: not an adoption
    ];
    assert.deepEqual(hits(rule390, { Episodes }), ['Episodes.csv:3']);
  });

  it('516: an SGO to former foster carers (E45/E46) ends a foster placement (U1–U6)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', PLACE: 'U1', REC: 'E45' }, // passes (boundary U1)
      { CHILD: 'B', DECOM: '2025-05-01', PLACE: 'U6', REC: 'E46' }, // passes (boundary U6)
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'K2', REC: 'E46' }, // 4 fails
      { CHILD: 'D', DECOM: '2025-05-01', PLACE: 'K2', REC: 'E47' }, // passes: other carers
    ];
    assert.deepEqual(hits(rule516, { Episodes }), ['Episodes.csv:4']);
  });

  it('335: adopted by the foster carers (1) or not (0) agrees with A3/A5 or A4/A6', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', PLACE: 'A5', REC: 'E11' },
      { CHILD: 'B', DECOM: '2025-05-01', PLACE: 'A5', REC: 'E11' },
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'A6', REC: 'E12' },
      { CHILD: 'D', DECOM: '2025-05-01', PLACE: 'A6', REC: 'E12' },
    ];
    const AD1 = [
      { CHILD: 'A', FOSTER_CARE: '1' }, // 2 passes: A5 is with the foster carer
      { CHILD: 'B', FOSTER_CARE: '0' }, // 3 fails
      { CHILD: 'C', FOSTER_CARE: '0' }, // 4 passes: A6 is not
      { CHILD: 'D', FOSTER_CARE: '1' }, // 5 fails
    ];
    assert.deepEqual(hits(rule335, { Episodes, AD1 }), ['AD1.csv:3', 'AD1.csv:5']);
  });

  it('521: the best-interests decision is on or before the placement for adoption', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'A6' },
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'A6' },
    ];
    const AD1 = [
      { CHILD: 'A', DATE_INT: '2025-06-01' }, // passes: the same day (boundary)
      { CHILD: 'B', DATE_INT: '2025-06-02' }, // 3 fails: a day after
    ];
    assert.deepEqual(hits(rule521, { Episodes, AD1 }), ['AD1.csv:3']);
  });

  it('582 (a query): adopted the day they were matched', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', REC: 'E11', DEC: '2025-12-01' }, // 2: DEC = DATE_MATCH: reported
      { CHILD: 'B', DECOM: '2025-06-01', REC: 'E11', DEC: '2025-12-02' }, // passes: the day after
    ];
    const AD1 = [
      { CHILD: 'A', DATE_MATCH: '2025-12-01' },
      { CHILD: 'B', DATE_MATCH: '2025-12-01' },
    ];
    assert.deepEqual(hits(rule582, { Episodes, AD1 }), ['Episodes.csv:2']);
    assert.equal(rule582.severity, 'query');
  });

  it('199: no episode after an adoption (in this year’s file)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-04-10', PLACE: 'A6', REC: 'E11', DEC: '2025-06-01' },
      { CHILD: 'A', DECOM: '2025-09-01', PLACE: 'U4', REC: null }, // 3 fails: after the adoption
      { CHILD: 'B', DECOM: '2025-04-10', PLACE: 'U4', REC: 'X1', DEC: '2025-06-01' }, // passes: before it
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'A6', REC: 'E12', DEC: '2025-10-01' }, // passes: the adoption itself
    ];
    assert.deepEqual(hits(rule199, { Episodes }), ['Episodes.csv:3']);
  });
});
