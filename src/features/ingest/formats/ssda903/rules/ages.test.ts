import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule370,
  rule370in2024,
  rule371,
  rule371from2025,
  rule371in2024,
  rule372,
  rule373,
  rule374,
  rule304,
  rule358,
  rule359,
  rule386,
  rule387,
  rule389,
  rule407,
} from './ages';
import { hits } from './testing';

// Every child is born 1 June 2010: 4 on 1 June 2014, 10 in 2020, 14 in 2024, 15 in 2025, 16 in 2026, 18 in 2028.
const Header = [{ CHILD: 'A', DOB: '2010-06-01' }];
const placed = (PLACE: string, ...starts: string[]) => ({
  Header,
  Episodes: starts.map((DECOM) => ({ CHILD: 'A', PLACE, DECOM })),
});

describe('903 age rules', () => {
  it('372/373/374: custody from 10, a school from 4, residential employment from 14 (open episodes too)', () => {
    // Line 2: the day before the birthday fails; line 3: the birthday (boundary) passes.
    assert.deepEqual(hits(rule372, placed('R5', '2020-05-31', '2020-06-01')), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule373, placed('S1', '2014-05-31', '2014-06-01')), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule374, placed('P3', '2024-05-31', '2024-06-01')), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule374, placed('R5', '2020-01-01')), []); // another placement type
  });

  it('370/371: independent living and supported accommodation, by year', () => {
    assert.deepEqual(hits(rule370, placed('P2', '2025-05-31', '2025-06-01'), 2023), ['Episodes.csv:2']); // 15
    assert.deepEqual(hits(rule370in2024, placed('P2', '2026-05-31', '2026-06-01'), 2024), ['Episodes.csv:2']); // 16
    assert.deepEqual(hits(rule370in2024, placed('P2', '2026-05-31'), 2025), []); // deleted from 2024/25
    assert.deepEqual(hits(rule371, placed('H5', '2024-05-31', '2024-06-01'), 2023), ['Episodes.csv:2']); // 14
    assert.deepEqual(hits(rule371in2024, placed('H5', '2026-05-31', '2026-06-01'), 2024), ['Episodes.csv:2']); // 16
    assert.deepEqual(hits(rule371from2025, placed('K3', '2026-05-31', '2026-06-01'), 2026), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule371from2025, placed('H5', '2025-01-01'), 2026), []); // K3 from 2024/25
  });

  it('386/387/389/407: the reason ceased against the age at DEC', () => {
    const ended = (REC: string, ...decs: string[]) => ({
      Header,
      Episodes: decs.map((DEC) => ({ CHILD: 'A', DECOM: '2020-01-01', DEC, REC })),
    });
    // 386: adopted at 18 (the birthday, line 2) fails; the day before passes.
    assert.deepEqual(hits(rule386, ended('E11', '2028-06-01', '2028-05-31')), ['Episodes.csv:2']);
    // 387: independent living the day before 14 fails; on the birthday passes.
    assert.deepEqual(hits(rule387, ended('E5', '2024-05-31', '2024-06-01')), ['Episodes.csv:2']);
    // 389: adult social care the day before 16 fails; on the birthday passes.
    assert.deepEqual(hits(rule389, ended('E7', '2026-05-31', '2026-06-01')), ['Episodes.csv:2']);
    // 407: a special guardianship order the day after 18 fails; on the birthday passes.
    assert.deepEqual(hits(rule407, ended('E45', '2028-06-02', '2028-06-01')), ['Episodes.csv:2']);
  });

  it('358: no youth justice legal status (J1–J3) for a child starting it aged 10 or under', () => {
    // Born 1 June 2010: 10 on 1 June 2020. The rule fails the birthday itself (DECOM on or before it).
    assert.deepEqual(
      hits(rule358, {
        Header,
        Episodes: [
          { CHILD: 'A', LS: 'J2', DECOM: '2020-06-01' },
          { CHILD: 'A', LS: 'J2', DECOM: '2020-06-02' },
          { CHILD: 'A', LS: 'C2', DECOM: '2019-01-01' },
        ],
      }),
      ['Episodes.csv:2'],
    );
  });

  it('359: looked after past 18 only as V2 in K2 (2025/26: 18 before 31 March 2026)', () => {
    const adult = [{ CHILD: 'B', DOB: '2008-03-30' }]; // 18 on 30 March 2026
    const open = (LS: string, PLACE: string, DEC: string | null = null) => ({
      Header: adult,
      Episodes: [{ CHILD: 'B', DECOM: '2025-06-01', LS, PLACE, DEC }],
    });
    assert.deepEqual(hits(rule359, open('C2', 'U1')), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule359, open('V2', 'K2')), []);
    assert.deepEqual(hits(rule359, open('C2', 'U1', '2026-03-30')), []); // ended at 18
    // 18 on 31 March 2026, the last day: not before it, so it passes.
    assert.deepEqual(
      hits(rule359, {
        Header: [{ CHILD: 'B', DOB: '2008-03-31' }],
        Episodes: [{ CHILD: 'B', DECOM: '2025-06-01', LS: 'C2', PLACE: 'U1' }],
      }),
      [],
    );
  });

  it('304: UASC status ends by the 18th birthday', () => {
    const UASC = [
      { DOB: '2008-06-01', DUC: '2026-06-01' }, // 2 passes: the birthday
      { DOB: '2008-06-01', DUC: '2026-06-02' }, // 3 fails
      { DOB: '2008-06-01', DUC: null }, // 4 passes
    ];
    assert.deepEqual(hits(rule304, { UASC }), ['UASC.csv:3']);
  });
});
