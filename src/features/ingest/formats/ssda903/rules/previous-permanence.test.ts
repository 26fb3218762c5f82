/**
 * Previous permanence (630, 632, 633, 634, 635) and DATE_PERM's unknown parts, worked by hand (collection year
 * 2025/26: 1 April 2025 to 31 March 2026).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partialDatePerm } from '../date-perm';
import { rule633 } from './codes';
import { rule630, rule632, rule634, rule635 } from './previous-permanence';
import { hits } from './testing';

describe('903 previous permanence rules', () => {
  it('DATE_PERM: the latest day a date with unknown parts can mean', () => {
    assert.equal(partialDatePerm('ZZ/05/2019'), '2019-05-31');
    assert.equal(partialDatePerm('ZZ/02/2020'), '2020-02-29'); // a leap year
    assert.equal(partialDatePerm('05/ZZ/2020'), '2020-12-05');
    assert.equal(partialDatePerm('ZZ/ZZ/2019'), '2019-12-31');
    assert.equal(partialDatePerm('zz/zz/zzzz'), ''); // year unknown: not compared
    assert.equal(partialDatePerm('ZZ/ZZ/ZZ'), null);
    assert.equal(partialDatePerm('ZZ/13/2019'), null);
    assert.equal(partialDatePerm('31/02/2020'), null);
  });

  it('630: a child starting care in the year has a previous permanence row (not run without a PrevPerm file)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-04-01', RNE: 'S' }, // first day of the year: needs a row; Z1 alone: passes
      { CHILD: 'B', DECOM: '2025-06-01', RNE: 'S' }, // 3: P1 without LA_PERM: fails
      { CHILD: 'C', DECOM: '2025-06-01', RNE: 'S' }, // 4: no row: fails
      { CHILD: 'D', DECOM: '2025-03-31', RNE: 'S' }, // started before the year: passes
      { CHILD: 'E', DECOM: '2025-06-01', RNE: 'P' }, // not a start of care: passes
      { CHILD: 'F', DECOM: '2025-06-01', RNE: 'S' }, // P2 with both, the date partly unknown: passes
    ];
    const PrevPerm = [
      { CHILD: 'A', PREV_PERM: 'Z1' },
      { CHILD: 'B', PREV_PERM: 'P1', DATE_PERM: '2019-05-01' },
      { CHILD: 'F', PREV_PERM: 'P2', LA_PERM: '302', DATE_PERM: 'ZZ/05/2019' },
    ];
    assert.deepEqual(hits(rule630, { Episodes, PrevPerm }), ['Episodes.csv:3', 'Episodes.csv:4']);
    assert.deepEqual(hits(rule630, { Episodes }), []);
  });

  it('632: DATE_PERM a valid (partly known) date, before the start of the period it describes', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2019-06-01', RNE: 'S' },
      { CHILD: 'B', DECOM: '2019-06-01', RNE: 'S' },
      { CHILD: 'C', DECOM: '2019-06-01', RNE: 'S' },
      // D's earlier period ended in an SGO on 1 June 2025; D came back into care on 1 September 2025.
      { CHILD: 'D', DECOM: '2024-01-01', RNE: 'S', DEC: '2025-06-01', REC: 'E45' },
      { CHILD: 'D', DECOM: '2025-09-01', RNE: 'S' },
      { CHILD: 'E', DECOM: '2019-06-01', RNE: 'S' },
    ];
    const PrevPerm = [
      { CHILD: 'A', DATE_PERM: 'ZZ/05/2019' }, // latest 31 May 2019, before 1 June: passes
      { CHILD: 'B', DATE_PERM: 'ZZ/06/2019' }, // 3: could be 1 June or later: fails
      { CHILD: 'C', DATE_PERM: 'ZZ/ZZ/ZZZZ' }, // year unknown: passes
      { CHILD: 'D', DATE_PERM: '2025-06-01' }, // before the period that began in the year: passes
      { CHILD: 'E', DATE_PERM: '32/01/2019' }, // 6: not a date
    ];
    assert.deepEqual(hits(rule632, { Episodes, PrevPerm }), ['PrevPerm.csv:3', 'PrevPerm.csv:6']);
  });

  it('633: LA_PERM a DfE LA number (today’s or before 2019’s reorganisations) or WAL, SCO, NIR, NUK', () => {
    const PrevPerm = [
      { LA_PERM: '302' },
      { LA_PERM: '943' },
      { LA_PERM: '835' },
      { LA_PERM: 'NUK' },
      { LA_PERM: '999' },
    ];
    assert.deepEqual(hits(rule633, { PrevPerm }), ['PrevPerm.csv:6']);
  });

  it('634: previous permanence only for a child starting care in the year', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-04-01', RNE: 'S' },
      { CHILD: 'B', DECOM: '2025-03-31', RNE: 'S' },
    ];
    const PrevPerm = [
      { CHILD: 'A', PREV_PERM: 'Z1' }, // passes: from the year's first day
      { CHILD: 'B', PREV_PERM: 'Z1' }, // 3 fails: the day before
    ];
    assert.deepEqual(hits(rule634, { Episodes, PrevPerm }), ['PrevPerm.csv:3']);
  });

  it('635: no LA or date with Z1 (none) or no option', () => {
    const PrevPerm = [
      { PREV_PERM: 'P1', LA_PERM: '302', DATE_PERM: '2019-05-01' },
      { PREV_PERM: 'Z1' },
      { PREV_PERM: 'Z1', LA_PERM: '302' }, // 4 fails
      { PREV_PERM: null, DATE_PERM: '2019-05-01' }, // 5 fails
    ];
    assert.deepEqual(hits(rule635, { PrevPerm }), ['PrevPerm.csv:4', 'PrevPerm.csv:5']);
  });
});
