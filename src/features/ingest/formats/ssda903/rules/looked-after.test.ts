import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continuouslyLookedAfter, type EpisodeFacts } from './looked-after';

/** 2025/26: 1 April 2025 to 31 March 2026. */
const START = '2025-04-01';
const END = '2026-03-31';

const ep = (e: Partial<EpisodeFacts>): EpisodeFacts => ({
  DECOM: null,
  DEC: null,
  RNE: 'P',
  REC: null,
  LS: 'C2',
  ...e,
});

describe('looked after continuously for 12 months at 31 March', () => {
  it('an episode open all year, and a new start on 1 April itself, are continuous', () => {
    assert.equal(continuouslyLookedAfter([ep({ DECOM: '2024-01-01', RNE: 'S' })], START, END), true);
    assert.equal(continuouslyLookedAfter([ep({ DECOM: '2025-04-01', RNE: 'S' })], START, END), true);
  });

  it('a new start after 1 April is not', () => {
    assert.equal(continuouslyLookedAfter([ep({ DECOM: '2025-04-02', RNE: 'S' })], START, END), false);
  });

  it('leaving care before 31 March is not; leaving on 31 March itself is (the DfE test reads DEC before 31 March)', () => {
    const left = (dec: string) => [ep({ DECOM: '2024-01-01', RNE: 'S', DEC: dec, REC: 'E4A' })];
    assert.equal(continuouslyLookedAfter(left('2026-03-30'), START, END), false);
    assert.equal(continuouslyLookedAfter(left('2026-03-31'), START, END), true);
    // Leaving on 1 April is leaving in the year.
    assert.equal(continuouslyLookedAfter(left('2025-04-01'), START, END), false);
  });

  it('a change of placement (X1) keeps care continuous; a short break in the year breaks it', () => {
    const moved = [
      ep({ DECOM: '2024-01-01', RNE: 'S', DEC: '2025-09-01', REC: 'X1' }),
      ep({ DECOM: '2025-09-01', RNE: 'P' }),
    ];
    assert.equal(continuouslyLookedAfter(moved, START, END), true);
    assert.equal(continuouslyLookedAfter([ep({ DECOM: '2024-01-01', RNE: 'S', LS: 'V3' })], START, END), false);
  });

  it('a child whose care ended before the year was not looked after in it', () => {
    const before = [ep({ DECOM: '2023-01-01', RNE: 'S', DEC: '2025-03-31', REC: 'E4A' })];
    assert.equal(continuouslyLookedAfter(before, START, END), false);
    assert.equal(continuouslyLookedAfter([], START, END), false);
  });
});
