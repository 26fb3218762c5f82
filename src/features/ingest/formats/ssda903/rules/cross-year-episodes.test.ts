import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import { buildCrossYearContext, type CrossYearRule } from './cross-year-context';
import { rule1010, rule562, ruleNoE } from './cross-year-episodes';
import { returnOf, type Partial903 } from './testing';

/** "Table.csv:line" of each hit (this year's rows, the n-th on line n + 1); 2025/26 against 2024/25. */
function hits(rule: CrossYearRule, now: Partial903, last: Partial903, year = 2026): string[] {
  const issues = new IssueLog();
  runRules([rule], year, buildCrossYearContext(returnOf(now), returnOf(last), year), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}`);
}

describe('903 episode rules against last year', () => {
  it("562: the first episode this year, begun before 1 April, is last year's latest", () => {
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-01-10' }, // 2 passes: last year's latest
        { CHILD: 'A', DECOM: '2025-06-01' },
        { CHILD: 'B', DECOM: '2024-11-01' }, // 4 fails: last year's latest began 10 January
        { CHILD: 'C', DECOM: '2025-04-01' }, // begun this year: not checked
        { CHILD: 'D', DECOM: '2025-02-01' }, // 6 fails: D has no episode last year
      ],
    };
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2024-06-01', DEC: '2025-01-10' },
        { CHILD: 'A', DECOM: '2025-01-10' },
        { CHILD: 'B', DECOM: '2024-11-01', DEC: '2025-01-10' },
        { CHILD: 'B', DECOM: '2025-01-10' },
      ],
    };
    assert.deepEqual(hits(rule562, now, last), ['Episodes.csv:4', 'Episodes.csv:6']);
  });

  it("NoE: a child looked after before this year is in last year's episodes", () => {
    const now = {
      Episodes: [
        { CHILD: 'A', DECOM: '2025-03-31' }, // passes: A is in last year's return
        { CHILD: 'B', DECOM: '2025-03-31' }, // 3 fails: begun on the last day of last year, B not in it
        { CHILD: 'B', DECOM: '2025-04-01' }, // begun this year: not checked
      ],
    };
    const last = { Episodes: [{ CHILD: 'A', DECOM: '2025-03-31' }] };
    assert.deepEqual(hits(ruleNoE, now, last), ['Episodes.csv:3']);
  });

  it('1010: a care leaver whose care was open at the end of last year has episodes this year', () => {
    const now = {
      Episodes: [{ CHILD: 'A', DECOM: '2024-05-01' }],
      OC3: [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'C' }], // B (line 3) fails; C's care had ended
    };
    const last = {
      Episodes: [
        { CHILD: 'A', DECOM: '2024-05-01' },
        { CHILD: 'B', DECOM: '2024-05-01', DEC: '2024-09-01' },
        { CHILD: 'B', DECOM: '2024-09-01' },
        { CHILD: 'C', DECOM: '2024-05-01', DEC: '2024-09-01' },
      ],
    };
    assert.deepEqual(hits(rule1010, now, last), ['OC3.csv:3']);
  });
});
