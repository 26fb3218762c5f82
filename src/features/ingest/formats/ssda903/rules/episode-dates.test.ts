import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule301,
  rule302,
  rule351,
  rule352,
  rule353,
  rule354,
  rule356,
  rule385,
  rule388,
  rule431,
  rule437,
} from './episode-dates';
import { hits } from './testing';

// Rows are on line n + 1 (a header line first); the collection year is 2025/26 (1 April 2025 to 31 March 2026).
describe('903 episode date rules', () => {
  it("302: the child's first episode cannot start before the birth", () => {
    const Header = [
      { CHILD: 'A', DOB: '2025-03-15' },
      { CHILD: 'B', DOB: '2025-03-15' },
      { CHILD: 'C', DOB: '2025-03-15' },
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-02-16' }, // 2 fails: a month before the birth
      { CHILD: 'B', DECOM: '2025-03-15' }, // 3 passes: the day of birth (the boundary)
      { CHILD: 'C', DECOM: '2025-03-20' }, // 4 passes
      { CHILD: 'C', DECOM: '2025-03-16' }, // 5 passes: C's first episode (16 March) is after the birth
    ];
    assert.deepEqual(hits(rule302, { Header, Episodes }), ['Episodes.csv:2']);
  });

  it('354: an episode cannot start after 31 March', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2026-03-31' }, // 2 passes: the last day of the year (the boundary)
      { CHILD: 'A', DECOM: '2026-04-01' }, // 3 fails: the day after
      { CHILD: 'B', DECOM: '2025-04-01' }, // 4 passes
    ];
    assert.deepEqual(hits(rule354, { Episodes }), ['Episodes.csv:3']);
  });

  it('356: an episode cannot end before it starts', () => {
    const Episodes = [
      { DECOM: '2025-06-10', DEC: '2025-06-09' }, // 2 fails: a day before
      { DECOM: '2025-06-10', DEC: '2025-06-10' }, // 3 passes: the same day (the boundary)
      { DECOM: '2025-06-10', DEC: null }, // 4 passes: open
      { DECOM: '2025-06-10', DEC: '2025-08-01' }, // 5 passes
    ];
    assert.deepEqual(hits(rule356, { Episodes }), ['Episodes.csv:2']);
  });

  it('388: X1 means a next episode starting that day; a same-day next episode means X1', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' }, // 2 passes: next starts 10 June
      { CHILD: 'A', DECOM: '2025-06-10', DEC: null, REC: null }, // 3 passes: open
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' }, // 4 fails: next starts 1 June (overlap)
      { CHILD: 'B', DECOM: '2025-06-01', DEC: null, REC: null }, // 5 passes
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A' }, // 6 fails: next starts the same day
      { CHILD: 'C', DECOM: '2025-06-10', DEC: null, REC: null }, // 7 passes
      { CHILD: 'D', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' }, // 8 fails: last episode ends X1
      { CHILD: 'E', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A' }, // 9 passes: left care, back later
      { CHILD: 'E', DECOM: '2025-09-01', DEC: null, REC: null }, // 10 passes
    ];
    assert.deepEqual(hits(rule388, { Episodes }), ['Episodes.csv:4', 'Episodes.csv:6', 'Episodes.csv:8']);
  });

  it('301: the date of birth is not after 31 March', () => {
    const Header = [{ DOB: '2026-03-31' }, { DOB: '2026-04-01' }, { DOB: null }];
    // 2: the last day (boundary) passes; 3: the day after fails.
    assert.deepEqual(hits(rule301, { Header }), ['Header.csv:3']);
  });

  it('351: not over 25 on 1 April', () => {
    // 25th birthday on 1 April 2025 (born 1 April 2000) passes; born 31 March 2000, 25 on 31 March 2025, fails.
    const Header = [{ DOB: '2000-04-01' }, { DOB: '2000-03-31' }, { DOB: '2010-01-01' }];
    assert.deepEqual(hits(rule351, { Header }), ['Header.csv:3']);
  });

  it('352: a new period of care (RNE S) does not start at 18 or over', () => {
    const Header = [
      { CHILD: 'A', DOB: '2007-06-01' },
      { CHILD: 'B', DOB: '2007-06-01' },
      { CHILD: 'C', DOB: '2007-06-01' },
    ];
    const Episodes = [
      { CHILD: 'A', RNE: 'S', DECOM: '2025-06-01' }, // 2 fails: the 18th birthday (boundary)
      { CHILD: 'B', RNE: 'S', DECOM: '2025-05-31' }, // 3 passes: the day before
      { CHILD: 'C', RNE: 'P', DECOM: '2025-07-01' }, // 4 passes: a continuation, not a start
    ];
    assert.deepEqual(hits(rule352, { Header, Episodes }), ['Episodes.csv:2']);
  });

  it('353: no episode starts before 14 October 1991', () => {
    const Episodes = [{ DECOM: '1991-10-13' }, { DECOM: '1991-10-14' }];
    assert.deepEqual(hits(rule353, { Episodes }), ['Episodes.csv:2']);
  });

  it('385: an episode does not end after 31 March', () => {
    const Episodes = [
      { DECOM: '2025-05-01', DEC: '2026-03-31' }, // 2 passes: the boundary
      { DECOM: '2025-05-01', DEC: '2026-04-01' }, // 3 fails
      { DECOM: '2025-05-01', DEC: null }, // 4 passes: open
    ];
    assert.deepEqual(hits(rule385, { Episodes }), ['Episodes.csv:3']);
  });

  it('431: a new start (RNE S) comes after the previous episode ended', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A', RNE: 'S' }, // 2 passes: first
      { CHILD: 'A', DECOM: '2025-06-10', RNE: 'S' }, // 3 fails: starts the day the previous one ended
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A', RNE: 'S' }, // 4 passes
      { CHILD: 'B', DECOM: '2025-06-11', RNE: 'S' }, // 5 passes: the day after (boundary)
    ];
    assert.deepEqual(hits(rule431, { Episodes }), ['Episodes.csv:3']);
  });

  it('437: nothing follows an episode ended E2 or E15', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E15' }, // 2 fails: another episode follows
      { CHILD: 'A', DECOM: '2025-08-01' }, // 3 passes
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E2' }, // 4 passes: the last
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A' }, // 5 passes
      { CHILD: 'C', DECOM: '2025-08-01' }, // 6 passes
    ];
    assert.deepEqual(hits(rule437, { Episodes }), ['Episodes.csv:2']);
  });
});
