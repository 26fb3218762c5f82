import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { annexALayout } from './layouts';
import { CODE_LISTS, codeLabel, parseCode, type CodeListId } from './codes';
import {
  HEADINGS_2024,
  LIST_9_2022,
  QUOTED_OPTIONS,
  QUOTED_PREFIXES,
  headings2026,
} from '../../../test/fixtures/annex-a/expected-headings';

const headingsOf = (year: 2022 | 2024 | 2026) =>
  Object.fromEntries(annexALayout(year).map((l) => [l.sheet, l.columns.map((c) => c.heading)]));

describe('Annex A layouts (liia-tools Annex A specifications)', () => {
  it('2024: eleven sheets List 1 … List 11 with the 2024 headings in order', () => {
    assert.deepEqual(headingsOf(2024), HEADINGS_2024);
  });

  it('2026: the same with Gender renamed Sex in all eleven lists', () => {
    assert.deepEqual(headingsOf(2026), headings2026());
    for (const list of annexALayout(2026)) assert.ok(!list.columns.some((c) => c.heading === 'Gender'), list.sheet);
  });

  it('2022: List 9 has the original nine-plus-four columns; every other list as 2024', () => {
    const h = headingsOf(2022);
    assert.deepEqual(h['List 9'], LIST_9_2022);
    for (const sheet of Object.keys(HEADINGS_2024))
      if (sheet !== 'List 9') assert.deepEqual(h[sheet], HEADINGS_2024[sheet], sheet);
  });
});

describe('Annex A option strings (liia-tools data-map.yml)', () => {
  it('writes the strings data-map.yml quotes', () => {
    for (const [list, code, label] of QUOTED_OPTIONS)
      assert.equal(codeLabel(list as CodeListId, code), label, `${list} ${code}`);
  });

  it('letters placement types, reasons ceased and providers as data-map.yml orders them', () => {
    for (const [list, code, prefix] of QUOTED_PREFIXES)
      assert.ok(
        codeLabel(list as CodeListId, code)?.startsWith(prefix),
        `${list} ${code} → ${codeLabel(list as CodeListId, code)}`,
      );
  });

  it('has 20 lettered ethnicities a)…t) and 21 referral sources in the 2022 layout (no 5D)', () => {
    assert.equal(CODE_LISTS.ethnicity.length, 20);
    assert.equal(CODE_LISTS.source2022.length, 21);
    assert.equal(CODE_LISTS.source.length, 22);
    assert.equal(codeLabel('source2022', '5D'), null);
  });

  it('reads every written string back to its code, and the forms people write', () => {
    for (const [list, options] of Object.entries(CODE_LISTS))
      for (const o of options) assert.equal(parseCode(list as CodeListId, o.label), o.code, `${list} ${o.label}`);
    assert.equal(parseCode('ethnicity', 'WBRI'), 'WBRI');
    assert.equal(parseCode('ethnicity', ' wbri - White British '), 'WBRI');
    assert.equal(parseCode('placementProvider', 'e) PR4 - Private provision'), 'PR4');
    assert.equal(parseCode('placementType', 'U6'), 'U6');
    assert.equal(parseCode('placementType', 'zz) T4: anything'), 'T4');
    assert.equal(parseCode('source', '4'), '4');
    assert.equal(parseCode('source', '5D'), '5D');
    assert.equal(parseCode('sex', 'Female'), 'F');
    assert.equal(parseCode('sex', 'd) Neither'), 'U');
    assert.equal(parseCode('yesNo', 'Yes'), 'Y');
    assert.equal(parseCode('yesNo', 'N'), 'N');
    assert.equal(parseCode('primaryNeed', 'N2 - Child’s disability'), 'N2');
    assert.equal(parseCode('primaryNeed', "N2 - Child's disability"), 'N2');
    assert.equal(parseCode('permanencePlan', 'Long term fostering'), 'long-term-fostering');
    assert.equal(parseCode('inTouch', 'Refused'), 'REFU');
  });

  it('refuses what is not an option', () => {
    assert.equal(parseCode('ethnicity', 'XXXX'), null);
    assert.equal(parseCode('placementType', 'Q9'), null);
    assert.equal(parseCode('yesNo', 'maybe'), null);
    assert.equal(parseCode('source', '11'), null);
  });
});
