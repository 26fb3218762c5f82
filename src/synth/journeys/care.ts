/**
 * A period of care: legal statuses, placements (type, provider, carer, place, distance), looked-after reviews,
 * permanence (adoption and special guardianship), visits, health and dental checks, SDQ, PEPs and missing
 * episodes with return home interviews.
 *
 * Routes in: care proceedings (interim care order C1), accommodation under section 20 (V2, mostly teenagers),
 * emergency police protection (L1, at most 72 hours, rule 361) and unaccompanied asylum-seeking children (V2).
 * Routes out: adoption (E11/E12), special guardianship (E45–E48), child arrangements order (E41), return home
 * (E4A/E4B/E13), the 18th birthday (E17 staying put, E5/E6 independent living, E7 adult care), and a few others.
 *
 * Timescales (timescales.ts): first review within 20 working days, the second within 3 months, then every 6 months; visits
 * within a week of a placement starting, six-weekly in the first year, then three-monthly; IHA within 20 working
 * days (many health bodies track 28 days); health reviews 6-monthly under 5 and yearly from 5; dental yearly; SDQ
 * yearly aged 4–16; PEP every term; return home interviews within 72 hours.
 */
import { postcodeIn, syntheticMiles } from '../postcodes';
import { demoUrn } from '../providers';
import { collectionYearOfDayNumber, supportedAccommodationCode } from '../../domain/code-lists';
import { addMonthsToDayNumber, civilFromDays, daysFromCivil } from '../../domain/working-days';
import { londonDateOf } from '../../features/ingest/formats/ssda903/london';
import { ADOPTION, CARE, CARE_LEAVERS, rateOn } from '../parameters';
import { WeightedTable } from '../random';
import type {
  CareProceedings,
  CinEpisode,
  ClaReview,
  Day,
  LegalStatus,
  Missing,
  PeriodOfCare,
  Permanence,
  Placement,
} from '../model';
import { addVisits, ageOn, everyDays, meetOrMiss, type Journey } from './context';
import { careProceedings } from './court';
import type { CareRoute, Step } from './steps';

type After = 'home' | 'home-supervision' | 'adopted' | 'sgo' | 'cao' | 'adult' | 'other';

/** The shape of a period before its placements are drawn. */
interface Timeline {
  legal: Array<{ code: string; start: Day }>;
  end: Day;
  rec: string;
  after: After;
  permanence: Permanence | null;
  placedForAdoption: Day | null;
  ffa: boolean;
  placementOrder: Day | null;
}

const FIRST_TYPES: ReadonlyArray<[number, WeightedTable<string>]> = [
  [1, WeightedTable.from({ U6: 52, U4: 8, U3: 22, R3: 6, P1: 4, U1: 3 })],
  [5, WeightedTable.from({ U6: 50, U4: 15, U3: 22, U1: 5, P1: 8 })],
  [11, WeightedTable.from({ U6: 42, U4: 25, U3: 14, U1: 8, P1: 5, K2: 6 })],
  [16, WeightedTable.from({ U6: 34, U4: 22, U3: 8, U1: 5, K2: 24, K1: 1, P1: 3, S1: 3 })],
  [99, WeightedTable.from({ U6: 25, U4: 15, U3: 5, U1: 3, K2: 17, SUP: 33, P1: 2 })],
];
const UASC_YOUNG = WeightedTable.from({ U6: 75, U4: 15, K2: 10 });
const UASC_OLDER = WeightedTable.from({ SUP: 70, U6: 25, K2: 5 });
const CHANGE_REASONS = WeightedTable.from({
  CARPL: 40,
  CREQB: 15,
  CREQO: 11,
  CHILD: 9,
  STAND: 3,
  ALLEG: 2,
  LAREQ: 8,
  CLOSE: 3,
  APPRR: 2,
  OTHER: 7,
});
const PROVIDERS: Record<string, WeightedTable<string>> = {
  foster: WeightedTable.from({ PR1: 60, PR4: 40 }),
  adoption: WeightedTable.from({ PR1: 55, PR2: 15, PR5: 30 }),
  K1: WeightedTable.from({ PR2: 50, PR4: 50 }),
  K2: WeightedTable.from({ PR4: 78, PR1: 12, PR5: 10 }),
  SUP: WeightedTable.from({ PR4: 70, PR5: 20, PR1: 10 }),
  R3: WeightedTable.from({ PR4: 70, PR5: 30 }),
  S1: WeightedTable.from({ PR4: 60, PR5: 40 }),
};
const RD = WeightedTable.from({ RD1: 30, RD2: 10, RD3: 40, RD4: 20 });

function firstType(j: Journey, age: number): string {
  if (j.child.uasc) return (age >= 16 ? UASC_OLDER : UASC_YOUNG).draw(j.rng);
  for (const [below, table] of FIRST_TYPES) if (age < below) return table.draw(j.rng);
  return (FIRST_TYPES[FIRST_TYPES.length - 1] as [number, WeightedTable<string>])[1].draw(j.rng);
}

function moveType(j: Journey, age: number, previous: string): string {
  const { rng } = j;
  // Settling into a long-term foster home with the same or a new carer.
  if ((previous === 'U6' || previous === 'U3') && age < 16 && rng.chance(0.4)) return previous === 'U3' ? 'U1' : 'U4';
  const t = firstType(j, age);
  return t === 'P1' && previous !== 'P1' && rng.chance(0.5) ? 'U6' : t;
}

export function periodOfCare(
  j: Journey,
  ep: CinEpisode,
  start: Day,
  route: CareRoute,
  court: CareProceedings | null,
): Step {
  const { rng, s } = j;
  const period: PeriodOfCare = {
    id: 0,
    start,
    end: start,
    reasonCeased: 'E8',
    categoryOfNeed: ep.need && ep.need !== 'N0' && ep.need !== 'N9' ? ep.need : 'N1',
    permanencePlan: null,
    permanencePlanDay: null,
    previousPermanence: 'Z1',
    previousPermanenceDay: null,
    legalStatuses: [],
    placements: [],
    reviews: [],
    permanence: null,
  };
  previousPermanence(j, period);
  ep.periods.push(period);
  j.iro.to('iro', start);
  if (route === 'uasc') j.sw.to('children-in-care', start);

  const tl: Timeline = {
    legal: [],
    end: j.b[18],
    rec: '',
    after: 'adult',
    permanence: null,
    placedForAdoption: null,
    ffa: false,
    placementOrder: null,
  };
  switch (route) {
    case 'uasc':
      tl.legal.push({ code: 'V2', start });
      if (rng.chance(0.03)) finish(tl, start + rng.int(20, 90), 'E15', 'other');
      break;
    case 'emergency': {
      tl.legal.push({ code: 'L1', start });
      const after = start + rng.int(1, 3);
      if (rng.chance(0.45)) {
        const c = careProceedings(j, ep, null, after);
        tl.legal.push({ code: 'C1', start: after });
        finalOrder(j, period, tl, c);
      } else {
        tl.legal.push({ code: 'V2', start: after });
        section20(j, ep, period, tl, after);
      }
      break;
    }
    case 's20':
      tl.legal.push({ code: 'V2', start });
      section20(j, ep, period, tl, start);
      break;
    case 'proceedings':
      tl.legal.push({ code: 'C1', start });
      if (court) finalOrder(j, period, tl, court);
      break;
    case 'care-order-at-home':
      tl.legal.push({ code: 'C2', start });
      longTerm(j, tl, start);
      break;
  }
  if (tl.end >= j.b[18]) finish(tl, j.b[18], '', 'adult');
  if (tl.end <= start) tl.end = start + 1;
  period.end = tl.end;
  period.permanence = tl.permanence;

  // Legal statuses: each runs to the next one's start, the last to the end of the period.
  const legal = tl.legal.filter((l) => l.start < tl.end);
  period.legalStatuses = legal.map((l, i): LegalStatus => ({
    id: 0,
    code: l.code,
    start: l.start,
    end: legal[i + 1]?.start ?? tl.end,
  }));

  placements(j, period, tl, route);
  if (tl.after === 'adult') tl.rec = reasonAt18(j, period);
  if (tl.rec === 'E45' || tl.rec === 'E46') tl.rec = sgoToFormerFosterCarers(period, tl.rec);
  period.reasonCeased = tl.rec;

  // Who holds the child: the children in care team from the first review, permanence once a placement order is made.
  if (!j.disabled && route !== 'uasc') {
    const transfer = s.calendar.addWorkingDays(start, 20);
    if (transfer < tl.end) j.sw.to('children-in-care', transfer);
  }
  if (tl.placementOrder !== null && tl.placementOrder < tl.end && !j.disabled) j.sw.to('permanence', tl.placementOrder);

  reviews(j, period);
  permanencePlan(j, period, tl);
  checks(j, period);
  j.iro.close(tl.end);

  switch (tl.after) {
    case 'home':
      return ageOn(j, tl.end) < 17 && rng.chance(0.6)
        ? { to: 'cin-plan', day: tl.end }
        : { to: 'close', day: tl.end + rng.int(0, 45), reason: 'RC7', kind: 'care' };
    case 'home-supervision':
      return { to: 'cin-plan', day: tl.end };
    case 'adopted':
      return { to: 'close', day: tl.end, reason: 'RC1', kind: 'care' };
    case 'sgo':
      return { to: 'close', day: tl.end, reason: 'RC4', kind: 'care' };
    case 'cao':
      return { to: 'close', day: tl.end, reason: 'RC3', kind: 'care' };
    case 'adult':
      return { to: 'close', day: j.b[18], reason: j.disabled && rng.chance(0.6) ? 'RC6' : 'RC7', kind: 'adult' };
    default:
      return { to: 'close', day: tl.end, reason: 'RC7', kind: 'care' };
  }
}

function finish(tl: Timeline, end: Day, rec: string, after: After): void {
  tl.end = end;
  tl.rec = rec;
  tl.after = after;
}

/** Accommodated under section 20: many teenagers stay until 18; others go home; some go to court. */
function section20(j: Journey, ep: CinEpisode, period: PeriodOfCare, tl: Timeline, from: Day): void {
  const { rng } = j;
  const age = ageOn(j, from);
  if (age < 16 && rng.chance(0.2)) {
    const issue = from + rng.int(30, 250);
    if (issue < j.b[18]) {
      const c = careProceedings(j, ep, null, issue);
      tl.legal.push({ code: 'C1', start: issue });
      finalOrder(j, period, tl, c);
      return;
    }
  }
  const stayChance = age >= 15 ? 0.7 : age >= 13 ? 0.5 : 0;
  if (rng.chance(stayChance)) {
    finish(tl, j.b[18], '', 'adult');
    return;
  }
  const days = Math.max(7, Math.round(rng.logNormal(age >= 13 ? 210 : 150, 0.8)));
  finish(tl, from + days, rng.weighted({ E4A: 58, E4B: 15, E13: 18, E8: 9 }), 'home');
}

/** The final hearing of care proceedings decides what follows. */
function finalOrder(j: Journey, period: PeriodOfCare, tl: Timeline, court: CareProceedings): void {
  const { rng } = j;
  const day = court.finalHearing;
  if (day >= j.b[18]) {
    finish(tl, j.b[18], '', 'adult');
    return;
  }
  const age = ageOn(j, day);
  const order =
    age < 5
      ? rng.weighted({ placement: 60, care: 12, sgo: 19, cao: 2, home: 7 })
      : age < 12
        ? rng.weighted({ care: 55, sgo: 25, cao: 5, home: 15 })
        : rng.weighted({ care: 70, sgo: 8, home: 22 });
  switch (order) {
    case 'placement':
      court.finalOrder = 'placement-order';
      tl.legal.push({ code: 'E1', start: day });
      {
        adoption(j, period, tl, day);
        return;
      }
    case 'care':
      court.finalOrder = 'care-order';
      tl.legal.push({ code: 'C2', start: day });
      {
        longTerm(j, tl, day);
        return;
      }
    case 'sgo':
      court.finalOrder = 'sgo';
      tl.permanence = milestone({ orderType: 'sgo', orderDay: day });
      {
        finish(tl, day, rng.weighted({ E45: 30, E46: 10, E47: 50, E48: 10 }), 'sgo');
        return;
      }
    case 'cao':
      court.finalOrder = 'child-arrangements-order';
      tl.permanence = milestone({ orderType: 'child-arrangements-order', orderDay: day });
      {
        finish(tl, day, 'E41', 'cao');
        return;
      }
    default:
      court.finalOrder = rng.chance(0.7) ? 'supervision-order' : 'no-order';
      {
        finish(tl, day, 'E4A', 'home-supervision');
        return;
      }
  }
}

/** Under a care order: most stay until 18; some later get a special guardianship order or go home. */
function longTerm(j: Journey, tl: Timeline, from: Day): void {
  const { rng } = j;
  const age = ageOn(j, from);
  const sgo = age < 14 ? from + Math.round(rng.exponential(365 / 0.07)) : Infinity;
  const home = from + Math.round(rng.exponential(365 / 0.03));
  if (Math.min(sgo, home) >= j.b[18]) {
    finish(tl, j.b[18], '', 'adult');
    return;
  }
  if (sgo < home) {
    // After a reversed decision to place for adoption, the same record goes on to the order: the decision and its
    // reversal stay in the 903's PlacedAdoption (rules 553, 557).
    tl.permanence = tl.permanence
      ? { ...tl.permanence, orderType: 'sgo', orderDay: sgo }
      : milestone({ orderType: 'sgo', orderDay: sgo });
    finish(tl, sgo, rng.weighted({ E45: 45, E46: 45, E48: 10 }), 'sgo');
    return;
  }
  finish(tl, home, 'E4A', 'home');
}

function milestone(fields: Partial<Permanence>): Permanence {
  return {
    id: 0,
    adm: null,
    placementOrder: null,
    matched: null,
    placed: null,
    ffa: null,
    reversed: null,
    reversedReason: null,
    orderType: null,
    orderDay: null,
    byFosterCarer: null,
    adopters: null,
    adopterSex: null,
    adopterLegalStatus: null,
    familyRef: null,
    ...fields,
  };
}

/** Placement order → match → placed for adoption → adoption order (or the decision reversed). */
function adoption(j: Journey, period: PeriodOfCare, tl: Timeline, order: Day): void {
  const { rng } = j;
  tl.placementOrder = order;
  const adm = Math.max(period.start + 7, order - rng.int(20, 120));
  tl.ffa = ageOn(j, period.start) < 1 && rng.chance(0.12);
  const p = milestone({ adm: Math.min(adm, order), placementOrder: order, ffa: tl.ffa ? period.start : null });
  tl.permanence = p;
  if (rng.chance(ADOPTION.reversed)) {
    p.reversed = order + rng.int(90, 400);
    p.reversedReason = RD.draw(rng);
    tl.legal.push({ code: 'C2', start: p.reversed });
    longTerm(j, tl, p.reversed);
    return;
  }
  p.matched = tl.ffa
    ? order + rng.int(0, 30)
    : order + Math.max(10, Math.round(rng.logNormal(ADOPTION.orderToMatchDays, 0.5)));
  p.placed = p.matched + Math.max(3, Math.round(rng.logNormal(ADOPTION.matchToPlacedDays, 0.5)));
  tl.placedForAdoption = p.placed;
  p.byFosterCarer = tl.ffa || rng.chance(ADOPTION.byFosterCarer);
  p.adopters = rng.chance(0.8) ? 2 : 1;
  p.adopterSex = p.adopters === 2 ? rng.weighted({ MF: 85, MM: 7, FF: 8 }) : rng.weighted({ F1: 80, M1: 20 });
  p.adopterLegalStatus =
    p.adopterSex === 'MF'
      ? rng.weighted({ L11: 70, L3: 30 })
      : p.adopters === 2
        ? rng.weighted({ L12: 50, L2: 30, L4: 20 })
        : 'L0';
  p.familyRef = `AF${rng.int(100000, 999999)}`;
  const adopted = p.placed + Math.max(70, Math.round(rng.logNormal(ADOPTION.placedToOrderDays, 0.35)));
  p.orderType = 'adoption';
  p.orderDay = adopted;
  finish(tl, adopted, rng.chance(0.75) ? 'E11' : 'E12', 'adopted');
}

/**
 * E45 and E46 are special guardianship orders to the child's former foster carers (relatives or friends, and others):
 * the child must have been fostered (U1–U6, rule 516) — with relatives (U1–U3) for E45, with others (U4–U6) for E46.
 * From any other placement the order is to other carers: E47 (relatives or friends) or E48.
 */
function sgoToFormerFosterCarers(period: PeriodOfCare, rec: 'E45' | 'E46'): string {
  const last = period.placements[period.placements.length - 1]?.type ?? '';
  if (/^U[1-3]$/.test(last)) return 'E45';
  if (/^U[4-6]$/.test(last)) return 'E46';
  return rec === 'E45' ? 'E47' : 'E48';
}

/** SSDA903 REC for a period ending on the 18th birthday. */
function reasonAt18(j: Journey, period: PeriodOfCare): string {
  const { rng } = j;
  const last = period.placements[period.placements.length - 1];
  const fostered = last !== undefined && last.type.startsWith('U');
  if (fostered && rng.chance(CARE_LEAVERS.stayingPut)) {
    j.stayingPutFrom = period.end;
    return 'E17';
  }
  if (j.disabled) return rng.weighted({ E7: 60, E5: 30, E13: 10 });
  if (j.child.uasc) return rng.weighted({ E5: 80, E6: 10, E8: 10 });
  return fostered
    ? rng.weighted({ E5: 45, E13: 25, E6: 10, E4A: 10, E8: 10 })
    : rng.weighted({ E5: 65, E6: 12, E13: 13, E8: 10 });
}

function previousPermanence(j: Journey, period: PeriodOfCare): void {
  for (const ep of j.child.episodes) {
    for (const p of ep.periods) {
      // An order made before this period began (DATE_PERM is before the start: rule 632).
      if (p === period || !p.permanence?.orderDay || p.permanence.orderDay >= period.start) continue;
      const t = p.permanence.orderType;
      period.previousPermanence = t === 'adoption' ? 'P1' : t === 'sgo' ? 'P2' : 'P3';
      period.previousPermanenceDay = p.permanence.orderDay;
    }
  }
}

/** Draws the placements of a period and where they are. */
function placements(j: Journey, period: PeriodOfCare, tl: Timeline, route: CareRoute): void {
  const { rng } = j;
  const { start, end } = period;
  const moves: number[] = [];
  if (rng.chance(route === 'uasc' ? 0.2 : CARE.earlyMove)) moves.push(start + rng.int(3, 180));
  let m = moves[0] ?? start;
  const unstable = rng.chance(CARE.unstable);
  for (;;) {
    const hazard = unstable ? CARE.unstableYearlyMove : ageOn(j, m) >= 11 ? CARE.adolescentYearlyMove : CARE.yearlyMove;
    m += Math.max(14, Math.round(rng.exponential(365 / hazard)));
    if (m >= end) break;
    moves.push(m);
  }
  // Many 16–17-year-olds move to supported accommodation.
  if (start < j.b[16] && end > j.b[16] && !tl.placedForAdoption && rng.chance(0.3))
    moves.push(j.b[16] + rng.int(0, 300));
  const placed = tl.placedForAdoption;
  let cut = moves.filter((d) => d > start && d < end && (placed === null || d < placed));
  if (placed !== null && placed > start && placed < end) cut.push(placed);
  cut = [...new Set(cut)].sort((a, b) => a - b);

  const starts = [start, ...cut];
  let previous: Placement | null = null;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i] as Day;
    const to = starts[i + 1] ?? end;
    const age = ageOn(j, from);
    let type: string;
    let carer = `CR${rng.int(100000, 999999)}`;
    if (placed !== null && from === placed) {
      type = tl.permanence?.byFosterCarer ? 'A5' : 'A6';
      if (tl.permanence?.byFosterCarer && previous) carer = previous.carerRef;
    } else if (i === 0) {
      type = tl.ffa ? 'U5' : route === 'care-order-at-home' && rng.chance(0.6) ? 'P1' : firstType(j, age);
    } else if (from >= j.b[16] && rng.chance(0.5) && previous?.type !== 'SUP') {
      type = 'SUP';
    } else {
      type = moveType(j, age, previous?.type ?? 'U6');
    }
    // Placed with parents (P1) is not a placement while accommodated under section 20 (V2, rule 378): foster care.
    if (type === 'P1' && period.legalStatuses.some((l) => l.code === 'V2' && l.start < to && l.end > from)) type = 'U6';
    if (previous)
      previous.changeReason =
        type === 'A5' || type === 'A6' || type === 'SUP' || i === 1
          ? rng.chance(0.6)
            ? 'CARPL'
            : CHANGE_REASONS.draw(rng)
          : CHANGE_REASONS.draw(rng);
    const placement = place(j, from, to, type, carer);
    period.placements.push(placement);
    previous = placement;
  }
  splitSupportedAccommodation(period);
}

/** Where a placement is, who provides it, and how far from home. */
function place(j: Journey, start: Day, end: Day, type: string, carerRef: string): Placement {
  const { rng, s } = j;
  const group = type === 'U4' || type === 'U6' ? 'foster' : type.startsWith('A') ? 'adoption' : type;
  const provider =
    type === 'P1' ? 'PR0' : type.startsWith('U') && group !== 'foster' ? 'PR1' : (PROVIDERS[group]?.draw(rng) ?? 'PR4');
  const inAreaChance =
    type === 'P1'
      ? 0.85
      : type === 'U1' || type === 'U2' || type === 'U3'
        ? 0.55
        : group === 'foster'
          ? provider === 'PR1'
            ? 0.62
            : 0.3
          : type === 'K1'
            ? 0
            : type === 'K2' || type.startsWith('A') || type === 'R3' || type === 'S1'
              ? 0.18
              : type === 'SUP'
                ? 0.35
                : 0.4;
  // The authority's own provision (PR1) of a home or other setting is in its own area (rule 1015); its foster carers
  // and adopters (U1–U6, A3–A6) may live anywhere.
  const ownSetting = provider === 'PR1' && !/^(U[1-6]|A[3-6])$/.test(type);
  // Another authority's setting with an Ofsted URN is outside the authority (rule 229 compares the two): moved to
  // the nearest place away without a draw, so that the draws stay as they were.
  const othersSetting = provider === 'PR2' && URN_SETTINGS.has(type);
  const drawnInArea = rng.chance(inAreaChance) || ownSetting;
  const inArea = drawnInArea && !othersSetting;
  let district: string;
  let la: string;
  if (drawnInArea) {
    const locality = rng.chance(0.5) ? (s.localities[j.child.locality] as readonly string[]) : rng.pick(s.localities);
    district = rng.pick(locality);
    la = s.authorityName;
    rng.real(0.3, 5.5); // was the distance, before it came from the postcodes: kept so the draws stay as they were
    if (!inArea) {
      const nearest = s.placesAway.reduce((a, b) => (b.miles[0] < a.miles[0] ? b : a));
      district = nearest.districts[(j.child.index + start) % nearest.districts.length] as string;
      la = nearest.la;
    }
  } else {
    const residential = type === 'K1' || type === 'K2' || type === 'S1';
    const band = rng.next();
    const pool = s.placesAway;
    const near = pool.filter((p) => p.miles[1] <= 15);
    const middle = pool.filter((p) => p.miles[0] >= 10 && p.miles[1] <= 45);
    const far = pool.filter((p) => p.miles[0] >= 35);
    const where =
      band < (residential ? 0.35 : 0.62)
        ? rng.pick(near)
        : band < (residential ? 0.65 : 0.9)
          ? rng.pick(middle)
          : rng.pick(far);
    district = rng.pick(where.districts);
    la = where.la;
    rng.real(where.miles[0], where.miles[1]); // as above
  }
  // A synthetic postcode (src/synth/postcodes.ts), chosen without a draw; only a child placed with parents (P1) may
  // be placed at the home postcode (rule 392d).
  const home = j.child.postcode;
  const postcode = postcodeIn(district, j.child.index * 31 + start, type === 'P1' ? null : home);
  const distance = syntheticMiles(home, postcode);
  // The draw once made for a URN, kept so that the draws stay as they were: the URN is now the setting's own.
  if (type === 'K1' || type === 'K2' || type === 'S1') rng.int(100000, 999999);
  return {
    id: 0,
    start,
    end,
    type,
    provider,
    carerRef: type.startsWith('U') && Number(type[1]) <= 3 ? carerRef.replace('CR', 'KC') : carerRef,
    postcode,
    // The setting's synthetic URN (src/synth/providers.ts); supported accommodation's only from its registration
    // (splitSupportedAccommodation). No URN where none is known (the 903 export writes its XXXXXXX placeholder where
    // a year needs one).
    urn: URN_SETTINGS.has(type) ? demoUrn(postcode, type, provider) : null,
    // SSDA903 leaves the distance blank for unaccompanied children (rule 406).
    distance: j.child.uasc ? null : distance,
    inArea,
    la,
    changeReason: null,
  };
}

/**
 * Supported accommodation is H5 until collection year 2024 and K3 from 2025 (the 903 validator's code lists). A placement
 * that spans 1 April 2024 changes code then, with reason PLACE (change in the status of the placement only).
 */
function splitSupportedAccommodation(period: PeriodOfCare): void {
  const out: Placement[] = [];
  for (const whole of period.placements) {
    if (whole.type !== 'SUP') {
      out.push(whole);
      continue;
    }
    // Supported accommodation registered with Ofsted from 28 October 2023 and needs its URN on any placement after
    // then (rule 230): one that spans the day changes then, with reason PLACE, and has its URN from that day.
    const parts =
      whole.start < REGISTERED_FROM && whole.end > REGISTERED_FROM
        ? [
            { ...whole, urn: null, end: REGISTERED_FROM, changeReason: 'PLACE' },
            { ...whole, start: REGISTERED_FROM },
          ]
        : [whole.start < REGISTERED_FROM ? { ...whole, urn: null } : whole];
    for (const p of parts) splitAtK3(p, out);
  }
  period.placements = out;
}

/** Supported accommodation as H5 or K3 by collection year, split where it spans 1 April 2024. */
function splitAtK3(p: Placement, out: Placement[]): void {
  const startCode = supportedAccommodationCode(collectionYearOfDayNumber(p.start));
  const endCode = supportedAccommodationCode(collectionYearOfDayNumber(p.end - 1));
  if (startCode === endCode) {
    out.push({ ...p, type: startCode });
    return;
  }
  out.push({ ...p, type: 'H5', end: K3_FROM, changeReason: 'PLACE' });
  out.push({ ...p, type: 'K3', start: K3_FROM });
}
const K3_FROM = Date.UTC(2024, 3, 1) / 86_400_000;
/** The day supported accommodation had to be registered with Ofsted: 28 October 2023. */
const REGISTERED_FROM = Date.UTC(2023, 9, 28) / 86_400_000;
/** The settings the demo gives an Ofsted URN (supported accommodation only once registered). */
const URN_SETTINGS = new Set(['K1', 'K2', 'S1', 'SUP']);

function reviews(j: Journey, period: PeriodOfCare): void {
  const { act, s } = j;
  const { start, end } = period;
  let due = s.calendar.addWorkingDays(start, 20);
  let previous = start;
  const out: ClaReview[] = [];
  while (due <= end + 10) {
    const day = meetOrMiss(j, act, due, CARE.reviewOnTime, 8, 20, previous + 5);
    if (day > end) break;
    const age = ageOn(j, day);
    out.push({
      id: 0,
      due,
      day,
      participation: age < 4 ? 'PN0' : act.weighted({ PN1: 40, PN2: 10, PN3: 10, PN4: 15, PN5: 10, PN6: 10, PN7: 5 }),
    });
    due = addMonthsToDayNumber(day, out.length === 1 ? 3 : 6);
    previous = day;
  }
  period.reviews = out;
}

/** The permanence plan, recorded by the second review (timescales.ts). */
function permanencePlan(j: Journey, period: PeriodOfCare, tl: Timeline): void {
  const at = period.reviews[1] ?? period.reviews[0];
  if (!at) return;
  const age = ageOn(j, at.day);
  const last = period.placements.find((p) => p.start <= at.day && p.end >= at.day) ?? period.placements[0];
  period.permanencePlanDay = at.day;
  period.permanencePlan = j.rng.chance(0.03)
    ? 'other'
    : tl.placementOrder !== null
      ? 'adoption'
      : tl.after === 'sgo' || tl.after === 'cao'
        ? 'sgo-cao'
        : tl.after === 'home' || tl.after === 'home-supervision'
          ? 'return-to-family'
          : age >= 16 && (last?.type === 'H5' || last?.type === 'K3')
            ? 'supported-living'
            : last?.type === 'K2'
              ? 'long-term-residential'
              : 'long-term-fostering';
}

/** Visits, health and dental checks, SDQ, PEPs and missing episodes over the period, inside the history window. */
function checks(j: Journey, period: PeriodOfCare): void {
  const { act, s, child } = j;
  const { start, end } = period;
  const last = Math.min(end, s.asAt);
  if (last < s.windowStart) return;
  const W = s.windowStart;

  for (const p of period.placements) {
    const firstVisit = s.calendar.addWorkingDays(
      p.start,
      act.chance(CARE.visitOnTime) ? act.int(0, 5) : act.int(6, 15),
    );
    const sixWeekly = everyDays(j, 42, CARE.visitOnTime, 10);
    const quarterly = everyDays(j, 90, CARE.visitOnTime, 15);
    addVisits(
      j,
      'cla',
      firstVisit,
      p.end,
      (day) => (day - start < 365 || day - p.start < 365 ? sixWeekly(day) : quarterly(day)),
      0.97,
      CARE.visitSeenAlone,
    );
  }

  // Initial health assessment (if the period lasts long enough) and reviews: 6-monthly under 5, yearly from 5.
  let health: Day | null = null;
  if (end - start >= 20) {
    const u = act.next();
    const x = u < 0.62 ? act.int(7, 24) : u < CARE.ihaWithin28Days ? act.int(25, 28) : act.int(29, 75);
    if (start + x <= end) {
      health = start + x;
      if (health >= W && health <= last && health >= child.dob)
        child.healthAssessments.push({ kind: 'initial', day: health });
    }
  }
  for (let d = health; d !== null;) {
    const interval = ageOn(j, d) < 5 ? 182 : 365;
    d = act.chance(CARE.healthOnTime) ? d + interval - act.int(0, 30) : d + interval + act.int(1, 90);
    if (d > last) break;
    if (d >= W) child.healthAssessments.push({ kind: 'review', day: d });
  }
  // Dental checks yearly from age 1.
  for (
    let d = start + act.int(30, 150);
    d <= last;
    d += act.chance(CARE.dentalOnTime) ? act.int(300, 365) : act.int(366, 500)
  ) {
    if (d >= W && ageOn(j, d) >= 1) child.dentalChecks.push(d);
  }
  // SDQ yearly aged 4–16.
  for (let d = start + act.int(60, 300); d <= last; d += act.int(330, 420)) {
    const age = ageOn(j, d);
    if (d >= W && age >= 4 && age <= 16) {
      const scored = act.chance(0.82);
      child.sdq.push({
        day: d,
        score: scored ? Math.max(0, Math.min(40, Math.round(14 + 6.5 * act.normal()))) : null,
        reason: scored ? null : act.weighted({ SDQ2: 30, SDQ3: 25, SDQ4: 25, SDQ5: 20 }),
      });
    }
  }
  annualOutcomes(j, period);
  // PEP each term for children of school age (3–17): the first within 20 working days.
  for (
    let d = s.calendar.addWorkingDays(start, act.int(5, 20));
    d <= last;
    d += act.chance(CARE.pepOnTime) ? act.int(95, 121) : act.int(122, 200)
  ) {
    const age = ageOn(j, d);
    if (d >= W && age >= 3 && age < 18) child.peps.push(d);
  }
  // Missing and away episodes, for some children aged 11 and over.
  if (ageOn(j, last) >= 11 && act.chance(CARE.missingChild * (ageOn(j, last) >= 14 ? 1.4 : 0.8))) {
    const from = Math.max(start, j.b[11]);
    // A child goes missing again only after coming back: the next episode starts the day after the last one
    // ended at the earliest (the 903 rules 567 and 574 forbid overlapping periods, and the return carries dates).
    let returnedDay = -Infinity;
    const ends = episodeEnds(j, period);
    for (
      let d = from + Math.round(act.exponential(CARE.missingMeanGapDays));
      d <= last;
      d += 1 + Math.round(act.exponential(CARE.missingMeanGapDays))
    ) {
      if (d <= returnedDay) d = returnedDay + 1;
      if (d > last) break;
      const episode = missingEpisode(j, d, last);
      const kept = withinEpisode(episode, ends);
      returnedDay = Math.floor(episode.endMinute / 1440);
      if (d >= W && kept) child.missing.push(episode);
    }
  }
}

/**
 * Each 31 March on which the child had been looked after since the 1 April before (the SSDA903 OC2 cohort; a period
 * ending on 31 March itself is included, as the DfE's validator counts it): the OC2 flags, each asked at the ages the
 * 903 asks it (rules 542/543 convictions from 10, 545/546 health surveillance under 5, 158/159/192/193 the substance
 * misuse interventions), and an SDQ in the year where the 903 wants one (rules 186 and 197B: 4th birthday by 31 March,
 * 17th not before 1 April) and the yearly SDQs above missed the year. That SDQ is scored at ages 4–16 (or has a
 * reason other than age, rule 157); outside those ages its reason is SDQ1 (too young or too old).
 */
function annualOutcomes(j: Journey, period: PeriodOfCare): void {
  const { s, child, b } = j;
  const rng = j.outcomes;
  const [firstYear] = civilFromDays(period.start);
  for (let y = firstYear + 1; ; y++) {
    const march31 = daysFromCivil(y, 3, 31);
    const april1 = daysFromCivil(y - 1, 4, 1);
    if (march31 > s.asAt || march31 > period.end) break;
    if (period.start > april1 || april1 < s.windowStart) continue;
    const ten = b[10] <= march31;
    const misuse = ten && rng.chance(CARE.substanceMisuse);
    const received = misuse ? rng.chance(CARE.misuseInterventionReceived) : null;
    child.oc2.push({
      day: march31,
      convicted: ten ? rng.chance(CARE.convicted) : null,
      healthCheck: b[5] > march31 ? rng.chance(CARE.healthSurveillanceUpToDate) : null,
      immunisations: rng.chance(CARE.immunisationsUpToDate),
      substanceMisuse: misuse,
      interventionReceived: received,
      interventionOffered: received === false ? rng.chance(0.5) : null,
    });
    if (b[4] > march31 || b[17] < april1 || child.sdq.some((x) => x.day >= april1 && x.day <= march31)) continue;
    const day = rng.int(april1, march31);
    const scored = day >= b[4] && day < b[17];
    const score = scored && rng.chance(0.82) ? Math.max(0, Math.min(40, Math.round(14 + 6.5 * rng.normal()))) : null;
    child.sdq.push({
      day,
      score,
      reason: !scored ? 'SDQ1' : score === null ? rng.weighted({ SDQ2: 30, SDQ3: 25, SDQ4: 25, SDQ5: 20 }) : null,
    });
    child.sdq.sort((a, c) => a.day - c.day);
  }
}

/**
 * The days a missing period may last to, as the SSDA903 sees them: the ends of the period's episodes (each change of
 * legal status or placement, and the period's end), in London dates. A missing period ends by the end of the episode
 * it started in (rules 575, 577, 578); one that would still be running when the child leaves care on their 18th
 * birthday ends the day before, unless the period ends E8 (rule 580: missing at 18 is E8).
 */
function episodeEnds(j: Journey, period: PeriodOfCare): Day[] {
  const ends = new Set<Day>([period.end]);
  for (const x of [...period.legalStatuses, ...period.placements]) if (x.start > period.start) ends.add(x.start);
  if (period.end === j.b[18] && period.reasonCeased !== 'E8') {
    ends.delete(period.end);
    ends.add(period.end - 1);
  }
  return [...ends].sort((a, b) => a - b);
}

/** The London date of a minute (UTC minutes since 1970), as a day number. */
function londonDay(minute: number): Day {
  return Date.parse(`${londonDateOf(new Date(minute * 60_000))}T00:00:00Z`) / 86_400_000;
}

/**
 * Cuts a missing period to the end of the SSDA903 episode it starts in (noon UTC that day, the same London date);
 * false when it cannot fit (it starts after the last end, or after noon on it).
 */
function withinEpisode(episode: Missing, ends: readonly Day[]): boolean {
  const start = londonDay(episode.startMinute);
  const limit = ends.find((e) => e >= start);
  if (limit === undefined) return false;
  if (londonDay(episode.endMinute) <= limit) return true;
  const noon = limit * 1440 + 720;
  if (noon < episode.startMinute) return false;
  episode.endMinute = noon;
  if (episode.rhiCompletedMinute !== null && episode.rhiCompletedMinute < noon) episode.rhiCompletedMinute = null;
  return true;
}

function missingEpisode(j: Journey, day: Day, last: Day): Missing {
  const { act, s } = j;
  const kind = act.chance(0.8) ? 'M' : 'A';
  const startMinute = day * 1440 + act.int(13 * 60, 23 * 60 + 59);
  const hours = Math.min(14 * 24, Math.max(1, act.logNormal(kind === 'M' ? 14 : 6, 1)));
  const endMinute = startMinute + Math.round(hours * 60);
  const returned = Math.floor(endMinute / 1440);
  const offered = act.chance(kind === 'M' ? rateOn(CARE.rhiOffered, returned) : 0.5) ? returned + act.int(0, 1) : null;
  const accepted = offered !== null && act.chance(rateOn(CARE.rhiAccepted, returned)) ? offered + act.int(0, 1) : null;
  const completed =
    accepted !== null
      ? endMinute +
        60 * (act.chance(rateOn(CARE.rhiWithin72h, returned)) ? act.int(6, 71) : act.int(73, 240)) +
        act.int(0, 59)
      : null;
  const lastMinute = (Math.min(last, s.asAt) + 1) * 1440 - 1;
  return {
    id: 0,
    kind,
    startMinute,
    endMinute,
    rhiOffered: offered,
    rhiAccepted: accepted,
    rhiCompletedMinute: completed !== null && completed <= lastMinute ? completed : null,
  };
}
