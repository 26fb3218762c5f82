import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import {
  CROSS_YEAR_RULES,
  rule202,
  rule203,
  rule204,
  rule502,
  rule503A,
  rule503B,
  rule503C,
  rule503D,
  rule503D2026,
  rule503E,
  rule503F,
  rule503G,
  rule503H,
  rule503J,
} from './cross-year';
import { buildCrossYearContext, type CrossYearRule } from './cross-year-context';
import { returnOf, type Partial903 } from './testing';

/** "Table.csv:line" of each hit of the rule (this year's rows are "Header.csv" / "Episodes.csv", row n on line n + 1). */
function hits(rule: CrossYearRule, now: Partial903, last: Partial903, year = 2026): string[] {
  const issues = new IssueLog();
  runRules([rule], year, buildCrossYearContext(returnOf(now), returnOf(last), year), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}:${String(i.column)}`);
}

describe('903 rules against last year', () => {
  it('202: sex differs from last year; 1/2 and M/F are the same sex across the 2024/25 change', () => {
    const Header = [
      { CHILD: 'A', SEX: 'M' },
      { CHILD: 'B', SEX: 'F' },
      { CHILD: 'C', SEX: 'M' },
      { CHILD: 'D', SEX: 'U' },
    ];
    // 2025/26 against 2024/25: A M = M passes (line 2); B F ≠ M fails (line 3); C has no row last year (line 4);
    // D U ≠ F fails (line 5).
    const last2025 = {
      Header: [
        { CHILD: 'A', SEX: 'M' },
        { CHILD: 'B', SEX: 'M' },
        { CHILD: 'D', SEX: 'F' },
      ],
    };
    assert.deepEqual(hits(rule202, { Header }, last2025, 2026), ['Header.csv:3:SEX', 'Header.csv:5:SEX']);
    // 2024/25 against 2023/24: A M = 1 (male) passes; B F ≠ 1 fails (line 3); D U ≠ 2 fails (line 5).
    const last2024 = {
      Header: [
        { CHILD: 'A', SEX: '1' },
        { CHILD: 'B', SEX: '1' },
        { CHILD: 'D', SEX: '2' },
      ],
    };
    assert.deepEqual(hits(rule202, { Header }, last2024, 2025), ['Header.csv:3:SEX', 'Header.csv:5:SEX']);
    // Before the change both years use 1/2: 2 ≠ 1 fails, 1 = 1 passes.
    assert.deepEqual(
      hits(
        rule202,
        {
          Header: [
            { CHILD: 'A', SEX: '2' },
            { CHILD: 'B', SEX: '1' },
          ],
        },
        last2024,
        2024,
      ),
      ['Header.csv:2:SEX'],
    );
  });

  it('203: date of birth differs from last year; an invalid date counts as blank', () => {
    const Header = [
      { CHILD: 'A', DOB: '2015-03-16' }, // same as last year: passes (line 2)
      { CHILD: 'B', DOB: '2016-09-23' }, // last year 22/09/2016: fails (line 3)
      { CHILD: 'C', DOB: '31/02/2018' }, // invalid both years, both count as blank: passes (line 4)
      { CHILD: 'D', DOB: null }, // blank now, a date last year: fails (line 5)
      { CHILD: 'E', DOB: '2017-01-20' }, // not in last year's Header: passes (line 6)
    ];
    const Last = [
      { CHILD: 'A', DOB: '2015-03-16' },
      { CHILD: 'B', DOB: '2016-09-22' },
      { CHILD: 'C', DOB: '31/02/2018' },
      { CHILD: 'D', DOB: '2017-06-04' },
    ];
    assert.deepEqual(hits(rule203, { Header }, { Header: Last }), ['Header.csv:3:DOB', 'Header.csv:5:DOB']);
  });

  it('204: ethnicity differs from last year', () => {
    const Header = [
      { CHILD: 'A', ETHNIC: 'WBRI' },
      { CHILD: 'B', ETHNIC: 'WBRI' },
      { CHILD: 'C', ETHNIC: 'BOTH' },
    ];
    // A WBRI = WBRI passes; B WBRI ≠ NOBT fails (line 3); C not in last year's Header passes.
    const Last = [
      { CHILD: 'A', ETHNIC: 'WBRI' },
      { CHILD: 'B', ETHNIC: 'NOBT' },
      { CHILD: 'X', ETHNIC: 'BOTH' },
    ];
    assert.deepEqual(hits(rule204, { Header }, { Header: Last }), ['Header.csv:3:ETHNIC']);
  });

  it('502: the first episode starts on the day last year’s open episode started', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-05' }, // line 2: not A's first (line 3 is earlier)
      { CHILD: 'A', DECOM: '2025-06-01' }, // line 3: A's first; last year's open episode began 2025-06-05: fails
      { CHILD: 'B', DECOM: '2025-06-08' }, // line 4: B's first = open episode's DECOM: passes
      { CHILD: 'C', DECOM: '2025-06-05' }, // line 5: C's last-year episodes all ended: passes
      { CHILD: 'D', DECOM: '2025-06-08' }, // line 6: D has an open episode from 2025-06-19: fails
    ];
    const Last = [
      { CHILD: 'A', DECOM: '2025-06-05', DEC: null },
      { CHILD: 'B', DECOM: '2025-06-08', DEC: null },
      { CHILD: 'C', DECOM: '2025-01-06', DEC: '2025-02-05' },
      { CHILD: 'D', DECOM: '2025-01-08', DEC: '2025-06-05' },
      { CHILD: 'D', DECOM: '2025-06-19', DEC: null },
    ];
    assert.deepEqual(hits(rule502, { Episodes }, { Episodes: Last }), ['Episodes.csv:3:DECOM', 'Episodes.csv:6:DECOM']);
  });

  // One fixture for 503A–F: the field under test is set on each row. Last year: A's last episode (latest DECOM)
  // open with value X; B's last episode open with Y; C's last episode ended (its DEC valid); D's earlier
  // episode open but its last (latest DECOM) one open with X. This year: A first episode X (passes, line 2),
  // A later episode Z (line 3, not the first), B first episode X ≠ Y (fails, line 4), C first episode Z (last
  // year's ended: passes, line 5), D first episode X = X of the latest (passes, line 6), E not in last year (line 7).
  function fixture(column: string, x: string, y: string, z: string): { now: Partial903; last: Partial903 } {
    const e = (CHILD: string, DECOM: string, value: string | null, DEC: string | null = null) => ({
      CHILD,
      DECOM,
      DEC,
      [column]: value,
    });
    return {
      now: {
        Episodes: [
          e('A', '2025-05-01', x),
          e('A', '2025-07-01', z),
          e('B', '2025-04-01', x),
          e('C', '2025-04-01', z),
          e('D', '2025-04-01', x),
          e('E', '2025-04-01', z),
        ],
      },
      last: {
        Episodes: [
          e('A', '2024-09-01', z, '2025-05-01'),
          e('A', '2025-05-01', x),
          e('B', '2025-01-01', y),
          e('C', '2025-01-01', z, '2025-03-01'),
          e('D', '2024-06-01', z),
          e('D', '2025-02-01', x),
        ],
      },
    };
  }
  const cases: Array<[CrossYearRule, string, string, string, string]> = [
    [rule503A, 'RNE', 'L', 'P', 'T'],
    [rule503B, 'LS', 'C2', 'V2', 'E1'],
    [rule503C, 'CIN', 'N1', 'N4', 'N2'],
    [rule503D2026, 'PLACE', 'U4', 'K2', 'U6'],
    [rule503E, 'PLACE_PROVIDER', 'PR1', 'PR4', 'PR2'],
    [rule503F, 'URN', 'SC000001', 'SC000002', 'XXXXXXX'],
  ];
  for (const [rule, column, x, y, z] of cases) {
    it(`${rule.code}: ${column} of the first episode matches last year's open last episode`, () => {
      const { now, last } = fixture(column, x, y, z);
      assert.deepEqual(hits(rule, now, last), [`Episodes.csv:4:${column}`]);
    });
  }

  it('503A–F: a blank value last year and a value now differ; blank and blank do not', () => {
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-01-01', URN: null },
        { CHILD: 'B', DECOM: '2025-01-01', URN: null },
      ],
    };
    // A: blank → SC000001 fails (line 2); B: blank → blank passes.
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-04-01', URN: 'SC000001' },
        { CHILD: 'B', DECOM: '2025-04-01', URN: null },
      ],
    };
    assert.deepEqual(hits(rule503F, now, last), ['Episodes.csv:2:URN']);
  });

  it('503D: a placement recoded by the year’s code-list change is the same placement', () => {
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-01-01', PLACE: 'H5' },
        { CHILD: 'B', DECOM: '2025-01-01', PLACE: 'H5' },
        { CHILD: 'C', DECOM: '2025-01-01', PLACE: 'Z1' },
        { CHILD: 'D', DECOM: '2025-01-01', PLACE: 'Z1' },
      ],
    };
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-04-01', PLACE: 'K3' },
        { CHILD: 'B', DECOM: '2025-04-01', PLACE: 'K2' },
        { CHILD: 'C', DECOM: '2025-04-01', PLACE: 'Z13' },
        { CHILD: 'D', DECOM: '2025-04-01', PLACE: 'K2' },
      ],
    };
    // 2024/25 (rule503D): A H5 → K3 passes; B H5 → K2 fails (line 3); C Z1 → Z13 fails (line 4: no split yet);
    // D Z1 → K2 fails (line 5).
    assert.deepEqual(hits(rule503D, now, last, 2025), [
      'Episodes.csv:3:PLACE',
      'Episodes.csv:4:PLACE',
      'Episodes.csv:5:PLACE',
    ]);
    // 2025/26 (rule503D2026): A H5 → K3 fails (line 2); B fails (line 3); C Z1 → Z13 passes; D Z1 → K2 fails (line 5).
    assert.deepEqual(hits(rule503D2026, now, last, 2026), [
      'Episodes.csv:2:PLACE',
      'Episodes.csv:3:PLACE',
      'Episodes.csv:5:PLACE',
    ]);
    // Each applies in its own years only.
    assert.deepEqual(hits(rule503D, now, last, 2026), []);
    assert.deepEqual(hits(rule503D2026, now, last, 2025), []);
  });

  it('503G/H/J: the postcodes behind the derived distance, LA and location differ (queries)', () => {
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-01-01', HOME_POST: 'N12 0AB', PL_POST: 'N13 1AB' },
        { CHILD: 'B', DECOM: '2025-01-01', HOME_POST: 'N12 0AB', PL_POST: 'N13 1AB' },
        { CHILD: 'C', DECOM: '2025-01-01', HOME_POST: 'N12 0AB', PL_POST: 'N13 1AB' },
      ],
    };
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-04-01', HOME_POST: 'n12 0ab', PL_POST: 'N131AB' }, // same postcodes, spacing and case aside: passes
        { CHILD: 'B', DECOM: '2025-04-01', HOME_POST: 'E1 6AN', PL_POST: 'N13 1AB' }, // home moved (line 3): G only
        { CHILD: 'C', DECOM: '2025-04-01', HOME_POST: 'N12 0AB', PL_POST: 'E2 7AB' }, // placement moved (line 4): G, H, J
      ],
    };
    assert.deepEqual(hits(rule503G, now, last), ['Episodes.csv:3:PL_POST', 'Episodes.csv:4:PL_POST']);
    assert.deepEqual(hits(rule503H, now, last), ['Episodes.csv:4:PL_POST']);
    assert.deepEqual(hits(rule503J, now, last), ['Episodes.csv:4:PL_POST']);
    for (const r of [rule503G, rule503H, rule503J]) assert.equal(r.severity, 'query');
  });

  it('the registry: one entry per code and year, errors but for the postcode proxies', () => {
    // 40 entries: 202, 203, 204, 502, 503A–F (503D twice: to 2025 and from 2026), 503G, 503H, 503J as postcode
    // comparisons (without a postcode lookup) and again on the derived fields (with one), 452, 453, and 706
    // (DoLo, in dolo.ts): 3 + 1 + 7 + 3 + 3 + 2 + 1 = 20; 205A, 205B, 205D, 207, 208, 624, 626
    // (cross-year-status.ts): 7; 562, NoE and 1010 (cross-year-episodes.ts): 3; and 199, 348, 559, 560, 561, 576,
    // 584, 1000, 1001, 1002 (cross-year-adoption.ts): 10. 20 + 7 + 3 + 10 = 40.
    assert.equal(CROSS_YEAR_RULES.length, 40);
    const queries = CROSS_YEAR_RULES.filter((r) => r.severity === 'query').map((r) => r.code);
    assert.deepEqual(queries, ['503G', '503H', '503J']);
  });
});
