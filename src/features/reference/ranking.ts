/**
 * Ranks and quartiles of authorities on a published measure (pure; the SQL in benchmarks.ts ranks the same way).
 *
 * Rank: standard competition ranking ("1224") among the authorities with a value: 1 + the number of authorities
 * with a strictly better value. Better means lower for a "lower is better" measure and higher for "higher is
 * better"; for a neutral measure rank 1 is the highest value.
 *
 * Quartile of rank r among n ranked authorities: floor(4 × (r − 1) ÷ n) + 1 — the share of ranked authorities that
 * are strictly ahead ((r − 1) ÷ n) falls in [0, ¼) for quartile 1 (the best quarter), [¼, ½) for 2, [½, ¾) for 3 and
 * [¾, 1) for 4. With n = 152, ranks 1–38 are quartile 1, 39–76 quartile 2, 77–114 quartile 3, 115–152 quartile 4;
 * with n = 10, ranks 1–3 are quartile 1 (2 ahead ÷ 10 = 0.2 < ¼), 4–5 quartile 2, 6–8 quartile 3, 9–10 quartile 4;
 * a lone authority (n = 1) is in quartile 1.
 * Tied authorities share a rank and so a quartile.
 */
export type RankPolarity = 'higher' | 'lower' | 'neutral';

export function quartileOf(rank: number, of: number): 1 | 2 | 3 | 4 {
  if (!Number.isInteger(rank) || !Number.isInteger(of) || rank < 1 || of < 1 || rank > of) {
    throw new RangeError(`A rank must be between 1 and the number ranked (rank ${rank} of ${of})`);
  }
  return (Math.floor((4 * (rank - 1)) / of) + 1) as 1 | 2 | 3 | 4;
}

/** The rank of `value` among `values` (which include it) for the polarity. */
export function rankOf(value: number, values: readonly number[], polarity: RankPolarity): number {
  const better = values.filter((v) => (polarity === 'lower' ? v < value : v > value)).length;
  return better + 1;
}
