import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule178,
  rule213,
  rule217t,
  rule366,
  rule378,
  rule382,
  rule384,
  rule408,
  rule426,
  rule445,
  rule446,
  rule451,
  rule460,
  rule526,
} from './placement-types';
import { hits } from './testing';

// The n-th row is on line n + 1.
describe('903 placement type, provider and legal status rules', () => {
  it('178: a provider given is PR0–PR5, and none for temporary and Z placements', () => {
    const Episodes = [
      { PLACE: 'U1', PLACE_PROVIDER: 'PR1' }, // 2 passes
      { PLACE: 'U1', PLACE_PROVIDER: 'PR9' }, // 3 not a code
      { PLACE: 'T1', PLACE_PROVIDER: 'PR1' }, // 4 none for T1
      { PLACE: 'T4', PLACE_PROVIDER: 'PR1' }, // 5 none for T4 until 2024/25; the 2025/26 list leaves T4 out
      { PLACE: 'Z11', PLACE_PROVIDER: 'PR1' }, // 6 none for Z11 from 2025/26
      { PLACE: 'T1', PLACE_PROVIDER: null }, // 7 passes
    ];
    assert.deepEqual(hits(rule178, { Episodes }, 2025), ['Episodes.csv:3', 'Episodes.csv:4', 'Episodes.csv:5']);
    assert.deepEqual(hits(rule178, { Episodes }, 2026), ['Episodes.csv:3', 'Episodes.csv:4', 'Episodes.csv:6']);
  });

  it('213: no provider for a temporary placement (and Z11–Z14 from 2025/26)', () => {
    const Episodes = [
      { PLACE: 'T3', PLACE_PROVIDER: 'PR1' }, // 2
      { PLACE: 'T3', PLACE_PROVIDER: null },
      { PLACE: 'Z12', PLACE_PROVIDER: 'PR2' }, // 4 from 2025/26
      { PLACE: 'U1', PLACE_PROVIDER: 'PR2' },
    ];
    assert.deepEqual(hits(rule213, { Episodes }, 2025), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule213, { Episodes }, 2026), ['Episodes.csv:2', 'Episodes.csv:4']);
  });

  it('526: a provider for every placement but temporary and Z ones', () => {
    const Episodes = [
      { PLACE: 'U1', PLACE_PROVIDER: null }, // 2
      { PLACE: 'T0', PLACE_PROVIDER: null },
      { PLACE: 'Z1', PLACE_PROVIDER: null }, // 4: exempt to 2024/25 only
      { PLACE: 'Z13', PLACE_PROVIDER: null }, // 5: exempt from 2025/26 only
      { PLACE: 'U1', PLACE_PROVIDER: 'PR1' },
    ];
    assert.deepEqual(hits(rule526, { Episodes }, 2025), ['Episodes.csv:2', 'Episodes.csv:5']);
    assert.deepEqual(hits(rule526, { Episodes }, 2026), ['Episodes.csv:2', 'Episodes.csv:4']);
  });

  it('217t: P2 may not run past 28 October 2023 (2023/24 only)', () => {
    const Episodes = [
      { PLACE: 'P2', DEC: '2023-10-28' }, // passes: the last day
      { PLACE: 'P2', DEC: '2023-10-29' }, // 3
      { PLACE: 'P2', DEC: null }, // 4
      { PLACE: 'P1', DEC: null },
    ];
    assert.deepEqual(hits(rule217t, { Episodes }, 2024), ['Episodes.csv:3', 'Episodes.csv:4']);
    assert.deepEqual(hits(rule217t, { Episodes }, 2025), []);
  });

  it('366, 378, 382, 384, 408: placement against legal status', () => {
    const Episodes = [
      { LS: 'V3', RNE: 'P', PLACE: 'U1' }, // 2: 366 (V3 not S) and 384 (U1)
      { LS: 'V3', RNE: 'S', PLACE: 'T1' }, // 3: 382
      { LS: 'V2', RNE: 'S', PLACE: 'P1' }, // 4: 378
      { LS: 'C2', RNE: 'S', PLACE: 'A5' }, // 5: 408
      { LS: 'E1', RNE: 'S', PLACE: 'A6' }, // passes all
      { LS: 'V4', RNE: 'S', PLACE: 'U4' }, // 7: 384
    ];
    assert.deepEqual(hits(rule366, { Episodes }), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule384, { Episodes }), ['Episodes.csv:2', 'Episodes.csv:7']);
    assert.deepEqual(hits(rule382, { Episodes }), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule378, { Episodes }), ['Episodes.csv:4']);
    assert.deepEqual(hits(rule408, { Episodes }), ['Episodes.csv:5']);
  });

  it('426: not both V3 and V4 for one child', () => {
    const Episodes = [
      { CHILD: 'A', LS: 'V3' }, // 2
      { CHILD: 'A', LS: 'C2' },
      { CHILD: 'A', LS: 'V4' }, // 4
      { CHILD: 'B', LS: 'V3' },
      { CHILD: 'B', LS: 'V3' },
    ];
    assert.deepEqual(hits(rule426, { Episodes }), ['Episodes.csv:2', 'Episodes.csv:4']);
  });

  it('445, 446, 451: D1 and E1 either side of December 2005', () => {
    const Episodes = [
      { LS: 'D1', DECOM: '2005-12-31', DEC: '2006-01-01', REC: 'E11' }, // passes 445: the last day
      { LS: 'D1', DECOM: '2006-01-01', DEC: null, REC: null }, // 3: 445 and 451
      { LS: 'E1', DECOM: '2005-11-30' }, // 4: 446
      { LS: 'E1', DECOM: '2005-12-01' }, // passes 446: the first day
    ];
    assert.deepEqual(hits(rule445, { Episodes }, 2024), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule451, { Episodes }, 2024), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule445, { Episodes }, 2025), []);
    assert.deepEqual(hits(rule451, { Episodes }, 2025), []);
    assert.deepEqual(hits(rule446, { Episodes }, 2026), ['Episodes.csv:4']);
  });

  it('460: E17 (stayed put) only from the 18th birthday', () => {
    const Header = [
      { CHILD: 'A', DOB: '2007-06-15' },
      { CHILD: 'B', DOB: '2007-06-15' },
    ];
    const Episodes = [
      { CHILD: 'A', REC: 'E17', DEC: '2025-06-14' }, // 2: the day before the 18th birthday
      { CHILD: 'B', REC: 'E17', DEC: '2025-06-15' }, // passes: the birthday
    ];
    assert.deepEqual(hits(rule460, { Header, Episodes }), ['Episodes.csv:2']);
  });
});
