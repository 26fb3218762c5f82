import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule1009, rule101, rule103, rule143, rule144, rule145, rule146, rule149 } from './codes';
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
});
