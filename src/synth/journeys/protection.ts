/**
 * Child protection and child in need planning: strategy discussions, S47 enquiries, initial child protection
 * conferences, CP plans with their review conferences and visits, and CIN plans with visits.
 *
 * Timescales (timescales.ts): ICPC within 15 working days of the strategy discussion that started the S47 (its
 * target date, as the SSD defines InitialCPCtarget); first CP review within 3 months of the ICPC, then every
 * 6 months; CP visits every 10 working days. Plans end at a review conference (as they do in practice), so plan
 * lengths cluster at about 3, 9, 15 and 21 months, and a few run past two years.
 */
import { addMonthsToDayNumber } from '../../domain/working-days';
import { CARE, CIN_PLAN, PROTECTION } from '../parameters';
import { WeightedTable } from '../random';
import type { CinEpisode, CpPlan, CpReview, Day, S47, StrategyDiscussion } from '../model';
import { addVisits, ageOn, everyWorkingDays, meetOrMiss, scaled, type Journey } from './context';
import { careProceedings, preProceedings } from './court';
import { afterProceedingsAtHome, type Step } from './steps';

const CATEGORIES = WeightedTable.from(PROTECTION.categories);
const S47_OUTCOMES = WeightedTable.from(PROTECTION.s47Outcomes);

function holdingArea(j: Journey) {
  return j.disabled ? ('disabled-children' as const) : ('cin-cp' as const);
}

/** Extra weight on the routes into care by age: most children who come into care through the courts are babies. */
export function ageCareBoost(j: Journey, day: Day): number {
  const age = ageOn(j, day);
  return age < 1 ? 4 : age < 5 ? 0.55 : age >= 13 ? 1.5 : age >= 10 ? 1.1 : 0.4;
}

/** Whether the child has had a child protection plan before (here or elsewhere). */
export function hadCpPlan(j: Journey): boolean {
  return j.child.priorPlansElsewhere > 0 || j.child.episodes.some((e) => e.cpPlans.length > 0);
}

export function strategyDiscussion(j: Journey, ep: CinEpisode, day: Day, planned: boolean): Step {
  const { rng, s } = j;
  const held = s.calendar.onOrAfter(day);
  const schoolAge = ageOn(j, held) >= 5;
  const sd: StrategyDiscussion = {
    id: 0,
    day: held,
    police: rng.chance(PROTECTION.police),
    health: rng.chance(PROTECTION.health),
    education: rng.chance(schoolAge ? PROTECTION.education : 0.3),
    outcome: 's47',
  };
  ep.strategies.push(sd);
  if (!rng.chance(PROTECTION.strategyLeadsToS47)) {
    sd.outcome = 'no-s47';
    return planned || rng.chance(0.5)
      ? { to: 'cin-plan', day: held + rng.int(1, 15) }
      : { to: 'close', day: held + rng.int(5, 30), reason: 'RC7', kind: 'assessment' };
  }
  const s47: S47 = { id: 0, strategy: sd, start: held, end: held, icpcNotRequired: true, outcome: 'nfa' };
  ep.s47s.push(s47);

  // A few children are removed in an emergency (police protection) as the enquiry starts.
  const emergency = CARE.emergencyFromS47 * CARE.entryFactor * j.careFactor * ageCareBoost(j, held);
  if (rng.chance(emergency) && ageOn(j, held) >= 0) {
    s47.outcome = 'cin-plan';
    s47.end = s.calendar.addWorkingDays(held, rng.int(2, 10));
    return { to: 'care', day: held, route: 'emergency', proceedings: null };
  }

  const outcome = S47_OUTCOMES.draw(rng);
  s47.outcome = outcome;
  if (outcome === 'icpc') {
    s47.icpcNotRequired = false;
    const target = s.calendar.addWorkingDays(held, 15);
    let conference = rng.chance(PROTECTION.icpcOnTime)
      ? s.calendar.addWorkingDays(held, rng.int(7, 15))
      : s.calendar.addWorkingDays(held, rng.int(16, 32));
    if (target > s.asAt && conference < target) conference = target;
    s47.end = Math.max(held + 1, conference - rng.int(0, 3));
    const plan = rng.chance(PROTECTION.icpcPlan);
    ep.icpcs.push({ id: 0, s47, transferIn: false, target, day: conference, plan });
    return plan
      ? { to: 'cp-plan', day: conference, icpcIndex: ep.icpcs.length - 1 }
      : { to: 'cin-plan', day: conference };
  }
  if (outcome === 'cin-plan') {
    s47.end = s.calendar.addWorkingDays(held, rng.int(5, 20));
    return { to: 'cin-plan', day: s47.end };
  }
  s47.end = s.calendar.addWorkingDays(held, rng.int(3, 15));
  // No further action after an S47 closes the case RC7: RC8 and RC9 mean closed after the assessment alone, and a
  // case closed RC8/RC9 can hold no S47 (CIN census rule 2990).
  return planned
    ? { to: 'cin-plan', day: s47.end }
    : { to: 'close', day: s47.end + rng.int(0, 20), reason: 'RC7', kind: 'assessment' };
}

function previousPlans(j: Journey, current: CpPlan): number {
  let n = j.child.priorPlansElsewhere;
  for (const ep of j.child.episodes) for (const p of ep.cpPlans) if (p !== current && p.start < current.start) n++;
  return n;
}

/** Review conferences from the start up to `until`: 3 months after the ICPC, then every 6 months. */
function addReviews(j: Journey, plan: CpPlan, until: Day): void {
  const { rng } = j;
  let previous = plan.reviews.length > 0 ? (plan.reviews[plan.reviews.length - 1] as CpReview).day : plan.start;
  let due = plan.reviews.length > 0 ? addMonthsToDayNumber(previous, 6) : addMonthsToDayNumber(plan.start, 3);
  for (;;) {
    const day = j.s.calendar.onOrAfter(meetOrMiss(j, rng, due, PROTECTION.reviewOnTime, 10, 30, previous + 14));
    if (day > until) return;
    const age = ageOn(j, day);
    plan.reviews.push({
      id: 0,
      due,
      day,
      quorate: rng.chance(0.95),
      participation:
        age < 4 ? 'under-4' : rng.weighted({ attended: 30, 'views-conveyed': 50, 'did-not-participate': 20 }),
    });
    previous = day;
    due = addMonthsToDayNumber(day, 6);
  }
}

/** The review conference at which a plan of (at least) `length` days ends. */
function endingConference(j: Journey, plan: CpPlan, length: number): Day {
  const target = plan.start + length;
  for (;;) {
    const last = plan.reviews[plan.reviews.length - 1];
    if (last && last.day >= target) return last.day;
    const before = plan.reviews.length;
    addReviews(j, plan, target + 400);
    if (plan.reviews.length === before) return target;
    // Keep only the reviews up to the first one on or after the target.
    const i = plan.reviews.findIndex((r) => r.day >= target);
    if (i >= 0) {
      plan.reviews.length = i + 1;
      return (plan.reviews[i] as CpReview).day;
    }
  }
}

export function cpPlan(j: Journey, ep: CinEpisode, day: Day, icpcIndex: number): Step {
  const { rng, s } = j;
  const icpc = ep.icpcs[icpcIndex];
  if (!icpc) throw new Error('CP plan without an ICPC');
  j.sw.to(holdingArea(j), day);
  j.iro.to('iro', day);
  const initialCategory = CATEGORIES.draw(rng);
  const plan: CpPlan = {
    id: 0,
    icpc,
    start: day,
    end: day,
    initialCategory,
    latestCategory: rng.chance(0.88) ? initialCategory : CATEGORIES.draw(rng),
    previousPlans: 0,
    epo: rng.chance(0.03),
    reviews: [],
  };
  plan.previousPlans = previousPlans(j, plan);
  ep.cpPlans.push(plan);

  const length = Math.max(30, Math.round(rng.logNormal(PROTECTION.planMedianDays, PROTECTION.planSigma)));
  // A few plans end between conferences (the child moves away or comes into care in an emergency).
  let end = rng.chance(0.06) ? day + length : endingConference(j, plan, length);
  const boost = CARE.entryFactor * j.careFactor * ageCareBoost(j, end);
  const outcome = rng.weighted(scaled(PROTECTION.planEnds, ['plo', 'care'], boost));
  let next: Step;
  switch (outcome) {
    case 'cin-plan':
      next = { to: 'cin-plan', day: end };
      break;
    case 'close':
      next = { to: 'close', day: end + rng.int(0, 30), reason: 'RC7', kind: 'plan' };
      break;
    case 'care':
      next = {
        to: 'care',
        day: end,
        route: ageOn(j, end) >= 12 || rng.chance(0.5) ? 's20' : 'emergency',
        proceedings: null,
      };
      break;
    default: {
      // For an unborn baby the PLO starts before the birth and proceedings are issued when the baby is born.
      const unborn = day < j.child.dob;
      const pre = preProceedings(
        j,
        ep,
        unborn ? Math.max(day + 14, Math.min(end, j.child.dob - rng.int(30, 90))) : end,
      );
      if (pre.outcome === 'step-down') {
        end = Math.max(end, pre.end + rng.int(20, 150));
        next = rng.chance(0.7)
          ? { to: 'cin-plan', day: end }
          : { to: 'close', day: end + rng.int(0, 30), reason: 'RC7', kind: 'plan' };
      } else {
        const court = careProceedings(j, ep, pre, Math.max(pre.end, j.child.dob + rng.int(0, 5)));
        if (rng.chance(Math.min(0.95, 0.72 * boost))) {
          end = court.issue;
          next = { to: 'care', day: court.issue, route: 'proceedings', proceedings: court };
        } else {
          end = court.finalHearing;
          next = afterProceedingsAtHome(j, ep, court);
        }
      }
    }
  }
  if (end >= j.b[18]) {
    end = j.b[18];
    next = { to: 'close', day: end, reason: 'RC7', kind: 'adult' };
  }
  plan.end = end;
  plan.reviews = plan.reviews.filter((r) => r.day <= end);
  addReviews(j, plan, end);
  addVisits(
    j,
    'cp',
    s.calendar.addWorkingDays(day, j.act.int(1, 10)),
    end,
    everyWorkingDays(j, 10, PROTECTION.visitOnTime),
    PROTECTION.visitSeen,
    PROTECTION.visitSeenAlone,
  );
  if (next.to !== 'care') j.iro.close(end);
  return next;
}

export function cinPlan(j: Journey, ep: CinEpisode, day: Day): Step {
  const { rng, s } = j;
  j.sw.to(holdingArea(j), day);
  const length = j.disabled
    ? Math.round(rng.logNormal(CIN_PLAN.disabledMedianDays, CIN_PLAN.disabledSigma))
    : Math.round(rng.logNormal(CIN_PLAN.medianDays, CIN_PLAN.sigma));
  let end = day + Math.max(20, length);
  const boost = CARE.entryFactor * j.careFactor * ageCareBoost(j, end) * (j.disabled ? 0.3 : 1);
  let next: Step;
  const outcome = rng.weighted(scaled(CIN_PLAN.ends, ['plo', 'care'], boost));
  switch (outcome) {
    case 's47':
      next = { to: 'strategy', day: end };
      break;
    case 'plo':
      next = { to: 'plo', day: end };
      break;
    case 'care':
      next = { to: 'care', day: end, route: 's20', proceedings: null };
      break;
    case 'open-support':
      next = { to: 'open-support', day: end };
      break;
    default:
      next = { to: 'close', day: end + rng.int(0, 14), reason: 'RC7', kind: 'plan' };
  }
  if (end >= j.b[18]) {
    end = j.b[18];
    next = { to: 'close', day: end, reason: j.disabled && rng.chance(0.6) ? 'RC6' : 'RC7', kind: 'adult' };
  }
  ep.cinPlans.push({ id: 0, start: day, end });
  addVisits(
    j,
    'cin',
    s.calendar.addWorkingDays(day, j.act.int(3, 20)),
    end,
    everyWorkingDays(j, 20, CIN_PLAN.visitOnTime),
    0.94,
    0.6,
  );
  return next;
}
