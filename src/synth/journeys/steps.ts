/**
 * What the steps of a CIN episode share, below the journeys that take them (episode.ts, protection.ts, care.ts,
 * private-fostering.ts), so that none of them imports another back: where an episode goes next (Step) and how it
 * ended (EpisodeEnd), how a child comes into care (CareRoute), an assessment, and the end of proceedings in which
 * the child stayed at home.
 */
import { collectionYearOfDayNumber } from '../../domain/code-lists';
import { ASSESSMENT } from '../parameters';
import { WeightedTable, type Rng } from '../random';
import type { Assessment, CareProceedings, CinEpisode, Day } from '../model';
import { ageOn, type Journey } from './context';

const FACTORS = WeightedTable.from(ASSESSMENT.factors);

export type CareRoute = 'proceedings' | 's20' | 'emergency' | 'uasc' | 'care-order-at-home';

export interface EpisodeEnd {
  closure: Day;
  /** How far the case went, for the chance of coming back. */
  kind: 'nfa' | 'assessment' | 'plan' | 'care' | 'adult';
  /** Closed to early help (RC9): an early help episode follows. */
  earlyHelp: boolean;
}

export type Step =
  | { to: 'assessment'; day: Day }
  | { to: 'strategy'; day: Day }
  | { to: 'cin-plan'; day: Day }
  | { to: 'cp-plan'; day: Day; icpcIndex: number }
  | { to: 'plo'; day: Day }
  | { to: 'care'; day: Day; route: CareRoute; proceedings: CareProceedings | null }
  | { to: 'open-support'; day: Day }
  | { to: 'private-fostering'; day: Day }
  | { to: 'close'; day: Day; reason: string; kind: EpisodeEnd['kind']; earlyHelp?: boolean };

/** A single assessment (child and family assessment) starting on `start`. */
export function assessment(
  j: Journey,
  ep: CinEpisode,
  start: Day,
  factors: string[] | null,
  furtherServices: boolean,
): Assessment {
  const { rng, act, s } = j;
  const wd = rng.chance(ASSESSMENT.onTime) ? (rng.chance(0.25) ? rng.int(5, 15) : rng.int(16, 45)) : rng.int(46, 85);
  const authorised = s.calendar.addWorkingDays(start, wd);
  const seen = act.chance(ASSESSMENT.seen) && start >= j.child.dob;
  const seenDay = seen ? Math.min(authorised, s.calendar.addWorkingDays(start, act.int(0, Math.min(10, wd)))) : null;
  let found = factors ?? drawFactors(j, start, rng);
  // "No factors identified" (21) is for a case closed after the assessment (RC8/RC9, CIN rule 8873Q): an
  // assessment that leads on found something (drawn from the detail stream, so that nothing else changes).
  if (furtherServices && found.length === 1 && found[0] === '21') found = drawFactors(j, start, j.detail, true);
  const a: Assessment = {
    id: 0,
    start,
    authorised,
    seen,
    seenDay,
    seenAlone: seen && ageOn(j, start) >= 5 && act.chance(ASSESSMENT.seenAlone),
    factors: found,
    furtherServices,
  };
  ep.assessments.push(a);
  return a;
}

/** The factors an assessment identified; `found`: at least one (never 21, no factors identified). */
function drawFactors(j: Journey, day: Day, rng: Rng, found = false): string[] {
  const year = collectionYearOfDayNumber(day);
  const n = !found && rng.chance(0.06) ? 0 : 1 + Math.min(4, rng.poisson(1.3));
  if (n === 0) return ['21'];
  const out: string[] = [];
  for (let i = 0; i < n * 2 && out.length < n; i++) {
    let f: string = FACTORS.draw(rng);
    // Before collection year 2022 the census had 18A/19A (physical/sexual abuse) and no 24A (criminal exploitation).
    if (year < 2022)
      f = f === '18B' || f === '18C' ? '18A' : f === '19B' || f === '19C' ? '19A' : f === '24A' ? '13A' : f;
    if ((f === '7A' && ageOn(j, day) < 8) || out.includes(f)) continue;
    out.push(f);
  }
  // 3B (domestic abuse, the parent or carer), the factor drawn most often (parameters.ts), when every draw was ruled out.
  return out.length > 0 ? out.sort() : [found ? '3B' : '21'];
}

/** Proceedings in which the child stayed at home: the final order decides what follows. */
export function afterProceedingsAtHome(j: Journey, ep: CinEpisode, court: CareProceedings): Step {
  const { rng } = j;
  const order = rng.weighted({
    'supervision-order': 40,
    'care-order': 22,
    sgo: 22,
    'child-arrangements-order': 10,
    'no-order': 6,
  });
  court.finalOrder = order;
  switch (order) {
    case 'care-order':
      return { to: 'care', day: court.finalHearing, route: 'care-order-at-home', proceedings: court };
    case 'sgo':
      // No period of care: a special guardianship order for a child living with relatives.
      return { to: 'close', day: court.finalHearing, reason: 'RC4', kind: 'plan' };
    case 'child-arrangements-order':
      return { to: 'close', day: court.finalHearing, reason: 'RC3', kind: 'plan' };
    case 'no-order':
      return { to: 'close', day: court.finalHearing + rng.int(0, 30), reason: 'RC7', kind: 'plan' };
    default:
      return { to: 'cin-plan', day: court.finalHearing };
  }
}
