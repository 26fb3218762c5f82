/**
 * LADO referrals: allegations against adults who work with children. Initial consideration and management
 * oversight are due within 1 working day (timescales.ts); most are met. Some referrals concern a child already known to
 * children's social care (one with a contact in the previous four months).
 */
import { ARRIVALS, LADO, rateOn } from './parameters';
import { Rng, WeightedTable } from './random';
import type { ChildModel, Day } from './model';
import type { Settings } from './journeys/context';

export interface LadoModel {
  id: number;
  child: ChildModel | null;
  referral: Day;
  initialConsideration: Day;
  oversight: Day | null;
  sector: string;
  outcome: string;
  closed: Day;
  strategyMeeting: boolean;
}

const SECTORS = WeightedTable.from({
  education: 42,
  'early-years': 10,
  health: 6,
  police: 3,
  'residential-care': 9,
  'foster-care': 11,
  faith: 4,
  sport: 6,
  other: 9,
});
const OUTCOMES = WeightedTable.from({
  substantiated: 22,
  unsubstantiated: 28,
  unfounded: 18,
  false: 4,
  malicious: 1,
  'no-further-action': 27,
});

export function ladoReferrals(
  s: Settings,
  stream: number,
  population: number,
  children: readonly ChildModel[],
): LadoModel[] {
  const rng = Rng.stream(s.seed, stream);
  // Contacts in the history window, by day, to find a known child for some referrals.
  const known: Array<[Day, ChildModel]> = [];
  for (const c of children)
    for (const contact of c.contacts)
      if (contact.day >= s.windowStart && contact.day <= s.asAt) known.push([contact.day, c]);
  known.sort((a, b) => a[0] - b[0] || a[1].index - b[1].index);
  const firstOnOrAfter = (day: Day) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((known[mid] as [Day, ChildModel])[0] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const perDay = (ARRIVALS.ladoPer10k * population) / 10_000 / 365.25;
  const out: LadoModel[] = [];
  for (let day = s.windowStart; day <= s.asAt; day++) {
    if (!s.calendar.isWorkingDay(day)) continue;
    const n = rng.poisson((perDay * 7) / 5);
    for (let i = 0; i < n; i++) {
      let child: ChildModel | null = null;
      if (rng.chance(0.3)) {
        const lo = firstOnOrAfter(day - 120);
        const hi = firstOnOrAfter(day + 1);
        if (hi > lo) child = (known[rng.int(lo, hi - 1)] as [Day, ChildModel])[1];
      }
      const initial = s.calendar.addWorkingDays(day, rng.chance(0.86) ? rng.int(0, 1) : rng.int(2, 5));
      const oversight = rng.chance(LADO.oversightRecorded)
        ? s.calendar.addWorkingDays(
            day,
            rng.chance(rateOn(LADO.oversightWithinOneDay, day)) ? rng.int(0, 1) : rng.int(2, 8),
          )
        : null;
      out.push({
        id: 0,
        child,
        referral: day,
        initialConsideration: initial,
        oversight,
        sector: SECTORS.draw(rng),
        outcome: OUTCOMES.draw(rng),
        closed: day + Math.max(3, Math.round(rng.logNormal(35, 0.9))),
        strategyMeeting: rng.chance(0.25),
      });
    }
  }
  return out;
}
