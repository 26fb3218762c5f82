/**
 * Leaving care (Children (Leaving Care) Act 2000 categories, as the SSD records them):
 * - eligible: aged 16–17 and looked after, having been looked after for 13 weeks since the age of 14;
 * - relevant: aged 16–17, eligible, but no longer looked after;
 * - former relevant: aged 18–21 (to 25 if in education or asking for support) after being eligible or relevant;
 * - qualifying: looked after on or after 16 without the 13 weeks; advice and assistance to 21.
 * A personal adviser is linked by 17½ (timescales.ts) most of the time; pathway plans are reviewed every 6 months; the PA
 * keeps in touch about every 8 weeks, recording accommodation and activity (SSDA903 OC3 items).
 */
import { CARE_LEAVERS, rateOn } from '../parameters';
import { WeightedTable } from '../random';
import type { CareLeaverStatus, Day, PeriodOfCare } from '../model';
import type { Journey } from './context';

const IN_TOUCH = WeightedTable.from(CARE_LEAVERS.inTouch);
const ACCOMMODATION = WeightedTable.from({
  D: 30,
  U: 22,
  B: 14,
  E: 8,
  T: 6,
  C: 2,
  K: 3,
  S: 2,
  X: 2,
  W: 1,
  V: 1,
  Y: 5,
  R: 2,
  G: 1,
  H: 1,
});
const ACTIVITY_18_20 = WeightedTable.from({
  F2: 26,
  P2: 5,
  F1: 6,
  P1: 1,
  F4: 4,
  P4: 1,
  F5: 11,
  P5: 6,
  G4: 6,
  G5: 28,
  G6: 5,
});
const ACTIVITY_21_PLUS = WeightedTable.from({
  F1: 14,
  P1: 2,
  F2: 8,
  P2: 3,
  F4: 4,
  P4: 1,
  F5: 20,
  P5: 8,
  G4: 7,
  G5: 26,
  G6: 6,
});

export function careLeaverJourney(j: Journey): void {
  const { child, rng, act, s } = j;
  const periods: PeriodOfCare[] = child.episodes.flatMap((e) => e.periods).sort((a, b) => a.start - b.start);
  if (periods.length === 0) return;
  const { 14: b14, 16: b16, 18: b18, 21: b21, 25: b25 } = j.b;

  let cumulative = 0;
  let eligibleFrom: Day | null = null;
  let lastCare: PeriodOfCare | null = null;
  for (const p of periods) {
    const from = Math.max(p.start, b14);
    const to = Math.min(p.end, b18);
    if (to <= from) continue;
    if (eligibleFrom === null) {
      const candidate = Math.max(from + Math.max(0, 91 - cumulative), b16);
      if (candidate < to) eligibleFrom = candidate;
    }
    cumulative += to - from;
    if (p.end > b16 && p.start < b18) lastCare = p;
  }
  if (!lastCare || lastCare.reasonCeased === 'E11' || lastCare.reasonCeased === 'E12') return;
  const careEnd = Math.min(lastCare.end, b18);
  if (lastCare.reasonCeased === 'E15') return; // assessed as an adult: never a care leaver
  // Most who go home to their family at 16–17 and settle there (6 months or more) stop being relevant children.
  const wentHome = careEnd < b18 && ['E4A', 'E4B', 'E13'].includes(lastCare.reasonCeased);
  if (wentHome && rng.chance(0.85)) return;

  // Support runs to 21; some keep it to 25 (education, or asking for it). Some stop needing it earlier, and many
  // unaccompanied young people move to another area (dispersal) after 18.
  const continues = rng.chance(CARE_LEAVERS.continueAfter21);
  const early = rng.chance(child.uasc ? 0.6 : 0.42);
  const supportEnd = continues ? Math.min(b25, b21 + rng.int(30, 4 * 365)) : early ? b18 + rng.int(30, 700) : b21;
  const statuses: CareLeaverStatus[] = [];
  const status = (eligibility: CareLeaverStatus['eligibility'], start: Day, end: Day) => {
    if (end > start)
      statuses.push({ id: 0, eligibility, start, end, paLinked: null, stayingPut: false, stayingPutStart: null });
  };
  let paLinked: Day | null = null;
  if (eligibleFrom !== null) {
    // Eligible only while looked after: out of care between two periods before 18, the young person is relevant
    // (Children (Leaving Care) Act 2000); an eligible record after leaving care is an error the care leaver figures
    // and the 903's OC3 would have to work around.
    let at = eligibleFrom;
    for (const p of periods) {
      if (p.end <= at || p.start >= careEnd) continue;
      if (p.start > at) status('relevant', at, p.start);
      status('eligible', Math.max(at, p.start), Math.min(p.end, careEnd));
      at = Math.min(p.end, careEnd);
    }
    if (careEnd < b18) status('relevant', careEnd, b18);
    status('former-relevant', b18, supportEnd);
    paLinked = rng.chance(CARE_LEAVERS.paBy17AndHalf)
      ? Math.max(eligibleFrom, j.b[17] + rng.int(0, 180))
      : Math.max(eligibleFrom, j.b[17.5] + rng.int(1, 300));
  } else {
    status('qualifying', careEnd, b21);
    paLinked = rng.chance(0.5) ? careEnd + rng.int(0, 60) : null;
  }
  const last = statuses[statuses.length - 1];
  if (!last) return;
  const end = last.end;
  if (paLinked !== null && paLinked >= end) paLinked = null;

  // Staying put with former foster carers after 18.
  const stayingPutEnd = j.stayingPutFrom !== null ? Math.min(b21, j.stayingPutFrom + rng.int(180, 3 * 365)) : null;
  for (const st of statuses) {
    if (paLinked !== null && paLinked <= st.end) st.paLinked = paLinked;
    if (st.eligibility === 'former-relevant' && j.stayingPutFrom !== null) {
      st.stayingPut = true;
      st.stayingPutStart = j.stayingPutFrom;
    }
  }
  child.careLeaver.push(...statuses);

  // Allocation to the leaving care service: from the PA's linking, or (waiting for one) from leaving care.
  const leave = careEnd;
  if (paLinked === null) {
    j.pa.to('care-leavers', leave, { unassigned: true });
  } else if (paLinked > leave) {
    j.pa.to('care-leavers', leave, { unassigned: true });
    j.pa.to('care-leavers', paLinked, { reason: 'OTHERS' });
  } else {
    j.pa.to('care-leavers', paLinked);
  }
  j.pa.close(end);

  const W = s.windowStart;
  const A = s.asAt;
  // Pathway plan from eligibility, reviewed every 6 months.
  if (eligibleFrom !== null) {
    for (
      let d = eligibleFrom + act.int(10, 40);
      d <= Math.min(end, A);
      d += act.chance(rateOn(CARE_LEAVERS.pathwayOnTime, d)) ? act.int(140, 182) : act.int(183, 380)
    ) {
      if (d >= W) child.pathwayReviews.push(d);
    }
  }
  // (Activity 0, not known, is never drawn: a young person the authority is in touch with has a known activity, rule 345.)
  // Keeping in touch about every 8 weeks once the young person has left care, the first contact within 4 weeks of
  // leaving (so that most 18th birthdays have a record in the 903 OC3 window, which ends a month after it).
  let accommodation = ACCOMMODATION.draw(act);
  let activity = '0';
  let nextChange = leave;
  for (
    let d = leave + act.int(0, 27);
    d <= Math.min(end, A);
    d += act.chance(CARE_LEAVERS.contactOnTime) ? act.int(40, 56) : act.int(57, 110)
  ) {
    if (d >= nextChange) {
      accommodation = ACCOMMODATION.draw(act);
      activity = (d >= b21 ? ACTIVITY_21_PLUS : ACTIVITY_18_20).draw(act);
      nextChange = d + act.int(120, 400);
    }
    if (d < W) continue;
    const inTouch = IN_TOUCH.draw(act);
    // A foyer (T) only for a young person 18 by the 1 April before: never in the 903 OC3 window of the 18th birthday,
    // which ends a month after it (rule 347); supported lodgings (Y) instead.
    const allowed = accommodation === 'T' && d <= b18 + 31 ? 'Y' : accommodation;
    const here = stayingPutEnd !== null && d < stayingPutEnd ? 'Z' : allowed;
    const known = inTouch === 'YES';
    child.careLeaverContacts.push({
      day: d,
      inTouch,
      accommodation: known ? here : null,
      suitable: known
        ? here === 'S' || here === 'X'
          ? false
          : here === 'W' || here === 'R'
            ? act.chance(0.2)
            : act.chance(0.93)
        : null,
      activity: known ? activity : '0',
    });
    if (known && act.chance(0.5)) child.visits.push({ kind: 'care-leaver', day: d, seen: true, alone: true });
  }

  if (child.sex === 'F' && act.chance(CARE_LEAVERS.mother)) {
    const born = b18 + act.int(-200, 3 * 365);
    if (born <= A) child.motherOf = born;
  }
}
