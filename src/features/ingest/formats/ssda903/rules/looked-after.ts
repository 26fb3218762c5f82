/**
 * "Looked after continuously for 12 months at 31 March": the children the 903's OC2 is about. The DfE's validation
 * rules define it from the year's episodes (csc-validator-be-903 lac_validator/utils.py
 * `add_col_to_episodes_CONTINUOUSLY_LOOKED_AFTER`, after the DfE's CLA_SSDA903 validation rules): a child with an
 * episode in the year is continuously looked after unless one of the child's episodes
 * - starts a new period in the year (RNE S, DECOM after 1 April and by 31 March),
 * - ends care in the year (REC other than X1, DEC from 1 April to before 31 March: care ending on 31 March itself
 *   does not break it), or
 * - is a short break (LS V3 or V4) in the year.
 * Lantern's exporter writes OC2 for exactly these children, and the OC2 rules (oc2.ts) read the same test.
 */
import { validDate, type Ctx903 } from './context';

/** What the test reads of an episode: dates as ISO dates (an invalid date is read as blank, as the validator does). */
export interface EpisodeFacts {
  DECOM: string | null;
  DEC: string | null;
  RNE: string | null;
  REC: string | null;
  LS: string | null;
}

/** Whether a child with these episodes was looked after continuously for the collection year start…end. */
export function continuouslyLookedAfter(episodes: readonly EpisodeFacts[], start: string, end: string): boolean {
  let inYear = false;
  for (const e of episodes) {
    const decom = validDate(e.DECOM) ? e.DECOM : null;
    const dec = validDate(e.DEC) ? e.DEC : null;
    const during = decom !== null && decom <= end && (dec === null || dec >= start);
    if (during) inYear = true;
    if (e.RNE === 'S' && decom !== null && decom > start && decom <= end) return false;
    if (e.REC !== 'X1' && dec !== null && dec >= start && dec < end) return false;
    if (during && (e.LS === 'V3' || e.LS === 'V4')) return false;
  }
  return inYear;
}

const cache = new WeakMap<Ctx903, ReadonlySet<string>>();

/** The children of the return looked after continuously for 12 months at 31 March (computed once per return). */
export function continuouslyLookedAfterChildren(ctx: Ctx903): ReadonlySet<string> {
  const known = cache.get(ctx);
  if (known) return known;
  const out = new Set<string>();
  for (const [child, episodes] of ctx.episodesByChild)
    if (continuouslyLookedAfter(episodes, ctx.start, ctx.end)) out.add(child);
  cache.set(ctx, out);
  return out;
}
