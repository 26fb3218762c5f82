import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ListNumber } from '../../../annex-a/layouts';
import { IssueLog } from '../../issues';
import { runRules } from '../../rules';
import { annexARules, type AnnexARuleContext } from './rules';
import type { ListData, Value } from './workbook';

const AS_AT = '2026-03-31';

function ctx(lists: Array<[ListNumber, Array<Record<string, Value>>]>): AnnexARuleContext {
  return {
    file: 'annex-a.xlsx',
    asAt: AS_AT,
    lists: new Map(
      lists.map(([n, rows]): [ListNumber, ListData] => [
        n,
        {
          list: n,
          sheet: `List ${n}`,
          layout: 2024,
          present: new Set(Object.keys(rows[0] ?? {})),
          rows: rows.map((values, i) => ({ sheet: `List ${n}`, row: i + 2, values })),
        },
      ]),
    ),
  };
}

/** The rows (spreadsheet row numbers) the rule with this code reports. */
function hits(code: string, c: AnnexARuleContext): Array<number | null> {
  const rule = annexARules.find((r) => r.code === code);
  assert.ok(rule, code);
  const issues = new IssueLog();
  runRules([rule], 2026, c, issues);
  return issues.list().map((i) => i.row);
}

describe('Annex A rules', () => {
  it('LNT-AA-01: an end date before its start', () => {
    const c = ctx([
      [
        6,
        [
          { childId: 'A', cinStart: '2025-10-01', cinClosure: '2025-10-01' },
          { childId: 'B', cinStart: '2025-10-01', cinClosure: '2025-09-30' },
        ],
      ],
      [8, [{ childId: 'C', claStart: '2025-06-01', placementStart: '2025-05-31', claEnd: null }]],
    ]);
    // Row 2 closes the day it opens (fine); row 3 closes the day before; List 8 row 2's placement starts before care.
    assert.deepEqual(hits('LNT-AA-01', c), [3, 2]);
  });

  it('LNT-AA-02: closure date and reason go together', () => {
    const c = ctx([
      [
        6,
        [
          { childId: 'A', cinClosure: '2025-11-01', closureReason: 'RC7' },
          { childId: 'B', cinClosure: '2025-11-01', closureReason: null },
          { childId: 'C', cinClosure: null, closureReason: null },
        ],
      ],
      [8, [{ childId: 'D', claEnd: null, reasonCeased: 'E4A' }]],
    ]);
    assert.deepEqual(hits('LNT-AA-02', c), [3, 2]);
  });

  it('LNT-AA-03: a date after the as-at date (a date of birth may be, for an unborn child)', () => {
    const c = ctx([
      [
        1,
        [
          { childId: 'A', dob: '2026-05-01', contactDate: '2026-03-31' },
          { childId: 'B', dob: '2020-01-01', contactDate: '2026-04-01' },
        ],
      ],
    ]);
    assert.deepEqual(hits('LNT-AA-03', c), [3]);
  });

  it("LNT-AA-04: a child's details differ between lists", () => {
    const c = ctx([
      [
        1,
        [
          { childId: 'A', sex: 'F', ethnicity: 'WBRI', dob: '2015-01-01' },
          { childId: 'B', sex: 'M', ethnicity: 'WBRI', dob: '2015-01-01' },
        ],
      ],
      [
        3,
        [
          { childId: 'A', sex: 'F', ethnicity: 'WBRI', dob: '2015-01-01' },
          { childId: 'B', sex: 'M', ethnicity: 'WBRI', dob: '2015-01-02' },
        ],
      ],
    ]);
    assert.deepEqual(hits('LNT-AA-04', c), [3]);
  });

  it('LNT-AA-05: a repeated row in a one-row-per list', () => {
    const c = ctx([
      [
        7,
        [
          { childId: 'A', cpStart: '2025-11-01' },
          { childId: 'A', cpStart: '2024-11-01' },
          { childId: 'A', cpStart: '2025-11-01' },
        ],
      ],
      [
        1,
        [
          { childId: 'A', contactDate: '2025-11-01', source: '2A' },
          { childId: 'A', contactDate: '2025-11-01', source: '2A' },
        ],
      ],
    ]);
    // Two contacts the same day from the same source can both be real; a CP plan cannot start twice on one day.
    assert.deepEqual(hits('LNT-AA-05', c), [4]);
  });

  it('LNT-AA-06: case status names a list the child is not in', () => {
    const c = ctx([
      [
        6,
        [
          { childId: 'A', caseStatus: 'cla' },
          { childId: 'B', caseStatus: 'cp' },
          { childId: 'C', caseStatus: 'cp' },
        ],
      ],
      [
        7,
        [
          { childId: 'B', cpEnd: null },
          { childId: 'C', cpEnd: '2026-01-01' },
        ],
      ],
      [8, [{ childId: 'A', claEnd: null }]],
    ]);
    // C's plan ended, so "on a CP plan" is not borne out.
    assert.deepEqual(hits('LNT-AA-06', c), [4]);
  });

  it('LNT-AA-07: age that does not agree with the date of birth', () => {
    const c = ctx([
      [
        1,
        [
          { childId: 'A', dob: '2012-04-01', age: 13 },
          { childId: 'B', dob: '2012-04-01', age: 14 },
          { childId: 'C', dob: '2026-05-01', age: -1 },
        ],
      ],
    ]);
    // Born 1 April 2012: 13 on 31 March 2026, 14 the next day.
    assert.deepEqual(hits('LNT-AA-07', c), [3]);
  });
});
