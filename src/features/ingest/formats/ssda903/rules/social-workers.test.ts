import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleSW08STG2, ruleSW17STG2 } from './social-workers';
import { hits } from './testing';

describe('903 social worker rules', () => {
  it('SW08STG2: episodes of a child do not overlap (from 2023/24)', () => {
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2025-05-01', SW_DEC: '2025-06-01' },
      { CHILD: 'A', SW_DECOM: '2025-06-01', SW_DEC: null }, // 3 passes: starts the day the last ended
      { CHILD: 'B', SW_DECOM: '2025-05-01', SW_DEC: '2025-06-01' },
      { CHILD: 'B', SW_DECOM: '2025-05-20', SW_DEC: null }, // 5 fails
    ];
    assert.deepEqual(hits(ruleSW08STG2, { SWEpisodes }), ['SWEpisodes.csv:5']);
    assert.deepEqual(hits(ruleSW08STG2, { SWEpisodes }, 2023), []);
  });
  it('SW17STG2: a child looked after at 31 March has a social worker then', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: null },
      { CHILD: 'B', DECOM: '2025-05-01', DEC: null }, // 3 fails: B's worker left in February
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-07-01', REC: 'E4A' }, // not looked after at 31 March
    ];
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2025-05-01', SW_DEC: null },
      { CHILD: 'B', SW_DECOM: '2025-05-01', SW_DEC: '2026-02-01' },
    ];
    assert.deepEqual(hits(ruleSW17STG2, { Episodes, SWEpisodes }), ['Episodes.csv:3']);
  });
});
