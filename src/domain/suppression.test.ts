import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suppress } from './suppression';

test('counts from 1 to 4 are suppressed as "c"; 0 and 5 upwards are shown', () => {
  assert.equal(suppress(0), 0);
  assert.equal(suppress(1), 'c');
  assert.equal(suppress(4), 'c');
  assert.equal(suppress(5), 5);
  assert.equal(suppress(2100), 2100);
});
