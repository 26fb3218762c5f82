/**
 * Pre-proceedings under the Public Law Outline (timescale 16 weeks) and care proceedings (26 weeks; most
 * authorities take longer, so the generated median is nearer 33 weeks and a minority finish within 26).
 */
import { COURT } from '../parameters';
import type { CareProceedings, CinEpisode, Day, PreProceedings } from '../model';
import type { Journey } from './context';

export function preProceedings(j: Journey, ep: CinEpisode, start: Day): PreProceedings {
  const { rng, s } = j;
  const letter = s.calendar.addWorkingDays(start, rng.int(0, 8));
  const initialMeeting = s.calendar.addWorkingDays(letter, rng.int(5, 15));
  const weeks = Math.max(4, rng.logNormal(COURT.ploMedianWeeks, 0.4));
  const end = Math.max(initialMeeting + 7, s.calendar.onOrAfter(start + Math.round(weeks * 7)));
  const pre: PreProceedings = {
    id: 0,
    start,
    letter,
    fgdmOffered: rng.chance(0.72),
    initialMeeting,
    reviewMeetings: Math.max(0, Math.floor(weeks / 5) - 1),
    decision: end,
    end,
    outcome: rng.chance(Math.min(0.9, COURT.ploIssues * Math.sqrt(j.careFactor))) ? 'proceedings-issued' : 'step-down',
  };
  ep.preProceedings.push(pre);
  return pre;
}

export function careProceedings(j: Journey, ep: CinEpisode, pre: PreProceedings | null, issue: Day): CareProceedings {
  const { rng, s } = j;
  const weeks = Math.max(8, rng.logNormal(COURT.proceedingsMedianWeeks, 0.3));
  const finalHearing = s.calendar.onOrAfter(issue + Math.round(weeks * 7));
  const court: CareProceedings = { id: 0, pre, issue, finalHearing, finalOrder: 'care-order', end: finalHearing };
  ep.careProceedings.push(court);
  return court;
}
