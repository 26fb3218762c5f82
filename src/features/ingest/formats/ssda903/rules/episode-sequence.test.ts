import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule142, rule148, rule357, rule433, rule434, rule435, rule436, rule501 } from './episode-sequence';
import { hits } from './testing';

describe('903 episode sequence rules', () => {
  it('142: every episode but the last needs DEC and REC', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1' }, // 2 passes
      { CHILD: 'A', DECOM: '2025-06-01', DEC: null, REC: null }, // 3 fails: another episode follows
      { CHILD: 'A', DECOM: '2025-07-01', DEC: null, REC: null }, // 4 passes: last
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-05-09', REC: null }, // 5 fails: no REC
      { CHILD: 'B', DECOM: '2025-06-01', DEC: null, REC: null }, // 6 passes
    ];
    assert.deepEqual(hits(rule142, { Episodes }), ['Episodes.csv:3', 'Episodes.csv:5']);
  });
  it('148: DEC and REC together', () => {
    const Episodes = [
      { DEC: '2025-06-01', REC: 'E4A' },
      { DEC: null, REC: null },
      { DEC: '2025-06-01', REC: null },
      { DEC: null, REC: 'X1' },
    ];
    assert.deepEqual(hits(rule148, { Episodes }), ['Episodes.csv:4', 'Episodes.csv:5']);
  });
  it('501: an episode starting before the previous one ended', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' },
      { CHILD: 'A', DECOM: '2025-06-01', DEC: null }, // 3 fails: 1 June < 10 June
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1' },
      { CHILD: 'B', DECOM: '2025-06-10', DEC: null }, // 5 passes
    ];
    assert.deepEqual(hits(rule501, { Episodes }), ['Episodes.csv:3']);
  });
  it('433: a continuation episode starts the day the previous one ended', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1', RNE: 'S' },
      { CHILD: 'A', DECOM: '2025-06-12', RNE: 'P' }, // 3 fails: gap of two days
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'E4A', RNE: 'S' },
      { CHILD: 'B', DECOM: '2025-08-01', RNE: 'S' }, // 5 passes: a new period
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-10', REC: 'X1', RNE: 'S' },
      { CHILD: 'C', DECOM: '2025-06-10', RNE: 'L' }, // 7 passes
    ];
    assert.deepEqual(hits(rule433, { Episodes }), ['Episodes.csv:3']);
  });
  it('357: a first episode starting in the year has RNE S', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', RNE: 'P' }, // 2 fails (2025/26 starts 1 April 2025)
      { CHILD: 'B', DECOM: '2024-05-01', RNE: 'P', DEC: '2025-06-01', REC: 'X1' }, // 3 passes: began before the year
      { CHILD: 'C', DECOM: '2025-05-01', RNE: 'S' }, // 4 passes
    ];
    assert.deepEqual(hits(rule357, { Episodes }), ['Episodes.csv:2']);
  });

  it('434/435/436: RNE L, P/T and U/B agree with what changed', () => {
    const place = { PLACE: 'U1', PL_POST: 'N13', URN: 'SC1', PLACE_PROVIDER: 'PR1' };
    const first = { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', RNE: 'S', LS: 'C2', ...place };
    const next = (over: Record<string, string | null>) => ({
      Episodes: [first, { CHILD: 'A', DECOM: '2025-06-01', LS: 'C2', ...place, ...over }],
    });
    // L: legal status changed, placement the same, passes; the same legal status, or a new placement, fails.
    assert.deepEqual(hits(rule434, next({ RNE: 'L', LS: 'C1' })), []);
    assert.deepEqual(hits(rule434, next({ RNE: 'L' })), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule434, next({ RNE: 'L', LS: 'C1', URN: 'SC2' })), ['Episodes.csv:3']);
    // P: the placement changed and the legal status did not, passes; the reverse fails either way.
    assert.deepEqual(hits(rule435, next({ RNE: 'P', PL_POST: 'N14' })), []);
    assert.deepEqual(hits(rule435, next({ RNE: 'P' })), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule435, next({ RNE: 'T', LS: 'C1', PLACE: 'U2' })), ['Episodes.csv:3']);
    // 435 counts a blank as different from a blank (as the validator does): nothing else changed, but passes.
    assert.deepEqual(
      hits(rule435, {
        Episodes: [
          { ...first, URN: null },
          { ...next({ RNE: 'P' }).Episodes[1], URN: null },
        ],
      }),
      [],
    );
    // U/B: both changed, passes; either unchanged fails.
    assert.deepEqual(hits(rule436, next({ RNE: 'U', LS: 'C1', PLACE: 'U2' })), []);
    assert.deepEqual(hits(rule436, next({ RNE: 'B', PLACE: 'U2' })), ['Episodes.csv:3']);
    assert.deepEqual(hits(rule436, next({ RNE: 'U', LS: 'C1' })), ['Episodes.csv:3']);
  });
});
