import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { buildCrossYearContext } from './cross-year-context';
import { rule702, rule703, rule704, rule705, rule706, rule707, rule708, rule709, rule710 } from './dolo';
import { hits, returnOf, type Partial903 } from './testing';

/** "Table.csv:line" of each hit of 706, this year's return against last year's. */
function hits706(now: Partial903, last: Partial903, year: number): string[] {
  const issues = new IssueLog();
  runRules([rule706], year, buildCrossYearContext(returnOf(now), returnOf(last), year), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}`);
}

describe('903 DoLO rules (2026/27)', () => {
  // 2026/27: the collection year runs 2026-04-01 to 2027-03-31.
  it('702: a DoLO ending on or before its start', () => {
    const DoLo = [
      { DOLO_START: '2026-06-01', DOLO_END: '2026-06-01' }, // line 2 fails: the validator's <= takes the same day
      { DOLO_START: '2026-06-01', DOLO_END: null }, // 3 passes: open
      { DOLO_START: '2026-06-02', DOLO_END: '2026-06-01' }, // 4 fails
      { DOLO_START: '2026-06-01', DOLO_END: '2026-10-02' }, // 5 passes
      { DOLO_START: '2026-13-01', DOLO_END: '2026-06-01' }, // 6 passes: start not a date (rule 701's)
    ];
    assert.deepEqual(hits(rule702, { DoLo }, 2027), ['DoLo.csv:2', 'DoLo.csv:4']);
    assert.deepEqual(hits(rule702, { DoLo }, 2026), []); // no DoLo table before 2026/27
  });
  it('703: a DoLO starting after 31 March 2027', () => {
    const DoLo = [
      { DOLO_START: '2027-03-31' }, // 2 passes: the last day
      { DOLO_START: '2027-04-01' }, // 3 fails
      { DOLO_START: null }, // 4 passes
      { DOLO_START: '2025-01-01' }, // 5 passes: starting before the year is allowed
    ];
    assert.deepEqual(hits(rule703, { DoLo }, 2027), ['DoLo.csv:3']);
  });
  it('704: a DoLO ending outside 2026-04-01 … 2027-03-31', () => {
    const DoLo = [
      { DOLO_START: '2026-01-01', DOLO_END: '2026-03-31' }, // 2 fails: last year
      { DOLO_START: '2026-01-01', DOLO_END: '2026-04-01' }, // 3 passes: first day
      { DOLO_START: '2026-01-01', DOLO_END: '2027-03-31' }, // 4 passes: last day
      { DOLO_START: '2026-01-01', DOLO_END: '2027-04-01' }, // 5 fails
      { DOLO_START: '2026-01-01', DOLO_END: null }, // 6 passes: open
    ];
    assert.deepEqual(hits(rule704, { DoLo }, 2027), ['DoLo.csv:2', 'DoLo.csv:5']);
  });
  it('705: a DoLO after one still open, or starting before the DoLO that ended just before it', () => {
    const DoLo = [
      { CHILD: 'A', DOLO_START: '2026-05-01', DOLO_END: '2026-05-02' }, // 2
      { CHILD: 'A', DOLO_START: '2026-05-04', DOLO_END: '2026-05-04' }, // 3
      { CHILD: 'A', DOLO_START: '2026-05-03', DOLO_END: '2026-05-06' }, // 4
      { CHILD: 'B', DOLO_START: '2026-05-01', DOLO_END: null }, // 5
      { CHILD: 'B', DOLO_START: '2026-05-02', DOLO_END: '2026-05-02' }, // 6
      { CHILD: 'C', DOLO_START: '2026-05-01', DOLO_END: '2026-05-02' }, // 7: alone
    ];
    // A, latest end first: 4 (ends 05-06), 3 (05-04), 2 (05-02). 4 starts 05-03, before 3's start 05-04: fails.
    //   3 starts 05-04, not before 2's start 05-01: passes. 2 has nothing after it.
    // B: 6 (ends 05-02), then the open 5. 6 comes after an open DoLO: fails.
    assert.deepEqual(hits(rule705, { DoLo }, 2027), ['DoLo.csv:4', 'DoLo.csv:6']);
  });
  it('706: a DoLO open at the end of last year is carried into this year with the same start', () => {
    // 2027/28 against 2026/27.
    const last = {
      DoLo: [
        { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: null }, // open; A has it this year: passes
        { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: null }, // open; B's DoLO this year starts 2026-06-02: fails on B's DoLo row
        { CHILD: 'C', DOLO_START: '2026-06-01', DOLO_END: null }, // open; C has no DoLo row this year: fails on C's Header row
        { CHILD: 'D', DOLO_START: '2026-06-01', DOLO_END: '2026-09-01' }, // ended last year: nothing to carry
        { CHILD: 'E', DOLO_START: null, DOLO_END: null }, // no start: skipped
      ],
    };
    const now = {
      Header: [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'C' }, { CHILD: 'D' }, { CHILD: 'E' }], // C on line 4
      DoLo: [
        { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: '2027-05-01' }, // line 2
        { CHILD: 'B', DOLO_START: '2026-06-02', DOLO_END: null }, // line 3
      ],
    };
    assert.deepEqual(hits706(now, last, 2028), ['DoLo.csv:3', 'Header.csv:4']);
    assert.deepEqual(hits706(now, last, 2026), []); // before the DoLo table
  });
  it('708: a DoLO starting on or before the DOB', () => {
    const DoLo = [
      { DOB: '2020-01-01', DOLO_START: '2020-01-01' }, // 2 fails: same day
      { DOB: '2020-01-01', DOLO_START: null }, // 3 passes
      { DOB: null, DOLO_START: '2020-01-01' }, // 4 passes: no DOB
      { DOB: '2019-01-01', DOLO_START: '2020-01-01' }, // 5 passes
      { DOB: '2020-01-01', DOLO_START: '2019-06-01' }, // 6 fails
    ];
    assert.deepEqual(hits(rule708, { DoLo }, 2027), ['DoLo.csv:2', 'DoLo.csv:6']);
  });
  it('710: a DoLO overlapping a K1, P1, R5 or K3 placement', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2026-05-01', DEC: '2026-07-01', REC: 'X1', PLACE: 'P1' },
      { CHILD: 'A', DECOM: '2026-07-01', DEC: null, PLACE: 'K2' },
      { CHILD: 'B', DECOM: '2026-05-01', DEC: null, PLACE: 'K3' },
    ];
    const DoLo = [
      { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: '2026-06-20' }, // 2 fails: inside the P1 episode
      { CHILD: 'A', DOLO_START: '2026-07-02', DOLO_END: '2026-08-01' }, // 3 passes: after P1 ended (07-01); K2 is allowed
      { CHILD: 'A', DOLO_START: '2026-07-01', DOLO_END: '2026-08-01' }, // 4 fails: starts the day P1 ends (start <= DEC)
      { CHILD: 'B', DOLO_START: '2026-04-10', DOLO_END: '2026-04-30' }, // 5 passes: ends before the K3 episode (05-01)
      { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: null }, // 6 passes: no end date, not checked
      { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: '2026-09-01' }, // 7 fails: inside the open K3 episode
    ];
    assert.deepEqual(hits(rule710, { Episodes, DoLo }, 2027), ['DoLo.csv:2', 'DoLo.csv:4', 'DoLo.csv:7']);
  });
  it('707: care ended with a DoLO still open', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2026-05-01', DEC: '2026-09-01', REC: 'E4A' },
      { CHILD: 'B', DECOM: '2026-05-01', DEC: null },
    ];
    const DoLo = [
      { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: null },
      { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: null },
    ];
    assert.deepEqual(hits(rule707, { Episodes, DoLo }, 2027), ['DoLo.csv:2']);
    assert.deepEqual(hits(rule707, { Episodes, DoLo }, 2026), []);
  });
  it('709: a DoLO overlapping an episode placed other than K2, Z12 or Z13', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2026-05-01', DEC: '2026-07-01', REC: 'X1', PLACE: 'K2' },
      { CHILD: 'B', DECOM: '2026-05-01', DEC: '2026-07-01', REC: 'X1', PLACE: 'U4' },
    ];
    const DoLo = [
      { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: '2026-06-20' }, // passes: K2
      { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: '2026-06-20' }, // 3 fails: U4
      { CHILD: 'B', DOLO_START: '2026-08-01', DOLO_END: '2026-08-20' }, // 4 passes: after the episode
    ];
    assert.deepEqual(hits(rule709, { Episodes, DoLo }, 2027), ['DoLo.csv:3']);
  });
});
