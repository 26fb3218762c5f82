import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  otherNotInHeader,
  reviewOutsideCare,
  ruleINT01,
  ruleINT02,
  ruleINT03,
  ruleINT04,
  ruleINT05,
  ruleINT06,
  ruleINT07,
  ruleINT08,
  ruleINT09,
  ruleINT11,
  ruleINT12,
  ruleINT13,
  ruleINT14,
  ruleINT15,
  ruleINT16,
  ruleINT17,
  ruleINT18,
  ruleINT21,
  ruleINT31,
  ruleINT32,
  ruleINT33,
  ruleINT34,
  ruleINT35,
  ruleINT36,
} from './integrity';
import { hits } from './testing';

describe('903 integrity checks', () => {
  const Header = [{ CHILD: 'A', DOB: '2015-05-01', SEX: 'M' }];
  it('INT01–INT09: children of AD1, PlacedAdoption, Episodes, Missing, OC2, OC3, PrevPerm, Reviews and UASC are in the Header', () => {
    assert.deepEqual(hits(ruleINT01, { Header, AD1: [{ CHILD: 'A' }, { CHILD: 'Z' }] }), ['AD1.csv:3']);
    assert.deepEqual(hits(ruleINT02, { Header, PlacedAdoption: [{ CHILD: 'Z' }] }), ['PlacedAdoption.csv:2']);
    assert.deepEqual(
      hits(ruleINT03, {
        Header,
        Episodes: [
          { CHILD: 'A', DECOM: '2025-05-01' },
          { CHILD: 'Z', DECOM: '2025-05-01' },
        ],
      }),
      ['Episodes.csv:3'],
    );
    assert.deepEqual(hits(ruleINT04, { Header, Missing: [{ CHILD: 'A' }, { CHILD: 'Y' }] }), ['Missing.csv:3']);
    assert.deepEqual(hits(ruleINT05, { Header, OC2: [{ CHILD: 'Y' }, { CHILD: 'A' }] }), ['OC2.csv:2']);
    assert.deepEqual(hits(ruleINT06, { Header, OC3: [{ CHILD: 'Y' }] }), ['OC3.csv:2']);
    assert.deepEqual(hits(ruleINT07, { Header, PrevPerm: [{ CHILD: 'A' }] }), []); // A is in the Header
    assert.deepEqual(hits(ruleINT08, { Header, Reviews: [{ CHILD: 'Z' }] }), ['Reviews.csv:2']);
    assert.deepEqual(hits(ruleINT09, { Header, UASC: [{ CHILD: null }, { CHILD: 'Z' }] }), ['UASC.csv:3']); // a blank CHILD is not looked up
  });
  it('SWEpisodes and DoLo children are in the Header (LNT-REFERENCE: no INT rule)', () => {
    const found = otherNotInHeader.flatMap((r) =>
      hits(r, { Header, SWEpisodes: [{ CHILD: 'A' }, { CHILD: 'Z' }], DoLo: [{ CHILD: 'Y' }] }, 2027),
    );
    assert.deepEqual(found.sort(), ['DoLo.csv:2', 'SWEpisodes.csv:3']);
  });
  it('INT11–INT18: the DOB of each table agrees with the Header when both are dates', () => {
    // Header A: 2015-05-01. Line 2 agrees; 3 differs; 4 is blank; 5 is not a date; 6 is a child not in the Header.
    const rows = [
      { CHILD: 'A', DOB: '2015-05-01' },
      { CHILD: 'A', DOB: '2015-01-05' },
      { CHILD: 'A', DOB: null },
      { CHILD: 'A', DOB: '2015-02-30' },
      { CHILD: 'Z', DOB: '2001-01-01' },
    ];
    assert.deepEqual(hits(ruleINT11, { Header, AD1: rows }), ['AD1.csv:3']);
    assert.deepEqual(hits(ruleINT12, { Header, PlacedAdoption: rows }), ['PlacedAdoption.csv:3']);
    assert.deepEqual(hits(ruleINT13, { Header, Missing: rows }), ['Missing.csv:3']);
    assert.deepEqual(hits(ruleINT14, { Header, OC2: rows }), ['OC2.csv:3']);
    assert.deepEqual(hits(ruleINT15, { Header, OC3: rows }), ['OC3.csv:3']);
    assert.deepEqual(hits(ruleINT16, { Header, PrevPerm: rows }), ['PrevPerm.csv:3']);
    assert.deepEqual(hits(ruleINT17, { Header, Reviews: rows }), ['Reviews.csv:3']);
    assert.deepEqual(hits(ruleINT18, { Header, UASC: rows }), ['UASC.csv:3']);
    // A Header DOB that is not a date compares with nothing.
    assert.deepEqual(hits(ruleINT18, { Header: [{ CHILD: 'A', DOB: '15/05/2015' }], UASC: rows }), []);
  });
  it('INT21: SEX in UASC agrees with the Header', () => {
    const UASC = [
      { CHILD: 'A', SEX: 'M' },
      { CHILD: 'A', SEX: 'F' },
      { CHILD: 'A', SEX: null },
    ]; // 2 agrees, 3 differs, 4 blank
    assert.deepEqual(hits(ruleINT21, { Header, UASC }), ['UASC.csv:3']);
  });
  it('INT31–INT36: one row per child in AD1, Header, OC2, OC3, PrevPerm and UASC; every row of a repeated child', () => {
    // A on lines 2 and 4, B once on 3, blank CHILD twice on 5 and 6 (not counted, as pandas' groupby drops them).
    const rows = [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'A' }, { CHILD: null }, { CHILD: null }];
    assert.deepEqual(hits(ruleINT31, { AD1: rows }), ['AD1.csv:2', 'AD1.csv:4']);
    assert.deepEqual(hits(ruleINT32, { Header: rows }), ['Header.csv:2', 'Header.csv:4']);
    assert.deepEqual(hits(ruleINT33, { OC2: rows }), ['OC2.csv:2', 'OC2.csv:4']);
    assert.deepEqual(hits(ruleINT34, { OC3: rows }), ['OC3.csv:2', 'OC3.csv:4']);
    assert.deepEqual(hits(ruleINT35, { PrevPerm: rows }), ['PrevPerm.csv:2', 'PrevPerm.csv:4']);
    assert.deepEqual(hits(ruleINT36, { UASC: rows }), ['UASC.csv:2', 'UASC.csv:4']);
    assert.deepEqual(hits(ruleINT36, { UASC: [{ CHILD: 'A' }, { CHILD: 'B' }] }), []);
  });
  it("a review falls within one of the child's episodes", () => {
    const Episodes = [{ CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-08-01', REC: 'E4A' }];
    const Reviews = [
      { CHILD: 'A', REVIEW: '2025-06-01' },
      { CHILD: 'A', REVIEW: '2025-08-01' },
      { CHILD: 'A', REVIEW: '2025-09-01' },
    ];
    assert.deepEqual(hits(reviewOutsideCare, { Header, Episodes, Reviews }), ['Reviews.csv:4']);
  });
});
