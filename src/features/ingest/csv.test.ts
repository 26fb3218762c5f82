import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readCsv } from './csv';
import { IssueLog } from './issues';

describe('readCsv: a plain file (split at commas) reads exactly as csv-parse reads it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-csv-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const read = async (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    const issues = new IssueLog();
    const out: Array<[number, ...string[]]> = [];
    const columns = ['child', 'dob'];
    for await (const r of readCsv({ name, path: p, size: statSync(p).size }, issues, { required: columns, columns }))
      out.push([r.line, ...r.cells]);
    return { out, issues: issues.list() };
  };
  // Line 1 the header (DOB before CHILD, an extra column, spaces); line 2 a row; line 3 blank; line 4 only commas and
  // line 5 only spaces (both skipped); line 6 a row with spaces around its values and a cell missing at the end
  // (read as ''); line 7 a row with a tab, and no line ending after it.
  const lines = [' DOB , Child,Extra', '01/02/2020,C1,x', '', ',,', '   ', ' C2 , 03/04/2021 ', 'x\t,C3\t'];
  const expected = [
    [2, 'C1', '01/02/2020'],
    [6, '03/04/2021', 'C2'],
    [7, 'C3', 'x'],
  ];

  it('with \\n line endings', async () => {
    assert.deepEqual(await read('lf.csv', lines.join('\n')), { out: expected, issues: [] });
  });

  it('with \\r\\n line endings and a byte-order mark', async () => {
    assert.deepEqual(await read('crlf.csv', `\uFEFF${lines.join('\r\n')}\r\n`), { out: expected, issues: [] });
  });

  it('the same rows with a quoted value (read by csv-parse) give the same records and lines', async () => {
    const quoted = [...lines];
    quoted[1] = '"01/02/2020",C1,x';
    assert.deepEqual(await read('quoted.csv', quoted.join('\n')), { out: expected, issues: [] });
  });

  it('the same rows with a value not in ASCII (read by csv-parse): only that value differs', async () => {
    const accented = [...lines];
    accented[7 - 1] = 'x\t,C3é\t';
    assert.deepEqual(await read('accented.csv', accented.join('\n')), {
      out: [expected[0], expected[1], [7, 'C3é', 'x']],
      issues: [],
    });
  });

  it('a file whose line endings change ("\\r\\n", then "\\n") is read by csv-parse, which keeps the first', async () => {
    // csv-parse takes \r\n as the line ending from line 1: the "\n" after line 2 is then part of the value "x\nC4".
    const { out } = await read('mixed.csv', 'CHILD,DOB\r\nC1,x\nC4,y\r\n');
    assert.deepEqual(out, [[3, 'C1', 'x\nC4']]);
  });
});
