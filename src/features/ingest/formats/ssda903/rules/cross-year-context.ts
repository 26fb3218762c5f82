/**
 * What the cross-year rules read: this year's 903 return, last year's, and each child's first episode this year,
 * last episode last year and last year's Header rows. Built once per import (cross-year.ts, dolo.ts).
 */
import type { Rule } from '../../../rules';
import type { Return903, Row } from '../tables';
import { validDate } from './context';
import type { Derived } from './location';

export interface CrossYearCtx {
  /** This year's collection year (2026 = 2025/26); last year's return is for year - 1. */
  year: number;
  ret: Return903;
  last: Return903;
  /** This year's first episode of each child: earliest valid DECOM, the first such row on a tie. */
  firstEpisode: Map<string, Row<'Episodes'>>;
  /** Last year's final episode of each child: latest valid DECOM, the first such row on a tie. */
  lastEpisode: Map<string, Row<'Episodes'>>;
  /** Last year's Header rows of each child. */
  lastHeader: Map<string, Array<Row<'Header'>>>;
  /**
   * The derived location fields (PL_LA, PL_LOCATION, PL_DISTANCE) of this year's and last year's episodes, or null
   * when no postcode lookup is loaded (location.ts).
   */
  derived: ReadonlyMap<Row<'Episodes'>, Derived> | null;
}

export type CrossYearRule = Rule<CrossYearCtx>;

export function buildCrossYearContext(
  ret: Return903,
  last: Return903,
  year: number,
  derived: ReadonlyMap<Row<'Episodes'>, Derived> | null = null,
): CrossYearCtx {
  const firstEpisode = new Map<string, Row<'Episodes'>>();
  for (const e of ret.Episodes) {
    if (e.CHILD === null || !validDate(e.DECOM)) continue;
    const seen = firstEpisode.get(e.CHILD);
    if (!seen || e.DECOM < (seen.DECOM as string)) firstEpisode.set(e.CHILD, e);
  }
  const lastEpisode = new Map<string, Row<'Episodes'>>();
  for (const e of last.Episodes) {
    if (e.CHILD === null || !validDate(e.DECOM)) continue;
    const seen = lastEpisode.get(e.CHILD);
    if (!seen || e.DECOM > (seen.DECOM as string)) lastEpisode.set(e.CHILD, e);
  }
  const lastHeader = new Map<string, Array<Row<'Header'>>>();
  for (const h of last.Header) {
    if (h.CHILD === null) continue;
    const list = lastHeader.get(h.CHILD);
    if (list) list.push(h);
    else lastHeader.set(h.CHILD, [h]);
  }
  return { year, ret, last, firstEpisode, lastEpisode, lastHeader, derived };
}
