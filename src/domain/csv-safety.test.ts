import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { csvSafe, CSV_SAFE_CAST } from './csv-safety';

test('a cell that a spreadsheet would run as a formula is written as text', () => {
  assert.equal(csvSafe('=HYPERLINK("http://x","y")'), `'=HYPERLINK("http://x","y")`);
  assert.equal(csvSafe("=cmd|' /C calc'!A0"), `'=cmd|' /C calc'!A0`);
  assert.equal(csvSafe('@SUM(A1:A2)'), `'@SUM(A1:A2)`);
  assert.equal(csvSafe('+HYPERLINK("x")'), `'+HYPERLINK("x")`);
  assert.equal(csvSafe('-2+3'), `'-2+3`);
  assert.equal(csvSafe('\t=1'), `'\t=1`);
  assert.equal(csvSafe('\r=1'), `'\r=1`);
});

test('real values are unchanged: numbers with a sign, and text that only contains the characters', () => {
  for (const v of ['-3', '+44.5', '-0.25', '1e5', '-1.5E-3', 'Family Support 1', 'A=B', 'x@y.z', '', 'N12 0AB'])
    assert.equal(csvSafe(v), v);
});

test('as csv-stringify writes it: the quote is inside the field', () => {
  assert.equal(stringify([['=1+1', '-5', 'ok']], CSV_SAFE_CAST), `'=1+1,-5,ok\n`);
});
