/** Deriving independent seeds: used by the demo generator's streams and by reproducible case selection. */

/**
 * A 32-bit integer hash of several 32-bit inputs (the finaliser of MurmurHash3 by Austin Appleby, public domain,
 * folded over the inputs), used only to derive independent seeds.
 */
export function mix32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h ^= v | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h | 0;
}
