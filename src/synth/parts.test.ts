/**
 * Unit tests of the generator's small parts: CSV encoding, seeded randomness, the child population table and the
 * UPN check letter. Expected values are worked out by hand in the comments.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvLine, CsvChunks } from '../db/csv';
import { upnCheckLetter } from './emit';
import { childPopulation } from './population';
import { Rng, WeightedTable, mix32 } from './random';

describe('csvLine', () => {
  test('numbers, booleans and nulls are bare; strings are quoted only when they must be', () => {
    assert.equal(csvLine([1, 2.5, true, false, null, undefined, 'N1', '2025-04-01']), '1,2.5,t,f,,,N1,2025-04-01');
    // An empty string must be quoted or COPY would read it as NULL; commas, quotes and line breaks force quotes,
    // and a quote is doubled.
    assert.equal(
      csvLine(['', 'a,b', 'say "hi"', 'two\nlines', "O'Brien"]),
      '"","a,b","say ""hi""","two\nlines",O\'Brien',
    );
  });

  test('arrays become quoted PostgreSQL array literals', () => {
    assert.equal(csvLine([['3B', '4B']]), '"{""3B"",""4B""}"');
  });

  test('CsvChunks counts rows and ends every line with a newline', () => {
    const c = new CsvChunks();
    c.add([1, 'a']);
    c.add([2, null]);
    const text = new TextDecoder().decode(Buffer.concat(c.finish()));
    assert.equal(text, '1,a\n2,\n');
    assert.equal(c.rows, 2);
  });
});

describe('seeded randomness', () => {
  test('the same stream gives the same draws; another stream different ones', () => {
    const a = Rng.stream(1, 2, 3);
    const b = Rng.stream(1, 2, 3);
    const c = Rng.stream(1, 2, 4);
    const da = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      Array.from({ length: 5 }, () => b.next()),
      da,
    );
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => c.next()),
      da,
    );
    assert.notEqual(mix32(1, 2, 3), mix32(1, 2, 4));
  });

  test('draws lie in range, and weights are followed (100,000 draws, within 1 point)', () => {
    const rng = new Rng(42);
    const table = WeightedTable.from({ a: 1, b: 3 });
    let b = 0;
    let w = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.int(3, 5);
      assert.ok(x >= 3 && x <= 5);
      if (table.draw(rng) === 'b') b++;
      if (rng.weighted({ a: 1, b: 3 }) === 'b') w++;
    }
    // b has weight 3 of 4: 75%.
    assert.ok(Math.abs(b / 1000 - 75) < 1, String(b));
    assert.ok(Math.abs(w / 1000 - 75) < 1, String(w));
  });
});

describe('childPopulation', () => {
  test("each year adds up exactly, 18 ages × 2 sexes × 5 groups, with Barnet's shares", () => {
    const rows = childPopulation(99_000, 2020, 2025);
    assert.equal(rows.length, 6 * 18 * 2 * 5);
    const last = rows.filter((r) => r.year === 2025);
    assert.equal(
      last.reduce((s, r) => s + r.count, 0),
      99_000,
    );
    // Barnet's shares 53/11/13/12/12 sum to 101, so White is 53/101 = 52.5% of children.
    const white = last.filter((r) => r.group === 'White').reduce((s, r) => s + r.count, 0);
    assert.ok(Math.abs(white / 99_000 - 53 / 101) < 0.001);
    // Earlier years are smaller (0.5% growth a year): 1.005^5 = 1.0252513, and 99,000 / 1.0252513 = 96,561.7 → 96,562.
    assert.equal(
      rows.filter((r) => r.year === 2020).reduce((s, r) => s + r.count, 0),
      96_562,
    );
  });
});

describe('UPN check letter', () => {
  test("DfE's guidance example H801200001001", () => {
    // 8·2 + 0·3 + 1·4 + 2·5 + 0·6 + 0·7 + 0·8 + 0·9 + 1·10 + 0·11 + 0·12 + 1·13 = 53; 53 mod 23 = 7 → H.
    assert.equal(upnCheckLetter('801200001001'), 'H');
  });
});
