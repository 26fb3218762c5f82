import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { likeContains, parseSearch } from './search-query';

describe('parseSearch', () => {
  it('is a list of everyone when empty', () => {
    assert.deepEqual(parseSearch(''), { kind: 'all' });
    assert.deepEqual(parseSearch('   '), { kind: 'all' });
    assert.deepEqual(parseSearch(undefined), { kind: 'all' });
  });
  it('reads Lantern IDs in any case, padding the digits to seven', () => {
    assert.deepEqual(parseSearch('L0000123'), { kind: 'lantern-id', lanternId: 'L0000123', text: 'L0000123' });
    assert.deepEqual(parseSearch(' l123 '), { kind: 'lantern-id', lanternId: 'L0000123', text: 'l123' });
    assert.deepEqual(parseSearch('L1234567'), { kind: 'lantern-id', lanternId: 'L1234567', text: 'L1234567' });
  });
  it('does not read L0000000 or eight digits as a Lantern ID', () => {
    assert.equal(parseSearch('L0000000').kind, 'la-child-id');
    assert.equal(parseSearch('L12345678').kind, 'la-child-id');
  });
  it('reads one word with a digit as an LA child ID', () => {
    assert.deepEqual(parseSearch('DEMO00042'), { kind: 'la-child-id', text: 'DEMO00042' });
    assert.deepEqual(parseSearch('123456'), { kind: 'la-child-id', text: '123456' });
  });
  it('reads words as a name, keeping apostrophes and hyphens', () => {
    assert.deepEqual(parseSearch('Samira  Jones'), { kind: 'name', words: ['Samira', 'Jones'] });
    assert.deepEqual(parseSearch("o'brien smith-jones"), { kind: 'name', words: ["o'brien", 'smith-jones'] });
    assert.deepEqual(parseSearch('Zoë'), { kind: 'name', words: ['Zoë'] });
  });
  it('keeps at most five words', () => {
    assert.equal((parseSearch('a b c d e f g') as { words: string[] }).words.length, 5);
  });
});

describe('likeContains', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    assert.equal(likeContains('sam'), '%sam%');
    assert.equal(likeContains('50%_a\\b'), '%50\\%\\_a\\\\b%');
  });
});
