import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule217, rule218, rule222, rule380, rule381, rule550 } from './placement';
import { hits } from './testing';

describe('903 placement rules', () => {
  it('217: A3/A5 needs RNE S, T or U', () => {
    const Episodes = [
      { PLACE: 'A5', RNE: 'T' },
      { PLACE: 'A5', RNE: 'P' },
      { PLACE: 'A3', RNE: 'B' },
      { PLACE: 'A6', RNE: 'P' },
    ];
    assert.deepEqual(hits(rule217, { Episodes }), ['Episodes.csv:3', 'Episodes.csv:4']);
  });
  it('218: URN required for placements registered with Ofsted, in episodes ending in the year or open', () => {
    const Episodes = [
      { PLACE: 'K2', URN: 'SC123456', DEC: null }, // 2 passes
      { PLACE: 'K2', URN: null, DEC: null }, // 3 fails
      { PLACE: 'U4', URN: null, DEC: '2025-03-30' }, // 4 passes: ended before 2025/26
      { PLACE: 'P1', URN: null, DEC: null }, // 5 passes: P1 exempt
      { PLACE: 'U4', URN: null, DEC: '2025-04-01' }, // 6 fails
    ];
    assert.deepEqual(hits(rule218, { Episodes }), ['Episodes.csv:3', 'Episodes.csv:6']);
  });
  it('222: no URN for exempt placements, except XXXXXXX; Z1 exempt only until 2024/25', () => {
    const Episodes = [
      { PLACE: 'R1', URN: 'X1234567' },
      { PLACE: 'T2', URN: 'XXXXXXX' },
      { PLACE: 'U1', URN: 'SC1' },
      { PLACE: 'Z1', URN: 'SC1' },
    ];
    assert.deepEqual(hits(rule222, { Episodes }, 2025), ['Episodes.csv:2', 'Episodes.csv:5']);
    assert.deepEqual(hits(rule222, { Episodes }, 2026), ['Episodes.csv:2']);
  });
  it('222: H5 may have a URN in 2023/24 (registered from 28 October 2023), not in 2022/23', () => {
    const Episodes = [{ PLACE: 'H5', URN: 'SC100001' }]; // line 2
    assert.deepEqual(hits(rule222, { Episodes }, 2023), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule222, { Episodes }, 2024), []);
  });
  it('380/381: a period neither starts nor ends with a temporary placement', () => {
    const Episodes = [
      { RNE: 'S', PLACE: 'T1' },
      { RNE: 'P', PLACE: 'T1', REC: 'X1' },
      { RNE: 'S', PLACE: 'U4', REC: 'E4A' },
      { RNE: 'P', PLACE: 'T4', REC: 'E4A' },
    ];
    assert.deepEqual(hits(rule380, { Episodes }), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule381, { Episodes }), ['Episodes.csv:5']);
  });
  it('550: PR0 only with P1', () => {
    const Episodes = [
      { PLACE_PROVIDER: 'PR0', PLACE: 'P1' },
      { PLACE_PROVIDER: 'PR0', PLACE: 'U4' },
      { PLACE_PROVIDER: 'PR1', PLACE: 'U4' },
    ];
    assert.deepEqual(hits(rule550, { Episodes }), ['Episodes.csv:3']);
  });
});
