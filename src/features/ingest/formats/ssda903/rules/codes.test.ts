import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule1006,
  rule1009,
  rule101,
  rule103,
  rule114,
  rule120,
  rule131,
  rule132,
  rule143,
  rule144,
  rule145,
  rule146,
  rule149,
  rule176,
  rule177,
  rule196,
  rule631,
} from './codes';
import { hits } from './testing';

describe('903 code validity rules', () => {
  it('101: SEX is 1/2 until 2023/24 and M/F/U from 2024/25', () => {
    const Header = [{ SEX: '1' }, { SEX: 'M' }, { SEX: 'U' }, { SEX: null }];
    // 2024: line 2 (1) passes, M and U (lines 3, 4) fail; blank is not this rule's business.
    assert.deepEqual(hits(rule101, { Header }, 2024), ['Header.csv:3', 'Header.csv:4']);
    // 2026: 1 fails, M and U pass.
    assert.deepEqual(hits(rule101, { Header }, 2026), ['Header.csv:2']);
  });
  it('103: ETHNIC is one of the 20 codes', () => {
    assert.deepEqual(hits(rule103, { Header: [{ ETHNIC: 'WBRI' }, { ETHNIC: 'WHITE' }] }), ['Header.csv:3']);
  });
  it('143/144/145/149/1009: RNE, LS, CIN, REC and REASON_PLACE_CHANGE codes', () => {
    assert.deepEqual(hits(rule143, { Episodes: [{ RNE: 'S' }, { RNE: 'X' }] }), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule144, { Episodes: [{ LS: 'C2' }, { LS: 'C3' }] }), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule145, { Episodes: [{ CIN: 'N8' }, { CIN: 'N9' }] }), ['Episodes.csv:3']);
    // E43 was retired in the 2018 schema.
    assert.deepEqual(hits(rule149, { Episodes: [{ REC: 'E4A' }, { REC: 'E43' }, { REC: null }] }), ['Episodes.csv:3']);
    assert.deepEqual(
      hits(rule1009, { Episodes: [{ REASON_PLACE_CHANGE: 'CARPL' }, { REASON_PLACE_CHANGE: 'MOVED' }] }),
      ['Episodes.csv:3'],
    );
  });
  it('146: PLACE by year — K3 not in 2022/23, Z1 not in 2025/26, H5 kept by an episode that began when it was valid', () => {
    assert.deepEqual(
      hits(
        rule146,
        {
          Episodes: [
            { PLACE: 'H5', DECOM: '2022-05-01' },
            { PLACE: 'K3', DECOM: '2022-05-01' },
          ],
        },
        2023,
      ),
      ['Episodes.csv:3'],
    );
    const y2026 = [
      { PLACE: 'Z1', DECOM: '2025-06-01' }, // 2: Z1 gone in 2025/26
      { PLACE: 'Z11', DECOM: '2025-06-01' }, // 3: valid
      { PLACE: 'H5', DECOM: '2025-06-01' }, // 4: H5 gone since 2024/25
      { PLACE: 'Z1', DECOM: '2024-06-01' }, // 5: began in 2024/25 when Z1 was valid
    ];
    assert.deepEqual(hits(rule146, { Episodes: y2026 }, 2026), ['Episodes.csv:2', 'Episodes.csv:4']);
  });
  it('114/120/131/132/176/177/196/631/1006: AD1, PlacedAdoption, OC3, OC2, PrevPerm and Missing codes', () => {
    // Each: line 2 a valid code, line 3 an invalid one, line 4 blank (not these rules' business).
    assert.deepEqual(hits(rule114, { AD1: [{ FOSTER_CARE: '1' }, { FOSTER_CARE: '2' }, { FOSTER_CARE: null }] }), [
      'AD1.csv:3',
    ]);
    const placed = [{ REASON_PLACED_CEASED: 'RD4' }, { REASON_PLACED_CEASED: 'RD5' }, { REASON_PLACED_CEASED: null }];
    assert.deepEqual(hits(rule120, { PlacedAdoption: placed }), ['PlacedAdoption.csv:3']);
    assert.deepEqual(hits(rule131, { OC3: [{ IN_TOUCH: 'RHOM' }, { IN_TOUCH: 'MAYBE' }, { IN_TOUCH: null }] }), [
      'OC3.csv:3',
    ]);
    assert.deepEqual(hits(rule132, { OC3: [{ ACTIV: 'G6' }, { ACTIV: 'G7' }, { ACTIV: null }] }), ['OC3.csv:3']);
    assert.deepEqual(hits(rule176, { AD1: [{ SEX_ADOPTR: 'MF' }, { SEX_ADOPTR: 'M2' }, { SEX_ADOPTR: null }] }), [
      'AD1.csv:3',
    ]);
    assert.deepEqual(hits(rule177, { AD1: [{ LS_ADOPTR: 'L12' }, { LS_ADOPTR: 'L1' }, { LS_ADOPTR: null }] }), [
      'AD1.csv:3',
    ]);
    assert.deepEqual(hits(rule196, { OC2: [{ SDQ_REASON: 'SDQ5' }, { SDQ_REASON: 'SDQ6' }, { SDQ_REASON: null }] }), [
      'OC2.csv:3',
    ]);
    assert.deepEqual(hits(rule631, { PrevPerm: [{ PREV_PERM: 'Z1' }, { PREV_PERM: 'P5' }, { PREV_PERM: null }] }), [
      'PrevPerm.csv:3',
    ]);
    assert.deepEqual(hits(rule1006, { Missing: [{ MISSING: 'A' }, { MISSING: 'X' }, { MISSING: null }] }), [
      'Missing.csv:3',
    ]);
  });
});
