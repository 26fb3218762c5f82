/**
 * Small-number suppression for anything members or the public may see. DfE's convention: counts from 1 to 4
 * are shown as "c" (confidential); zero is shown as it is. Source: DfE statistics suppression symbols
 * (explore-education-statistics "c = confidential data"). Lantern suppresses every count below 5 that members or the
 * public may see.
 */
export const SUPPRESSION_THRESHOLD = 5;

export type Suppressed = number | 'c';

export function suppress(count: number): Suppressed {
  return count > 0 && count < SUPPRESSION_THRESHOLD ? 'c' : count;
}
