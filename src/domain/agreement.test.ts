import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agreement, linearWeight, type GradePair } from './agreement';
import type { Grade } from './ofsted';

const O: Grade = 'outstanding';
const G: Grade = 'good';
const RI: Grade = 'requires-improvement';
const I: Grade = 'inadequate';

/** n copies of a pair. */
const times = (n: number, first: Grade, second: Grade): GradePair[] =>
  Array.from({ length: n }, () => ({ first, second }));

describe('agreement between auditors and moderators', () => {
  test('linear weights over four grades: 1, 2/3, 1/3, 0', () => {
    assert.equal(linearWeight(G, G), 1);
    assert.equal(linearWeight(O, G), 2 / 3);
    assert.equal(linearWeight(G, I), 1 / 3);
    assert.equal(linearWeight(O, I), 0);
    assert.equal(linearWeight(I, O), 0);
  });

  test('ten pairs worked by hand: exact 7/10, weighted kappa 31/46', () => {
    // Auditor (rows) × moderator (columns), order O, G, RI, I:
    //   O  [1, 1, 0, 0]   G  [0, 3, 1, 0]   RI [0, 1, 2, 0]   I  [0, 0, 0, 1]
    // Exact: 1 + 3 + 2 + 1 = 7 of 10.
    // Po = (7 × 1 + 3 × 2/3) / 10 = 0.9 (the three off-by-one pairs: O→G, G→RI, RI→G).
    // Marginals: auditor 2, 4, 3, 1; moderator 1, 5, 3, 1 (of 10).
    // Pe × 100 = Σ w × r_i × c_j:
    //   O row  2×1 + 10×2/3 + 6×1/3 + 2×0          = 10 2/3
    //   G row  4×2/3 + 20×1 + 12×2/3 + 4×1/3      = 32
    //   RI row 3×1/3 + 15×2/3 + 9×1 + 3×2/3       = 22
    //   I row  1×0 + 5×1/3 + 3×2/3 + 1×1          = 4 2/3
    //   total 69 1/3 → Pe = 0.69333…
    // κw = (0.9 − 0.69333) / (1 − 0.69333) = (62/300) / (92/300) = 31/46 = 0.673913…
    const pairs = [
      ...times(1, O, O),
      ...times(1, O, G),
      ...times(3, G, G),
      ...times(1, G, RI),
      ...times(1, RI, G),
      ...times(2, RI, RI),
      ...times(1, I, I),
    ];
    const a = agreement(pairs);
    assert.equal(a.pairs, 10);
    assert.equal(a.exact, 7);
    assert.equal(a.exactShare, 0.7);
    assert.ok(Math.abs((a.weightedKappa ?? NaN) - 31 / 46) < 1e-12, `κw ${a.weightedKappa}`);
    assert.deepEqual(a.counts, [
      [1, 1, 0, 0],
      [0, 3, 1, 0],
      [0, 1, 2, 0],
      [0, 0, 0, 1],
    ]);
  });

  test('complete agreement across grades is κw = 1', () => {
    const a = agreement([...times(2, O, O), ...times(3, G, G), ...times(4, RI, RI), ...times(1, I, I)]);
    assert.equal(a.exactShare, 1);
    assert.ok(Math.abs((a.weightedKappa ?? NaN) - 1) < 1e-12);
  });

  test('systematic disagreement below chance is negative: every good moved to RI and every RI to good', () => {
    // 5 G→RI, 5 RI→G. Po = 10 × 2/3 / 10 = 2/3. Marginals: auditor G .5, RI .5; moderator G .5, RI .5.
    // Pe = .25 × (1 + 2/3 + 2/3 + 1) = .25 × 10/3 = 5/6. κw = (2/3 − 5/6) / (1 − 5/6) = (−1/6) / (1/6) = −1.
    const a = agreement([...times(5, G, RI), ...times(5, RI, G)]);
    assert.equal(a.exact, 0);
    assert.ok(Math.abs((a.weightedKappa ?? NaN) + 1) < 1e-12);
  });

  test('no pairs, or every pair the same single grade (chance agreement 1), gives no kappa', () => {
    assert.equal(agreement([]).weightedKappa, null);
    assert.equal(agreement([]).exactShare, null);
    const same = agreement(times(6, G, G));
    assert.equal(same.exactShare, 1);
    assert.equal(same.weightedKappa, null);
  });
});
