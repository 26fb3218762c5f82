/**
 * The cross-year rules on adoption decisions, missing periods and care leavers, worked by hand: this year is 2025/26
 * (1 April 2025 to 31 March 2026), last year 2024/25 (from 1 April 2024).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import {
  rule1000LastYear,
  rule1001,
  rule1002,
  rule199LastYear,
  rule348,
  rule559,
  rule560,
  rule561,
  rule576,
  rule584,
} from './cross-year-adoption';
import { buildCrossYearContext, type CrossYearRule } from './cross-year-context';
import { returnOf, type Partial903 } from './testing';

function hits(rule: CrossYearRule, now: Partial903, last: Partial903, year = 2026): string[] {
  const issues = new IssueLog();
  runRules([rule], year, buildCrossYearContext(returnOf(now), returnOf(last), year), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}`);
}

describe('903 cross-year rules: adoption, missing, care leavers', () => {
  it('199: no episode this year after an adoption last year', () => {
    const last = { Episodes: [{ CHILD: 'A', DECOM: '2024-05-01', PLACE: 'A6', DEC: '2024-12-01', REC: 'E11' }] };
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-06-01' }, // 2 fails
        { CHILD: 'B', DECOM: '2025-06-01' }, // passes: not adopted
      ],
    };
    assert.deepEqual(hits(rule199LastYear, now, last), ['Episodes.csv:2']);
  });

  it('348 (from 2025/26): reported as died last year', () => {
    const last = {
      OC3: [
        { CHILD: 'A', IN_TOUCH: 'DIED' },
        { CHILD: 'B', IN_TOUCH: 'DIED' },
      ],
    };
    const now = {
      OC3: [
        { CHILD: 'A', IN_TOUCH: 'YES' },
        { CHILD: 'B', IN_TOUCH: 'DIED' },
      ],
    };
    assert.deepEqual(hits(rule348, now, last), ['OC3.csv:2']);
    assert.deepEqual(hits(rule348, now, last, 2025), []);
  });

  it('559: a decision from before the year was in last year’s return', () => {
    const last = { PlacedAdoption: [{ CHILD: 'A', DATE_PLACED: '2025-01-10' }] };
    const now = {
      PlacedAdoption: [
        { CHILD: 'A', DATE_PLACED: '2025-01-10' }, // passes
        { CHILD: 'B', DATE_PLACED: '2025-03-31' }, // 3 fails: before 1 April, not last year
        { CHILD: 'C', DATE_PLACED: '2025-04-01' }, // passes: this year's
      ],
    };
    assert.deepEqual(hits(rule559, now, last), ['PlacedAdoption.csv:3']);
  });

  it('560: last year’s open decision keeps its date (a new one beside it passes)', () => {
    const last = {
      PlacedAdoption: [
        { CHILD: 'A', DATE_PLACED: '2025-01-10' },
        { CHILD: 'B', DATE_PLACED: '2025-01-10' },
        { CHILD: 'C', DATE_PLACED: '2025-01-10' },
      ],
    };
    const now = {
      PlacedAdoption: [
        { CHILD: 'A', DATE_PLACED: '2025-01-10' }, // passes
        { CHILD: 'B', DATE_PLACED: '2025-01-11' }, // 3 fails: the date moved
        { CHILD: 'C', DATE_PLACED: '2025-01-10', DATE_PLACED_CEASED: '2025-05-01', REASON_PLACED_CEASED: 'RD1' },
        { CHILD: 'C', DATE_PLACED: '2025-09-01' }, // passes: a new decision after the reversal
      ],
    };
    assert.deepEqual(hits(rule560, now, last), ['PlacedAdoption.csv:3']);
  });

  it('561 and 584: a decision reversed last year is not reported again; a new one comes after it', () => {
    const last = {
      PlacedAdoption: [
        { CHILD: 'A', DATE_PLACED: '2024-06-01', DATE_PLACED_CEASED: '2024-10-01', REASON_PLACED_CEASED: 'RD1' },
        { CHILD: 'B', DATE_PLACED: '2024-06-01', DATE_PLACED_CEASED: '2024-10-01', REASON_PLACED_CEASED: 'RD1' },
      ],
    };
    const now = {
      PlacedAdoption: [
        { CHILD: 'A', DATE_PLACED: '2024-06-01' }, // 2: 561 and 584 fail
        { CHILD: 'B', DATE_PLACED: '2024-06-02' }, // passes: after it
        { CHILD: 'B', DATE_PLACED: null }, // 4: 584 fails (undated)
      ],
    };
    assert.deepEqual(hits(rule561, now, last), ['PlacedAdoption.csv:2']);
    assert.deepEqual(hits(rule584, now, last), ['PlacedAdoption.csv:2', 'PlacedAdoption.csv:4']);
  });

  it('576: last year’s open missing period is this year’s first', () => {
    const last = {
      Missing: [
        { CHILD: 'A', MIS_START: '2025-03-30', MIS_END: null },
        { CHILD: 'B', MIS_START: '2025-03-30', MIS_END: null },
      ],
    };
    const now = {
      Missing: [
        { CHILD: 'A', MIS_START: '2025-03-30', MIS_END: '2025-04-02' }, // passes
        { CHILD: 'A', MIS_START: '2025-05-01', MIS_END: '2025-05-02' }, // passes: a later one
        { CHILD: 'B', MIS_START: '2025-04-01', MIS_END: '2025-04-02' }, // 4 fails: not it
      ],
    };
    assert.deepEqual(hits(rule576, now, last), ['Missing.csv:4']);
  });

  it('1000: no care leaver data for a child who died in care last year', () => {
    const last = { Episodes: [{ CHILD: 'A', DECOM: '2024-05-01', DEC: '2024-08-01', REC: 'E2' }] };
    const now = {
      OC3: [
        { CHILD: 'A', IN_TOUCH: 'NO' },
        { CHILD: 'B', IN_TOUCH: 'NO' },
      ],
    };
    assert.deepEqual(hits(rule1000LastYear, now, last), ['OC3.csv:2']);
  });

  it('1001: adopted, or not looked after since 16 where the two returns would show it', () => {
    // A, 16 on 1 June 2024 (inside last year): looked after 1 May to 1 September 2024, so since 16: passes.
    // B, 16 on 1 June 2024: looked after only before it (to 31 May 2024): fails.
    // C, 16 on 1 January 2024 (before last year): no care in either return, but it could be earlier: not reported.
    // D: adopted (the last episode ends E11): fails.
    const Header = [
      { CHILD: 'A', DOB: '2008-06-01' },
      { CHILD: 'B', DOB: '2008-06-01' },
      { CHILD: 'C', DOB: '2008-01-01' },
      { CHILD: 'D', DOB: '2008-06-01' },
    ];
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2024-05-01', LS: 'V2', DEC: '2024-09-01', REC: 'E4A' },
        { CHILD: 'B', DECOM: '2024-04-01', LS: 'V2', DEC: '2024-06-01', REC: 'E4A' },
        { CHILD: 'D', DECOM: '2024-04-01', LS: 'E1', PLACE: 'A6', DEC: '2024-09-01', REC: 'E11' },
      ],
    };
    const OC3 = ['A', 'B', 'C', 'D'].map((CHILD) => ({ CHILD, IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'D1' }));
    assert.deepEqual(hits(rule1001, { Header, OC3 }, last), ['OC3.csv:3', 'OC3.csv:5']);
  });

  it('1002: no episode this year or last, where the 16th birthday is in last year or later', () => {
    const Header = [
      { CHILD: 'A', DOB: '2008-04-01' }, // 16 on 1 April 2024 (last year's first day): reported
      { CHILD: 'B', DOB: '2008-03-31' }, // 16 the day before: care may be earlier: not reported
      { CHILD: 'C', DOB: '2008-06-01' }, // has an episode last year: passes
    ];
    const OC3 = ['A', 'B', 'C'].map((CHILD) => ({ CHILD, IN_TOUCH: 'NO', ACTIV: '0', ACCOM: '0' }));
    const last = { Episodes: [{ CHILD: 'C', DECOM: '2024-05-01', DEC: '2024-09-01', REC: 'E4A' }] };
    assert.deepEqual(hits(rule1002, { Header, OC3 }, last), ['OC3.csv:2']);
  });
});
