import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ETHNICITY_CODES } from '../../domain/code-lists';
import { CODE_LISTS } from './codes';

test("Annex A's ethnicity options letter exactly the DfE's 20 codes, in Annex A's own order", () => {
  const codes = CODE_LISTS.ethnicity.map((o) => o.code);
  assert.deepEqual([...codes].sort(), [...ETHNICITY_CODES].sort());
  // Annex A letters WIRT before WOTH (liia-tools data-map.yml), unlike the DfE list's order.
  assert.equal(CODE_LISTS.ethnicity[2]?.label, 'c) WIRT');
  assert.equal(CODE_LISTS.ethnicity[3]?.label, 'd) WOTH');
});
