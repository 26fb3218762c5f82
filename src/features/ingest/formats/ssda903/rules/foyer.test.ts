import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule347 } from './foyer';
import { hits } from './testing';

describe('903 care leaver accommodation rules', () => {
  it('347: no foyer (ACCOM T1/T2) for a care leaver under 18 on 1 April (2023/24 on)', () => {
    // 2025/26 starts 1 April 2025: 18 on that day means born by 1 April 2007.
    const OC3 = [
      { CHILD: 'A', DOB: '2007-04-01', ACCOM: 'T1' }, // passes: 18 on 1 April
      { CHILD: 'B', DOB: '2007-04-02', ACCOM: 'T2' }, // 3 fails: 18 a day later
      { CHILD: 'C', DOB: '2007-04-02', ACCOM: 'B1' }, // not a foyer
    ];
    assert.deepEqual(hits(rule347, { OC3 }), ['OC3.csv:3']);
    assert.deepEqual(hits(rule347, { OC3 }, 2023), []);
  });
});
