import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneRowPerChild, otherNotInHeader, reviewOutsideCare, ruleINT01, ruleINT02, ruleINT03 } from './integrity';
import { hits } from './testing';

describe('903 integrity checks', () => {
  const Header = [{ CHILD: 'A' }];
  it('INT01/INT02/INT03: AD1, PlacedAdoption and Episodes children are in the Header', () => {
    assert.deepEqual(hits(ruleINT01, { Header, AD1: [{ CHILD: 'A' }, { CHILD: 'Z' }] }), ['AD1.csv:3']);
    assert.deepEqual(hits(ruleINT02, { Header, PlacedAdoption: [{ CHILD: 'Z' }] }), ['PlacedAdoption.csv:2']);
    assert.deepEqual(hits(ruleINT03, { Header, Episodes: [{ CHILD: 'A', DECOM: '2025-05-01' }, { CHILD: 'Z', DECOM: '2025-05-01' }] }), ['Episodes.csv:3']);
  });
  it('other tables: Reviews, Missing … children are in the Header (LNT-REFERENCE)', () => {
    const found = otherNotInHeader.flatMap((r) => hits(r, { Header, Reviews: [{ CHILD: 'Z' }], Missing: [{ CHILD: 'A' }, { CHILD: 'Y' }] }));
    assert.deepEqual(found.sort(), ['Missing.csv:3', 'Reviews.csv:2']);
  });
  it('one row per child in Header, AD1, OC2, OC3, PrevPerm and UASC (LNT-DUPLICATE)', () => {
    const found = oneRowPerChild.flatMap((r) => hits(r, { Header: [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'A' }], OC3: [{ CHILD: 'A' }, { CHILD: 'A' }] }));
    assert.deepEqual(found.sort(), ['Header.csv:4', 'OC3.csv:3']);
  });
  it('a review falls within one of the child\'s episodes', () => {
    const Episodes = [{ CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-08-01', REC: 'E4A' }];
    const Reviews = [{ CHILD: 'A', REVIEW: '2025-06-01' }, { CHILD: 'A', REVIEW: '2025-08-01' }, { CHILD: 'A', REVIEW: '2025-09-01' }];
    assert.deepEqual(hits(reviewOutsideCare, { Header, Episodes, Reviews }), ['Reviews.csv:4']);
  });
});
