/**
 * How far two graders agree on the four-point grade scale: exact agreement and Cohen's weighted kappa with linear
 * weights. Pure; the QA programme uses it for auditors against moderators (the agreed grade).
 *
 * Source: J. Cohen, "Weighted kappa: nominal scale agreement with provision for scaled disagreement or partial
 * credit", Psychological Bulletin 70(4), 1968, 213–220. With k ordered categories the linear weight of a pair of
 * grades i, j is w = 1 − |i − j| / (k − 1); observed agreement Po = Σ w·p(i, j), chance agreement
 * Pe = Σ w·p(i)·p(j) from the two graders' marginal shares, and κw = (Po − Pe) / (1 − Pe).
 */
import { GRADES, gradeRank, type Grade } from './ofsted';

export interface GradePair {
  /** The first grader's grade (the auditor's). */
  first: Grade;
  /** The second grader's grade (the moderator's). */
  second: Grade;
}

export interface Agreement {
  /** How many pairs. */
  pairs: number;
  /** Pairs graded the same. */
  exact: number;
  /** exact ÷ pairs, 0–1; null with no pairs. */
  exactShare: number | null;
  /** Cohen's weighted kappa, linear weights; null with no pairs, or when chance agreement is total (Pe = 1). */
  weightedKappa: number | null;
  /** counts[i][j]: pairs the first grader gave GRADES[i] and the second GRADES[j]. */
  counts: number[][];
}

const K = GRADES.length;

/** The linear weight of a pair of grades: 1 for the same grade, 0 for outstanding against inadequate. */
export function linearWeight(a: Grade, b: Grade): number {
  return (K - 1 - Math.abs(gradeRank(a) - gradeRank(b))) / (K - 1);
}

export function agreement(pairs: readonly GradePair[]): Agreement {
  const counts = GRADES.map(() => GRADES.map(() => 0));
  for (const p of pairs) {
    const row = counts[gradeRank(p.first) - 1];
    if (row) row[gradeRank(p.second) - 1] = (row[gradeRank(p.second) - 1] ?? 0) + 1;
  }
  const n = pairs.length;
  const exact = GRADES.reduce((sum, _, i) => sum + (counts[i]?.[i] ?? 0), 0);
  if (n === 0) return { pairs: 0, exact: 0, exactShare: null, weightedKappa: null, counts };
  const rowShare = counts.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const colShare = GRADES.map((_, j) => counts.reduce((a, row) => a + (row[j] ?? 0), 0) / n);
  let observed = 0;
  let chance = 0;
  GRADES.forEach((gi, i) => {
    GRADES.forEach((gj, j) => {
      const w = linearWeight(gi, gj);
      observed += (w * (counts[i]?.[j] ?? 0)) / n;
      chance += w * (rowShare[i] ?? 0) * (colShare[j] ?? 0);
    });
  });
  const weightedKappa = chance >= 1 - 1e-12 ? null : (observed - chance) / (1 - chance);
  return { pairs: n, exact, exactShare: exact / n, weightedKappa, counts };
}
