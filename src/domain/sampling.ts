/**
 * Case selection for an audit programme, reproducible from a seed: anyone with the same candidates and the same seed
 * draws the same sample, whatever order the candidates arrive in. Pure.
 *
 * - Candidates are put in order of their key first, so the sample depends only on the set and the seed.
 * - The draw is a partial Fisher–Yates shuffle (Durstenfeld's algorithm; Knuth, TAOCP vol. 2, §3.4.2, algorithm P)
 *   driven by xoroshiro128+ (Blackman and Vigna) from pure-rand, with pure-rand's unbiased uniformInt: every subset
 *   of the asked size is equally likely.
 * - Stratified samples share the places among strata in proportion to their size by largest remainder (Hamilton's
 *   method): each stratum gets the whole part of size × n(stratum) ÷ N, and the places left go to the largest
 *   fractional parts (ties to the larger stratum, then by name). Each stratum is then drawn with its own stream of the
 *   seed, so adding a stratum does not change the others' draws.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { mix32 } from './mix32';

export interface Candidate {
  /** A stable key (the child's Lantern id). */
  key: string;
  /** The stratum (team, service) when the sample is stratified. */
  stratum?: string;
}

const byKey = (a: Candidate, b: Candidate) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** `size` of the candidates (all of them when there are no more), drawn from `seed`, in the order drawn. */
export function simpleSample<C extends Candidate>(
  candidates: readonly C[],
  size: number,
  seed: number,
  stream = 0,
): C[] {
  const pool = [...candidates].sort(byKey);
  const take = Math.max(0, Math.min(Math.floor(size), pool.length));
  const rng: RandomGenerator = xoroshiro128plus(mix32(seed, stream));
  for (let i = 0; i < take; i++) {
    const j = uniformInt(rng, i, pool.length - 1);
    const chosen = pool[j] as C;
    pool[j] = pool[i] as C;
    pool[i] = chosen;
  }
  return pool.slice(0, take);
}

/** How many places each stratum gets: proportional, by largest remainder. */
export function proportionalAllocation(strata: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...strata.values()].reduce((a, b) => a + b, 0);
  const take = Math.max(0, Math.min(Math.floor(size), total));
  const shares = [...strata.entries()].map(([name, n]) => {
    const exact = total === 0 ? 0 : (take * n) / total;
    return { name, n, whole: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = take - shares.reduce((a, s) => a + s.whole, 0);
  const order = [...shares].sort(
    (a, b) => b.rest - a.rest || b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const s of order) {
    if (left <= 0) break;
    if (s.whole < s.n) {
      s.whole += 1;
      left -= 1;
    }
  }
  return new Map(shares.map((s) => [s.name, s.whole]));
}

/** A sample stratified by each candidate's stratum (candidates with none form one stratum, ""). */
export function stratifiedSample<C extends Candidate>(candidates: readonly C[], size: number, seed: number): C[] {
  const groups = new Map<string, C[]>();
  for (const c of candidates) {
    const key = c.stratum ?? '';
    const group = groups.get(key) ?? [];
    group.push(c);
    groups.set(key, group);
  }
  const names = [...groups.keys()].sort();
  const places = proportionalAllocation(new Map(names.map((n) => [n, groups.get(n)?.length ?? 0])), size);
  return names.flatMap((name) =>
    simpleSample(
      groups.get(name) ?? [],
      places.get(name) ?? 0,
      seed,
      mix32(...Array.from(name, (ch) => ch.codePointAt(0) ?? 0)),
    ),
  );
}
