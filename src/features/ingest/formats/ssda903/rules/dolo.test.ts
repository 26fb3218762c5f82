import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule707, rule709 } from './dolo';
import { hits } from './testing';

describe('903 DoLO rules (2026/27)', () => {
  it('707: care ended with a DoLO still open', () => {
    const Episodes = [{ CHILD: 'A', DECOM: '2026-05-01', DEC: '2026-09-01', REC: 'E4A' }, { CHILD: 'B', DECOM: '2026-05-01', DEC: null }];
    const DoLo = [{ CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: null }, { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: null }];
    assert.deepEqual(hits(rule707, { Episodes, DoLo }, 2027), ['DoLo.csv:2']);
    assert.deepEqual(hits(rule707, { Episodes, DoLo }, 2026), []);
  });
  it('709: a DoLO overlapping an episode placed other than K2, Z12 or Z13', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2026-05-01', DEC: '2026-07-01', REC: 'X1', PLACE: 'K2' },
      { CHILD: 'B', DECOM: '2026-05-01', DEC: '2026-07-01', REC: 'X1', PLACE: 'U4' },
    ];
    const DoLo = [
      { CHILD: 'A', DOLO_START: '2026-06-01', DOLO_END: '2026-06-20' }, // passes: K2
      { CHILD: 'B', DOLO_START: '2026-06-01', DOLO_END: '2026-06-20' }, // 3 fails: U4
      { CHILD: 'B', DOLO_START: '2026-08-01', DOLO_END: '2026-08-20' }, // 4 passes: after the episode
    ];
    assert.deepEqual(hits(rule709, { Episodes, DoLo }, 2027), ['DoLo.csv:3']);
  });
});
