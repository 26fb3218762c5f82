/**
 * A referral and the CIN episode it opens, as a small state machine: assessment → (closure | early help | CIN plan
 * | strategy discussion and S47 → ICPC → CP plan) → (step-down | pre-proceedings → care proceedings | care) →
 * closure. Each step is a function that writes its records and says what comes next and when.
 *
 * Rules kept throughout (the DfE CIN census validation rules): one open episode at a time; plans
 * follow one another and never overlap; nothing after the episode closes; the episode closes by the child's 18th
 * birthday (children's social care ends; care leavers carry on in care-leavers.ts).
 */
import { collectionYearOfDayNumber } from '../../domain/code-lists';
import { ASSESSMENT, COURT, REFERRAL } from '../parameters';
import { WeightedTable } from '../random';
import type { CinEpisode, Contact, Day } from '../model';
import { scaled, type Journey } from './context';
import { careProceedings, preProceedings } from './court';
import { periodOfCare } from './care';
import { cinPlan, cpPlan, hadCpPlan, strategyDiscussion } from './protection';
import { privateFosteringArrangement } from './private-fostering';
import { afterProceedingsAtHome, assessment, type EpisodeEnd, type Step } from './steps';

const NEEDS = WeightedTable.from(REFERRAL.needs);
const OUTCOMES = WeightedTable.from(ASSESSMENT.outcomes);

export function cinEpisode(
  j: Journey,
  contact: Contact | null,
  referral: Day,
  source: string,
  route: 'uasc' | 'private-fostering' | null,
): EpisodeEnd {
  const { rng, child, s } = j;
  const need = route === 'uasc' ? 'N4' : route === 'private-fostering' ? 'N8' : j.disabled ? 'N2' : NEEDS.draw(rng);
  const ep: CinEpisode = {
    id: 0,
    contact,
    referral,
    source,
    need,
    nfa: false,
    closure: referral,
    closureReason: 'RC8',
    assessments: [],
    strategies: [],
    s47s: [],
    icpcs: [],
    cinPlans: [],
    cpPlans: [],
    preProceedings: [],
    careProceedings: [],
    periods: [],
  };
  child.episodes.push(ep);

  if (route === null && rng.chance(REFERRAL.nfa)) {
    ep.nfa = true;
    ep.need = null;
    // RC7 (services ceased; the child was not found to be in need): RC8 and RC9 are closures after an assessment,
    // and a referral with no further action has none (CIN rule 8825Q).
    ep.closureReason = 'RC7';
    return { closure: referral, kind: 'nfa', earlyHelp: false };
  }

  j.sw.to(j.disabled ? 'disabled-children' : 'assessment', referral);
  let step: Step =
    route === 'uasc'
      ? { to: 'care', day: referral, route: 'uasc', proceedings: null }
      : route === 'private-fostering'
        ? { to: 'private-fostering', day: referral }
        : rng.chance(REFERRAL.immediateStrategy * (hadCpPlan(j) ? 2 : 1)) && !j.disabled
          ? { to: 'strategy', day: referral }
          : { to: 'assessment', day: referral };
  if (route === 'uasc') assessment(j, ep, referral, ['9A'], true);
  // A S47 enquiry straight from the referral runs alongside the child and family assessment (CIN rule 2991Q: a S47
  // with no assessment is queried), drawn from the detail stream so that nothing else changes.
  if (step.to === 'strategy')
    assessment({ ...j, rng: j.detail, act: j.detail }, ep, s.calendar.onOrAfter(referral), null, true);

  let planned = false;
  for (let guard = 0; guard < 40; guard++) {
    if (step.to === 'close') break;
    if (step.day > j.s.asAt) {
      // Nothing simulated after the last day of data: the episode is still open then.
      step = { to: 'close', day: step.day, reason: 'RC7', kind: planned ? 'plan' : 'assessment' };
      break;
    }
    if (step.day >= j.b[18] && step.to !== 'care') {
      step = { to: 'close', day: j.b[18], reason: j.disabled && rng.chance(0.6) ? 'RC6' : 'RC7', kind: 'adult' };
      break;
    }
    switch (step.to) {
      case 'assessment':
        step = assessmentStep(j, ep, step.day);
        break;
      case 'strategy':
        step = strategyDiscussion(j, ep, step.day, planned);
        break;
      case 'cin-plan':
        planned = true;
        step = cinPlan(j, ep, step.day);
        break;
      case 'cp-plan':
        planned = true;
        step = cpPlan(j, ep, step.day, step.icpcIndex);
        break;
      case 'plo':
        planned = true;
        step = ploAtHome(j, ep, step.day);
        break;
      case 'care':
        planned = true;
        // No one is looked after before birth (903 rule 302): care decided on for an unborn baby starts at the birth.
        step = periodOfCare(j, ep, Math.max(step.day, j.child.dob), step.route, step.proceedings);
        break;
      case 'open-support':
        j.sw.to(j.disabled ? 'disabled-children' : 'cin-cp', step.day);
        step = { to: 'close', day: step.day + rng.int(30, 160), reason: 'RC7', kind: 'assessment' };
        break;
      case 'private-fostering':
        step = privateFosteringArrangement(j, ep, step.day);
        break;
    }
  }
  if (step.to !== 'close') step = { to: 'close', day: step.day, reason: 'RC7', kind: 'plan' };
  let closure = Math.min(step.day, j.b[18]);
  if (closure < referral) closure = referral;
  closure = nothingAfter(j, ep, closure);
  ep.closure = closure;
  let reason = step.reason;
  // RC9 (closed after assessment, referred to early help) exists from collection year 2023.
  if (reason === 'RC9' && collectionYearOfDayNumber(closure) < 2023) reason = 'RC8';
  ep.closureReason = reason;
  j.sw.close(closure);
  j.iro.close(closure);
  return { closure, kind: step.kind, earlyHelp: step.earlyHelp === true && closure < j.b[18] };
}

function assessmentStep(j: Journey, ep: CinEpisode, day: Day): Step {
  const { rng, s } = j;
  const start = rng.chance(0.9)
    ? s.calendar.addWorkingDays(day, rng.int(0, 3))
    : s.calendar.addWorkingDays(day, rng.int(4, 10));
  // Children who have been on a plan before, and unborn babies, more often need a strategy discussion.
  const worry = (hadCpPlan(j) ? 3 : 1) * (start < j.child.dob ? 2.5 : 1);
  const outcome = j.disabled
    ? rng.chance(0.85)
      ? 'cin-plan'
      : 'nfa'
    : worry > 1
      ? rng.weighted(scaled(ASSESSMENT.outcomes, ['s47'], worry))
      : OUTCOMES.draw(rng);
  const a = assessment(j, ep, start, null, outcome !== 'nfa' && outcome !== 'early-help');
  switch (outcome) {
    case 'nfa':
      return { to: 'close', day: a.authorised + rng.int(0, 20), reason: 'RC8', kind: 'assessment' };
    case 'early-help':
      return { to: 'close', day: a.authorised + rng.int(0, 10), reason: 'RC9', kind: 'assessment', earlyHelp: true };
    case 'cin-plan':
      return { to: 'cin-plan', day: a.authorised + rng.int(0, 10) };
    case 's47': {
      // Concerns arise during the assessment: a strategy discussion part-way through it.
      const span = Math.max(1, s.calendar.between(start, a.authorised));
      return { to: 'strategy', day: s.calendar.addWorkingDays(start, rng.int(1, span)) };
    }
    default:
      return { to: 'open-support', day: a.authorised };
  }
}

/** Pre-proceedings while the child stays at home (decided at the end of a plan). */
function ploAtHome(j: Journey, ep: CinEpisode, day: Day): Step {
  const { rng } = j;
  const pre = preProceedings(j, ep, day);
  if (pre.outcome === 'step-down')
    return rng.chance(0.75)
      ? { to: 'cin-plan', day: pre.end }
      : { to: 'close', day: pre.end + rng.int(0, 30), reason: 'RC7', kind: 'plan' };
  const court = careProceedings(j, ep, pre, pre.end);
  if (rng.chance(Math.min(0.95, COURT.careAtIssue * j.careFactor)))
    return { to: 'care', day: court.issue, route: 'proceedings', proceedings: court };
  return afterProceedingsAtHome(j, ep, court);
}

/**
 * The closure of an episode, moved so that nothing in the episode is dated after it (CIN rules 8565, 8867): a case
 * is closed once its assessment is authorised and its conference held, not before. At the 18th birthday the case
 * closes whatever is going on (children's social care ends): an assessment still open is concluded that day, and a
 * S47 enquiry whose conference would come later ends without one (as an enquiry for an adult does); anything begun
 * after the birthday is dropped.
 */
function nothingAfter(j: Journey, ep: CinEpisode, closure: Day): Day {
  const b18 = j.b[18];
  const last = lastActivity(ep, closure);
  if (last <= b18 || closure > b18) return last;
  ep.assessments = ep.assessments.filter((a) => a.start <= b18);
  for (const a of ep.assessments) {
    a.authorised = Math.min(a.authorised, b18);
    if (a.seenDay !== null) a.seenDay = Math.min(a.seenDay, a.authorised);
  }
  const dropped = new Set(ep.s47s.filter((x) => x.start > b18));
  ep.s47s = ep.s47s.filter((x) => !dropped.has(x));
  ep.strategies = ep.strategies.filter((d) => d.day <= b18);
  for (const i of ep.icpcs) {
    if (i.day <= b18 || i.s47 === null || dropped.has(i.s47)) continue;
    i.s47.icpcNotRequired = true;
    i.s47.outcome = 'nfa';
    i.s47.end = Math.min(i.s47.end, b18);
  }
  ep.icpcs = ep.icpcs.filter((i) => i.day <= b18);
  return lastActivity(ep, closure);
}

/** The latest date of the episode's activity the census shows (and `from`, if later). */
function lastActivity(ep: CinEpisode, from: Day): Day {
  let last = from;
  for (const a of ep.assessments) last = Math.max(last, a.start, a.authorised);
  for (const x of ep.s47s) last = Math.max(last, x.start);
  for (const i of ep.icpcs) last = Math.max(last, i.day);
  for (const p of ep.cinPlans) last = Math.max(last, p.start, p.end);
  for (const p of ep.cpPlans) last = Math.max(last, p.end);
  return last;
}
