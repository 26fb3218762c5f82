/**
 * UASC, mother and UPN against last year, for 2025/26 (this year 1 April 2025 to 31 March 2026; last year 1 April
 * 2024 to 31 March 2025). This year's row n is on line n + 1.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { CROSS_YEAR_RULES } from './cross-year';
import { buildCrossYearContext, type CrossYearRule } from './cross-year-context';
import { rule205A, rule205B, rule205D, rule207, rule208, rule624, rule626 } from './cross-year-status';
import { returnOf, type Partial903 } from './testing';

function hits(rule: CrossYearRule, now: Partial903, last: Partial903, year = 2026): string[] {
  const issues = new IssueLog();
  runRules([rule], year, buildCrossYearContext(returnOf(now), returnOf(last), year), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}:${String(i.column)}`);
}

describe('903 UASC, mother and UPN against last year', () => {
  it('runs with the other cross-year rules', () => {
    for (const r of [rule205A, rule205B, rule205D, rule207, rule208, rule624, rule626])
      assert.ok(CROSS_YEAR_RULES.includes(r), r.code);
  });

  it('205A: UASC last year, not this year: last year’s DUC is in last year', () => {
    const Header = ['A', 'B', 'C', 'D', 'E'].map((CHILD) => ({ CHILD }));
    const UASC = [{ CHILD: 'D', DUC: '2026-06-01' }];
    const last = {
      UASC: [
        { CHILD: 'A', DUC: '2024-10-01' }, // passes: ceased last year
        { CHILD: 'B', DUC: null }, // fails (line 3): still UASC at last 31 March
        { CHILD: 'C', DUC: '2025-10-01' }, // fails (line 4): ceasing this year
        { CHILD: 'D', DUC: '2026-06-01' }, // UASC this year too: 205B's
      ],
    };
    assert.deepEqual(hits(rule205A, { Header, UASC }, last), ['Header.csv:3:CHILD', 'Header.csv:4:CHILD']);
  });

  it('205B: UASC both years: last year’s DUC the 18th birthday, this year’s in the year or the same', () => {
    const UASC = [
      { CHILD: 'A', DUC: '2025-06-01' }, // 2 passes: 18 on 1 June 2025, in this year
      { CHILD: 'B', DUC: '2026-06-01' }, // 3 fails: last year's blank
      { CHILD: 'C', DUC: '2026-06-01' }, // 4 passes: the same future 18th birthday both years
      { CHILD: 'D', DUC: null }, // 5 fails: blank this year
      { CHILD: 'E', DUC: '2026-05-01' }, // 6 fails: last year's not the 18th birthday
      { CHILD: 'F', DUC: '2026-06-01' }, // 7 passes: not UASC last year (205D's)
    ];
    const last = {
      UASC: [
        { CHILD: 'A', DOB: '2007-06-01', DUC: '2025-06-01' },
        { CHILD: 'B', DOB: '2008-06-01', DUC: null },
        { CHILD: 'C', DOB: '2008-06-01', DUC: '2026-06-01' },
        { CHILD: 'D', DOB: '2008-06-01', DUC: '2026-06-01' },
        { CHILD: 'E', DOB: '2008-06-01', DUC: '2026-05-01' },
      ],
    };
    assert.deepEqual(hits(rule205B, { UASC }, last), ['UASC.csv:3:DUC', 'UASC.csv:5:DUC', 'UASC.csv:6:DUC']);
  });

  it('205D: UASC this year, in last year’s return but not UASC then', () => {
    const Header = ['A', 'B', 'C'].map((CHILD) => ({ CHILD }));
    const UASC = [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'C' }];
    const last = { Header: [{ CHILD: 'A' }, { CHILD: 'B' }], UASC: [{ CHILD: 'B' }] };
    // A fails (Header line 2); B was UASC; C was not in last year's return.
    assert.deepEqual(hits(rule205D, { Header, UASC }, last), ['Header.csv:2:CHILD']);
  });

  it('207: a mother last year is a mother this year while looked after', () => {
    const Header = [
      { CHILD: 'A', MOTHER: '0' }, // 2 fails
      { CHILD: 'B', MOTHER: null }, // 3 passes: no episode this year (a care leaver)
      { CHILD: 'C', MOTHER: '1' }, // 4 passes
      { CHILD: 'D', MOTHER: '0' }, // 5 passes: not a mother last year
    ];
    const Episodes = ['A', 'C', 'D'].map((CHILD) => ({ CHILD, DECOM: '2025-05-01' }));
    const last = {
      Header: [
        { CHILD: 'A', MOTHER: '1' },
        { CHILD: 'B', MOTHER: '1' },
        { CHILD: 'C', MOTHER: '1' },
        { CHILD: 'D', MOTHER: '0' },
      ],
    };
    assert.deepEqual(hits(rule207, { Header, Episodes }, last), ['Header.csv:2:MOTHER']);
  });

  it('208: a UPN changes only from not known', () => {
    const pairs: Array<[string | null, string | null]> = [
      ['A123456789012', 'A123456789012'], // 2 passes
      ['A123456789012', 'B123456789012'], // 3 fails
      ['UN1', 'UN2'], // 4 passes
      ['UN2', 'UN1'], // 5 fails
      ['UN3', 'C123456789012'], // 6 passes: found
      ['D123456789012', 'UN1'], // 7 fails
      [null, 'UN1'], // 8 passes
      ['a123456789012', 'A123456789012'], // 9 passes: case aside
      [null, null], // 10 passes
    ];
    const Header = pairs.map(([, UPN], i) => ({ CHILD: String(i), UPN }));
    const last = { Header: pairs.map(([UPN], i) => ({ CHILD: String(i), UPN })) };
    assert.deepEqual(hits(rule208, { Header }, last), ['Header.csv:3:UPN', 'Header.csv:5:UPN', 'Header.csv:7:UPN']);
  });

  it('624: the first child’s date of birth does not change; a blank this year is not a change', () => {
    const Header = [
      { CHILD: 'A', MC_DOB: '2024-01-01' }, // 2 passes
      { CHILD: 'B', MC_DOB: '2024-02-01' }, // 3 fails
      { CHILD: 'C', MC_DOB: null }, // 4 passes
      { CHILD: 'D', MC_DOB: '2025-01-01' }, // 5 passes: none last year
    ];
    const last = {
      Header: [
        { CHILD: 'A', MC_DOB: '2024-01-01' },
        { CHILD: 'B', MC_DOB: '2024-01-01' },
        { CHILD: 'C', MC_DOB: '2024-01-01' },
        { CHILD: 'D', MC_DOB: null },
      ],
    };
    assert.deepEqual(hits(rule624, { Header }, last), ['Header.csv:3:MC_DOB']);
  });

  it('626: a mother of a child born before the year was a mother last year', () => {
    const Header = [
      { CHILD: 'A', MOTHER: '1', MC_DOB: '2025-03-31' }, // 2 fails: born last year, MOTHER 0 then
      { CHILD: 'B', MOTHER: '1', MC_DOB: '2025-04-01' }, // 3 passes: born this year
      { CHILD: 'C', MOTHER: '1', MC_DOB: '2025-01-01' }, // 4 passes: MOTHER 1 last year
      { CHILD: 'D', MOTHER: '1', MC_DOB: '2025-01-01' }, // 5 passes: MOTHER blank last year
    ];
    const last = {
      Header: [
        { CHILD: 'A', MOTHER: '0' },
        { CHILD: 'B', MOTHER: '0' },
        { CHILD: 'C', MOTHER: '1' },
        { CHILD: 'D', MOTHER: null },
      ],
    };
    assert.deepEqual(hits(rule626, { Header }, last), ['Header.csv:2:MOTHER']);
  });
});
