/**
 * Deterministic randomness for the generator.
 *
 * The generator draws from pure-rand's xoroshiro128+ (Blackman and Vigna). Measured on the 2-core build
 * machine, a draw costs about 15 ns, so tens of millions of draws cost well under a second and no home-made
 * PRNG is needed.
 *
 * Streams: every child (or sibling group) gets its own generator, seeded from (seed, stream number) through
 * `mix32` below, so that one child's journey never shifts another's, and a change in how visits are drawn never
 * changes anyone's journey (journeys and activity draw from separate streams).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { mix32 } from '../domain/mix32';

export { mix32 };

export class Rng {
  private readonly g: RandomGenerator;

  constructor(seed: number) {
    this.g = xoroshiro128plus(seed | 0);
  }

  /** A generator for stream `stream` of `seed` (independent of every other stream). */
  static stream(seed: number, ...stream: number[]): Rng {
    return new Rng(mix32(seed, ...stream));
  }

  /** Uniform in [0, 1), 32 bits of resolution (plenty for simulation). */
  next(): number {
    return (this.g.next() >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key of a table of weights (weights need not sum to 1). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    // for…in over a small object literal, without building an entries array (this is called millions of times).
    let total = 0;
    for (const k in weights) total += weights[k];
    let u = this.next() * total;
    let last: K | undefined;
    for (const k in weights) {
      last = k;
      u -= weights[k];
      if (u < 0) return k;
    }
    if (last === undefined) throw new Error('weighted pick from an empty table');
    return last;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal by Box–Muller. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson count with the given mean (Knuth's method for small means, a normal approximation for large). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** A precomputed sampler for a fixed weight table: one draw and a short scan. */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([, w], i) => {
      total += w;
      this.cumulative[i] = total;
    });
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i] = (this.cumulative[i] as number) / total;
  }

  static from<K extends string>(weights: Readonly<Record<K, number>>): WeightedTable<K> {
    return new WeightedTable(Object.entries(weights) as Array<[K, number]>);
  }

  draw(rng: Rng): T {
    const u = rng.next();
    const c = this.cumulative;
    for (let i = 0; i < c.length; i++) if (u < (c[i] as number)) return this.items[i] as T;
    return this.items[this.items.length - 1] as T;
  }
}
