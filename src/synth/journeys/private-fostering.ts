/**
 * Private fostering: a child under 16 cared for by someone who is not a close relative for 28 days or more. The
 * authority assesses the arrangement (CIN assessment factor 8B–8F), visits within 7 working days of notification,
 * then at least every 6 weeks in the first year, and closes the case when the arrangement ends.
 */
import type { CinEpisode, Day } from '../model';
import { addVisits, everyDays, type Journey } from './context';
import { assessment, type Step } from './steps';

export function privateFosteringArrangement(j: Journey, ep: CinEpisode, notification: Day): Step {
  const { rng, s } = j;
  const start = s.calendar.addWorkingDays(notification, rng.int(1, 5));
  assessment(j, ep, start, [rng.weighted({ '8E': 45, '8D': 25, '8B': 12, '8C': 8, '8F': 10 })], true);
  const arrangementStart = notification - rng.int(0, 60);
  const initialVisit = s.calendar.addWorkingDays(notification, rng.chance(0.8) ? rng.int(1, 7) : rng.int(8, 20));
  const assessmentCompleted = notification + rng.int(20, 45);
  const end = Math.min(arrangementStart + rng.int(90, 540), j.b[16]);
  j.child.privateFostering.push({
    id: 0,
    notification,
    arrangementStart,
    initialVisit: Math.min(initialVisit, end),
    assessmentCompleted: Math.min(assessmentCompleted, end),
    end: Math.max(end, initialVisit),
  });
  j.sw.to('cin-cp', Math.min(assessmentCompleted, end));
  addVisits(j, 'private-fostering', initialVisit, end, everyDays(j, 42, 0.85, 10), 0.98, 0.8);
  return { to: 'close', day: Math.max(end, initialVisit), reason: 'RC7', kind: 'assessment' };
}
