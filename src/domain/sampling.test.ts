import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { proportionalAllocation, simpleSample, stratifiedSample, type Candidate } from './sampling';

const children = (n: number, stratum?: string, prefix = 'L'): Candidate[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `${prefix}${String(i + 1).padStart(7, '0')}`,
    ...(stratum ? { stratum } : {}),
  }));

describe('reproducible case selection', () => {
  test('the same candidates and seed give the same sample, whatever order the candidates come in', () => {
    const pool = children(40);
    const a = simpleSample(pool, 6, 20261122).map((c) => c.key);
    const b = simpleSample([...pool].reverse(), 6, 20261122).map((c) => c.key);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, 6, 'no child twice');
  });

  test('another seed gives another sample', () => {
    const pool = children(40);
    assert.notDeepEqual(
      simpleSample(pool, 6, 1).map((c) => c.key),
      simpleSample(pool, 6, 2).map((c) => c.key),
    );
  });

  test('asking for more than there are gives every candidate once; asking for none gives none', () => {
    assert.equal(simpleSample(children(5), 9, 7).length, 5);
    assert.equal(new Set(simpleSample(children(5), 9, 7).map((c) => c.key)).size, 5);
    assert.deepEqual(simpleSample(children(5), 0, 7), []);
  });

  test('every child is as likely to be chosen: 3 of 10 over 3,000 seeds is about 900 each', () => {
    // Each child is chosen with probability 3/10. Over 3,000 draws the count is binomial(3000, 0.3): mean 900,
    // standard deviation √(3000 × 0.3 × 0.7) = 25.1. Five standard deviations either side: 774 to 1,026.
    const pool = children(10);
    const counts = new Map(pool.map((c) => [c.key, 0]));
    for (let seed = 1; seed <= 3000; seed++)
      for (const c of simpleSample(pool, 3, seed)) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    for (const [key, n] of counts) assert.ok(n >= 774 && n <= 1026, `${key} chosen ${n} times`);
  });

  test('places are shared in proportion by largest remainder: 7 among 50, 30 and 20 → 4, 2, 1', () => {
    // 7 × 50/100 = 3.5, 7 × 30/100 = 2.1, 7 × 20/100 = 1.4: whole parts 3 + 2 + 1 = 6; the one left goes to the
    // largest remainder (.5, team A).
    assert.deepEqual(
      proportionalAllocation(
        new Map([
          ['A', 50],
          ['B', 30],
          ['C', 20],
        ]),
        7,
      ),
      new Map([
        ['A', 4],
        ['B', 2],
        ['C', 1],
      ]),
    );
    // 10 among 3, 3 and 3 (9 in all): everyone.
    assert.deepEqual(
      [
        ...proportionalAllocation(
          new Map([
            ['A', 3],
            ['B', 3],
            ['C', 3],
          ]),
          10,
        ).values(),
      ],
      [3, 3, 3],
    );
    // 2 among 3, 3 and 3: 0.667 each; ties go to the larger stratum, then by name → A and B.
    assert.deepEqual(
      [
        ...proportionalAllocation(
          new Map([
            ['A', 3],
            ['B', 3],
            ['C', 3],
          ]),
          2,
        ).values(),
      ],
      [1, 1, 0],
    );
  });

  test('a stratified sample takes each team’s share, and a team’s draw does not change when another team is added', () => {
    const teams = [...children(50, 'Team A', 'A'), ...children(30, 'Team B', 'B'), ...children(20, 'Team C', 'C')];
    const sample = stratifiedSample(teams, 7, 99);
    const by = (t: string) => sample.filter((c) => c.stratum === t).length;
    assert.deepEqual([by('Team A'), by('Team B'), by('Team C')], [4, 2, 1]);
    assert.deepEqual(stratifiedSample([...teams].reverse(), 7, 99), sample);
    // Team B alone, asked for its 2: the same two children as in the stratified sample.
    const onlyB = stratifiedSample(children(30, 'Team B', 'B'), 2, 99).map((c) => c.key);
    assert.deepEqual(
      onlyB,
      sample.filter((c) => c.stratum === 'Team B').map((c) => c.key),
    );
  });
});
