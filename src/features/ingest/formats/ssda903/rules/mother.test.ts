import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule165, rule174, rule611, rule612, rule620, rule621, rule625 } from './mother';
import { hits } from './testing';

describe('903 mother rules', () => {
  it('165: MOTHER blank for a boy, given for a girl looked after in the year (2025/26: SEX M/F)', () => {
    const Header = [
      { CHILD: 'A', SEX: 'M', MOTHER: '1' }, // 2 fails: a boy
      { CHILD: 'B', SEX: 'M', MOTHER: null }, // 3 passes
      { CHILD: 'C', SEX: 'F', MOTHER: null }, // 4 fails: a girl looked after in the year
      { CHILD: 'D', SEX: 'F', MOTHER: '0' }, // 5 passes
      { CHILD: 'E', SEX: 'F', MOTHER: '0' }, // 6 fails: not looked after in the year, only in OC3
      { CHILD: 'F', SEX: 'F', MOTHER: null }, // 7 passes: only a V3 short break
      { CHILD: 'G', SEX: 'F', MOTHER: null }, // 8 passes: episode ended before the year, not in OC3
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'B', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'C', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'D', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'E', DECOM: '2022-05-01', DEC: '2025-03-31', LS: 'C2' }, // ends the day before the year
      { CHILD: 'F', DECOM: '2025-05-01', LS: 'V3' },
      { CHILD: 'G', DECOM: '2022-05-01', DEC: '2024-01-01', LS: 'C2' },
    ];
    const OC3 = [{ CHILD: 'E', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'B1' }];
    assert.deepEqual(hits(rule165, { Header, Episodes, OC3 }), ['Header.csv:2', 'Header.csv:4', 'Header.csv:6']);
  });

  it('165: until 2023/24 SEX is 1 (male) or 2 (female)', () => {
    const Header = [
      { CHILD: 'A', SEX: '1', MOTHER: '0' }, // 2 fails: a boy
      { CHILD: 'B', SEX: '2', MOTHER: '0' }, // 3 passes
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2023-05-01', LS: 'C2' },
      { CHILD: 'B', DECOM: '2023-05-01', LS: 'C2' },
    ];
    assert.deepEqual(hits(rule165, { Header, Episodes }, 2024), ['Header.csv:2']);
  });

  it("611: a mother needs her child's date of birth", () => {
    const Header = [
      { MOTHER: '1', MC_DOB: null }, // 2 fails
      { MOTHER: '1', MC_DOB: '2025-01-01' }, // 3 passes
      { MOTHER: '0', MC_DOB: null }, // 4 passes
      { MOTHER: null, MC_DOB: null }, // 5 passes
    ];
    assert.deepEqual(hits(rule611, { Header }), ['Header.csv:2']);
  });

  it("174/612: a mother's child's date of birth only for a mother", () => {
    const Header = [
      { SEX: 'M', MOTHER: null, MC_DOB: '2025-01-01' }, // 2: 174 fails (male)
      { SEX: 'F', MOTHER: '0', MC_DOB: '2025-01-01' }, // 3: 612 fails (not a mother)
      { SEX: 'F', MOTHER: null, MC_DOB: '2025-01-01' }, // 4: 612 fails (blank)
      { SEX: 'F', MOTHER: '1', MC_DOB: '2025-01-01' }, // 5: passes both
      { SEX: 'M', MOTHER: null, MC_DOB: null }, // 6: passes both
    ];
    assert.deepEqual(hits(rule174, { Header }), ['Header.csv:2']);
    assert.deepEqual(hits(rule612, { Header }), ['Header.csv:3', 'Header.csv:4']);
    // 2023/24 codes: 1 male, 2 female.
    const old = [
      { SEX: '1', MC_DOB: '2023-01-01' },
      { SEX: '2', MOTHER: '0', MC_DOB: '2023-01-01' },
    ];
    assert.deepEqual(hits(rule174, { Header: old }, 2024), ['Header.csv:2']);
    assert.deepEqual(hits(rule612, { Header: old }, 2024), ['Header.csv:3']);
  });

  it('620: a mother is 11 or over on 1 April', () => {
    // 11th birthday on 1 April 2025 passes (boundary); on 2 April 2025 fails.
    const Header = [
      { MOTHER: '1', DOB: '2014-04-01' },
      { MOTHER: '1', DOB: '2014-04-02' },
      { MOTHER: '0', DOB: '2020-01-01' },
    ];
    assert.deepEqual(hits(rule620, { Header }), ['Header.csv:3']);
  });

  it("621: the mother's child is born after the mother", () => {
    const Header = [
      { DOB: '2008-05-01', MC_DOB: '2008-05-01' }, // 2 fails: the same day
      { DOB: '2008-05-01', MC_DOB: '2025-05-01' }, // 3 passes
      { DOB: '2008-05-01', MC_DOB: null }, // 4 passes
    ];
    assert.deepEqual(hits(rule621, { Header }), ['Header.csv:2']);
  });

  it("625: the mother's child is born by 31 March and by the day the mother left care", () => {
    const Header = [
      { CHILD: 'A', MC_DOB: '2026-04-01' }, // 2 fails: after the year
      { CHILD: 'B', MC_DOB: '2025-09-02' }, // 3 fails: the day after B left care
      { CHILD: 'C', MC_DOB: '2025-09-01' }, // 4 passes: the day C left care
      { CHILD: 'D', MC_DOB: '2025-12-01' }, // 5 passes: D left and came back; her last episode is open
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01' },
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-09-01', REC: 'E4A' },
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-09-01', REC: 'E4A' },
      { CHILD: 'D', DECOM: '2025-05-01', DEC: '2025-09-01', REC: 'E4A' },
      { CHILD: 'D', DECOM: '2025-10-01' },
    ];
    assert.deepEqual(hits(rule625, { Header, Episodes }), ['Header.csv:2', 'Header.csv:3']);
  });
});
