/** UASC (104), duplicate UPNs (444) and when MOTHER is asked (393, 399, 607, 628), in 2025/26 unless said. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule393, rule399, rule607, rule628 } from './mother-status';
import { hits } from './testing';
import { rule104 } from './uasc';
import { rule444 } from './upn';

describe('903 UASC, UPN and mother status rules', () => {
  it('104: DUC a date, not before 1 April', () => {
    const UASC = [
      { DUC: '2025-04-01' }, // 2 passes: the year's first day
      { DUC: '2025-03-31' }, // 3 fails: before the year
      { DUC: 'INVALID' }, // 4 fails
      { DUC: null }, // 5 passes
      { DUC: '2027-01-01' }, // 6 passes: a future 18th birthday
    ];
    assert.deepEqual(hits(rule104, { UASC }), ['UASC.csv:3', 'UASC.csv:4']);
  });

  it('444: a UPN on one row only (2025/26 on); UN codes may repeat', () => {
    const Header = [
      { CHILD: 'A', UPN: 'A123456789012' },
      { CHILD: 'B', UPN: 'A123456789012' },
      { CHILD: 'C', UPN: 'UN1' },
      { CHILD: 'D', UPN: 'UN1' },
      { CHILD: 'E', UPN: 'B123456789012' },
    ];
    assert.deepEqual(hits(rule444, { Header }), ['Header.csv:2', 'Header.csv:3']);
    assert.deepEqual(hits(rule444, { Header }, 2025), []);
  });

  it('393: MOTHER for a girl with an episode other than a short break', () => {
    const Header = [
      { CHILD: 'A', SEX: 'F', MOTHER: null }, // 2 fails
      { CHILD: 'B', SEX: 'F', MOTHER: '0' }, // 3 passes
      { CHILD: 'C', SEX: 'F', MOTHER: null }, // 4 passes: short breaks only
      { CHILD: 'D', SEX: 'M', MOTHER: null }, // 5 passes
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'B', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'C', DECOM: '2025-05-01', LS: 'V3' },
      { CHILD: 'D', DECOM: '2025-05-01', LS: 'C2' },
    ];
    assert.deepEqual(hits(rule393, { Header, Episodes }), ['Header.csv:2']);
    // Until 2023/24 a girl is SEX 2.
    assert.deepEqual(hits(rule393, { Header: [{ CHILD: 'A', SEX: '2' }], Episodes }, 2024), ['Header.csv:2']);
  });

  it('399: no MOTHER or reviews for a child only in short breaks', () => {
    const Header = [
      { CHILD: 'A', SEX: 'F', MOTHER: '0' }, // 2 fails: V4 only
      { CHILD: 'B', SEX: 'F', MOTHER: '0' }, // 3 passes: one C2 episode as well
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'V4' },
      { CHILD: 'B', DECOM: '2025-05-01', LS: 'V4' },
      { CHILD: 'B', DECOM: '2025-07-01', LS: 'C2' },
    ];
    const Reviews = [
      { CHILD: 'A', REVIEW: '2025-06-01', REVIEW_CODE: 'PN1' }, // 2 fails
      { CHILD: 'B', REVIEW: '2025-08-01', REVIEW_CODE: 'PN1' }, // 3 passes
    ];
    assert.deepEqual(hits(rule399, { Header, Episodes, Reviews }), ['Header.csv:2', 'Reviews.csv:2']);
  });

  it('607: MOTHER for a girl who left care in the year', () => {
    const Header = [
      { CHILD: 'A', SEX: 'F' }, // 2 fails: left 31 March 2026
      { CHILD: 'B', SEX: 'F' }, // 3 passes: X1 (a change, not leaving)
      { CHILD: 'C', SEX: 'F' }, // 4 passes: left 31 March 2025, before the year
      { CHILD: 'D', SEX: 'F', MOTHER: '0' }, // 5 passes
    ];
    const Episodes = [
      { CHILD: 'A', DECOM: '2024-05-01', DEC: '2026-03-31', REC: 'E4A', LS: 'C2' },
      { CHILD: 'B', DECOM: '2024-05-01', DEC: '2025-06-01', REC: 'X1', LS: 'C2' },
      { CHILD: 'C', DECOM: '2024-05-01', DEC: '2025-03-31', REC: 'E4A', LS: 'C2' },
      { CHILD: 'D', DECOM: '2024-05-01', DEC: '2025-06-01', REC: 'E4A', LS: 'C2' },
    ];
    assert.deepEqual(hits(rule607, { Header, Episodes }), ['Header.csv:2']);
  });

  it('628: no MOTHER for a care leaver with no episode in the file', () => {
    const Header = [
      { CHILD: 'A', SEX: 'F', MOTHER: '0' }, // 2 fails: OC3 only
      { CHILD: 'B', SEX: 'F', MOTHER: null }, // 3 passes
      { CHILD: 'C', SEX: 'F', MOTHER: '1' }, // 4 passes: looked after in the year as well
    ];
    const Episodes = [{ CHILD: 'C', DECOM: '2024-05-01', DEC: '2025-06-01', REC: 'E4A', LS: 'C2' }];
    const OC3 = [
      { CHILD: 'A', IN_TOUCH: 'YES' },
      { CHILD: 'B', IN_TOUCH: 'YES' },
      { CHILD: 'C', IN_TOUCH: 'YES' },
    ];
    assert.deepEqual(hits(rule628, { Header, Episodes, OC3 }), ['Header.csv:2']);
  });
});
