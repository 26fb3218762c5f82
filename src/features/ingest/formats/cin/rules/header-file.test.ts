import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IssueLog } from '../../../issues';
import { runRules } from '../../../rules';
import type { CinHeader } from '../model';
import { rule8510 } from './file';
import { rule100 } from './header';

const header = (year: number | null, referenceDate: string | null): CinHeader => ({
  line: 2,
  lines: { ReferenceDate: 6 },
  collection: 'CIN',
  year,
  referenceDate,
  lea: null,
});

describe('CIN rules: Header and file', () => {
  it('100: ReferenceDate is 31 March of Year', () => {
    const ok = new IssueLog();
    runRules([rule100], 2026, { file: 'f.xml', year: 2026, header: header(2026, '2026-03-31') }, ok);
    assert.equal(ok.errors, 0);
    const bad = new IssueLog();
    // The validator's own sample: Year 2023 with ReferenceDate 2024-03-31.
    runRules([rule100], 2023, { file: 'f.xml', year: 2023, header: header(2023, '2024-03-31') }, bad);
    assert.deepEqual(
      bad.list().map((i) => [i.rule, i.row, i.column]),
      [['100', 6, 'ReferenceDate']],
    );
  });

  it('8510: each LAchildID once', () => {
    const ok = new IssueLog();
    runRules(
      [rule8510],
      2026,
      {
        file: 'f.xml',
        characteristics: [],
        children: [
          { laChildId: 'A', line: 3 },
          { laChildId: 'B', line: 9 },
        ],
      },
      ok,
    );
    assert.equal(ok.errors, 0);
    const bad = new IssueLog();
    runRules(
      [rule8510],
      2026,
      {
        file: 'f.xml',
        characteristics: [],
        children: [
          { laChildId: 'A', line: 3 },
          { laChildId: 'B', line: 9 },
          { laChildId: 'A', line: 15 },
        ],
      },
      bad,
    );
    assert.deepEqual(
      bad.list().map((i) => [i.rule, i.row, i.child, i.message]),
      [['8510', 15, 'A', 'More than one child record has the same LAchildID (first given at line 3)']],
    );
  });
});
