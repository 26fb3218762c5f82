/**
 * SSDA903 episodes rebuilt from a period of care: a new episode starts wherever the legal status or the placement
 * changes, so the episodes are the intervals of legal statuses × placements. RNE says what changed:
 * S the period starts; L legal status only; P placement and carer; T placement, same carer; U legal status and
 * placement, same carer; B legal status and placement and carer (the 903 validator's RNE codes; the T/U/B readings are
 * inferred from rules 217/434–436). "Same carer" means the same carer reference.
 *
 * The return is as at 31 March: nothing starting after the collection year is written, and an episode or period
 * ending after it is open (DEC and REC blank). An episode is in the year's file when it ends on or after 1 April
 * or is open. REASON_PLACE_CHANGE goes on the episode whose end is the end of its placement.
 *
 * HOME_POST and PL_POST are the full postcodes (decision 0027). A short break (LS V3 or V4) has no placement location:
 * its postcodes and URN are blank (rules 214 and 398).
 */

export interface PeriodIn {
  startDate: string;
  endDate: string | null;
  reasonCeased: string | null;
  categoryOfNeed: string;
  homePostcodeDistrict: string | null;
  /** The full home postcode (decision 0027); the district is written where only it is held (older imports). */
  homePostcode?: string | null;
  /** The RNE of the earliest episode held when the period began before it (see periodsOfCare.continuedFrom). */
  continuedFrom?: string | null;
}
export interface LegalStatusIn {
  legalStatus: string;
  startDate: string;
  endDate: string | null;
}
export interface PlacementIn {
  startDate: string;
  endDate: string | null;
  placementType: string;
  provider: string | null;
  carerRef: string | null;
  postcodeDistrict: string | null;
  /** The full placement postcode (decision 0027); the district is written where only it is held. */
  postcode?: string | null;
  urn: string | null;
  changeReason: string | null;
}

export interface EpisodeOut {
  DECOM: string;
  RNE: string;
  LS: string;
  CIN: string;
  PLACE: string;
  PLACE_PROVIDER: string | null;
  DEC: string | null;
  REC: string | null;
  REASON_PLACE_CHANGE: string | null;
  HOME_POST: string | null;
  PL_POST: string | null;
  URN: string | null;
}

/** Legal statuses of a series of short breaks, which carry no placement location. */
const SHORT_BREAKS = new Set(['V3', 'V4']);

/** The item of `list` in force on `day` (the latest to start on or before it). */
function inForce<T extends { startDate: string }>(list: readonly T[], day: string): T | undefined {
  let found: T | undefined;
  for (const x of list) if (x.startDate <= day && (!found || x.startDate >= found.startDate)) found = x;
  return found;
}

/**
 * The episodes of one period of care in the return for the year whose first and last days are given.
 * `urnFor` supplies the URN to write (e.g. the XXXXXXX placeholder where one is required but unknown).
 */
export function episodesOf(
  period: PeriodIn,
  legal: readonly LegalStatusIn[],
  placements: readonly PlacementIn[],
  year: { start: string; end: string },
  urnFor: (p: PlacementIn) => string | null = (p) => p.urn,
): EpisodeOut[] {
  if (period.startDate > year.end) return [];
  const periodEnd = period.endDate !== null && period.endDate <= year.end ? period.endDate : null;
  const limit = periodEnd ?? year.end;
  const starts = new Set<string>([period.startDate]);
  for (const x of [...legal, ...placements])
    if (x.startDate > period.startDate && x.startDate <= limit && (periodEnd === null || x.startDate < periodEnd))
      starts.add(x.startDate);
  const days = [...starts].sort();
  const out: EpisodeOut[] = [];
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as string;
    const next = days[i + 1];
    const dec = next ?? periodEnd;
    const ls = inForce(legal, day);
    const pl = inForce(placements, day);
    if (!ls || !pl) continue;
    // The period's first episode starts it (S), unless the period began before the records Lantern holds.
    let rne = period.continuedFrom ?? 'S';
    if (day !== period.startDate) {
      const lsChanged = legal.some((l) => l.startDate === day);
      const plChanged = placements.some((p) => p.startDate === day);
      if (plChanged) {
        const before = inForce(
          placements.filter((p) => p.startDate < day),
          day,
        );
        const sameCarer = before !== undefined && pl.carerRef !== null && pl.carerRef === before.carerRef;
        rne = sameCarer ? (lsChanged ? 'U' : 'T') : lsChanged ? 'B' : 'P';
      } else rne = 'L';
    }
    if (dec !== null && dec < year.start) continue;
    const placementEnds = dec !== null && pl.endDate === dec;
    const shortBreak = SHORT_BREAKS.has(ls.legalStatus);
    out.push({
      DECOM: day,
      RNE: rne,
      LS: ls.legalStatus,
      CIN: period.categoryOfNeed,
      PLACE: pl.placementType,
      PLACE_PROVIDER: pl.provider,
      DEC: dec,
      REC: dec === null ? null : next !== undefined ? 'X1' : period.reasonCeased,
      REASON_PLACE_CHANGE: placementEnds && next !== undefined ? pl.changeReason : null,
      HOME_POST: shortBreak ? null : (period.homePostcode ?? period.homePostcodeDistrict),
      PL_POST: shortBreak ? null : (pl.postcode ?? pl.postcodeDistrict),
      URN: shortBreak ? null : urnFor(pl),
    });
  }
  return out;
}
