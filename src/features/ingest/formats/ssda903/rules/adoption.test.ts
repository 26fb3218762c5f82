import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule601, rule602 } from './adoption';
import { hits } from './testing';

describe('903 adoption rules', () => {
  const Episodes = [
    { CHILD: 'A', DECOM: '2024-01-01', DEC: '2025-09-01', REC: 'E11' }, // adopted in 2025/26, has AD1
    { CHILD: 'B', DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E12' }, // adopted, no AD1: 601 at line 3
    { CHILD: 'C', DECOM: '2024-01-01', DEC: '2025-10-01', REC: 'E4A' }, // AD1 but not adopted: 602
  ];
  const AD1 = [{ CHILD: 'A' }, { CHILD: 'C' }];
  it('601: an adoption in the year needs AD1', () => {
    assert.deepEqual(hits(rule601, { Episodes, AD1 }), ['Episodes.csv:3']);
  });
  it('602: AD1 needs an adoption in the year', () => {
    assert.deepEqual(hits(rule602, { Episodes, AD1 }), ['AD1.csv:3']);
  });
});
