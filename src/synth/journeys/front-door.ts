/**
 * The front door: a contact arrives at the MASH, is BRAG-rated and decided (no further action, information and
 * advice, early help, or referral to children's social care), usually within a working day (timescales.ts).
 */
import { toDayNumber } from '../../domain/working-days';
import { CONTACT, EARLY_HELP, rateOn, REPEAT } from '../parameters';
import { WeightedTable } from '../random';
import type { Contact, Day, EarlyHelp } from '../model';
import type { Journey } from './context';
import { cinEpisode } from './episode';
import type { EpisodeEnd } from './steps';

const SOURCES = WeightedTable.from(CONTACT.sources);
const FIRST = WeightedTable.from(CONTACT.decisionFirst);
const REPEATED = WeightedTable.from(CONTACT.decisionRepeat);
const DELAY = WeightedTable.from(CONTACT.decisionDelay);
const EH_OUTCOMES = WeightedTable.from(EARLY_HELP.outcomes);
const EH_ORGANISATIONS = WeightedTable.from(EARLY_HELP.organisations);

/** BRAG ratings by decision: red and amber lead to referrals, blue to no further action. */
/** ReferralSource 5D (LA early help) exists from collection year 2023 (1 April 2022); before it, 5B. */
const FIVE_D_FROM = toDayNumber('2022-04-01');

const BRAG: Record<Contact['decision'], WeightedTable<string>> = {
  referral: WeightedTable.from({ R: 25, A: 50, G: 25 }),
  'early-help': WeightedTable.from({ A: 15, G: 75, B: 10 }),
  'information-advice': WeightedTable.from({ G: 60, B: 40 }),
  nfa: WeightedTable.from({ G: 30, B: 70 }),
};

/** A contact whose decision is already known: a step-up from early help, an unaccompanied child, a private
 * fostering notification, or a midwife's pre-birth referral. */
export type Forced = 'referral' | 'uasc' | 'private-fostering' | 'pre-birth' | null;

export interface FrontDoorResult {
  /** Day of the child's next contact, or null when the child does not come back. */
  next: Day | null;
  forced: Forced;
}

/** One contact and whatever follows from it, up to the point the child's case is closed again. */
export function frontDoor(j: Journey, day: Day, repeat: boolean, forced: Forced): FrontDoorResult {
  const { rng, s } = j;
  const source =
    forced === 'uasc'
      ? rng.pick(['5C', '6', '7', '8'])
      : forced === 'private-fostering'
        ? rng.pick(['2A', '1A', '3B', '8'])
        : forced === 'pre-birth'
          ? rng.pick(['3D', '3F', '3B', '6'])
          : forced === 'referral'
            ? day >= FIVE_D_FROM
              ? '5D'
              : '5B'
            : SOURCES.draw(rng);
  // 5D (LA early help) is a referral source from collection year 2022/23; before it, such a contact came from
  // another LA service (5B).
  const dated = source === '5D' && day < FIVE_D_FROM ? '5B' : source;
  const decision: Contact['decision'] = forced ? 'referral' : (repeat ? REPEATED : FIRST).draw(rng);
  const delay = Number(DELAY.draw(rng));
  const working = s.calendar.onOrAfter(day);
  const decisionDay = delay === 0 ? day : s.calendar.addWorkingDays(working, delay === 3 ? rng.int(3, 5) : delay);
  const brag = BRAG[decision].draw(rng);
  const contact: Contact = {
    id: 0,
    day,
    source: dated,
    decision,
    decisionDay,
    bragInitial: brag,
    bragFinal: rng.chance(0.9) ? brag : BRAG[decision].draw(rng),
  };
  j.child.contacts.push(contact);

  switch (decision) {
    case 'nfa':
    case 'information-advice':
      return { next: comeBack(j, decisionDay, REPEAT.afterContact), forced: null };
    case 'early-help': {
      const eh = earlyHelp(j, contact, decisionDay);
      if (eh.outcome === 'stepped-up' && eh.end !== null) return { next: eh.end, forced: 'referral' };
      return { next: comeBack(j, eh.end ?? decisionDay, REPEAT.afterEarlyHelp), forced: null };
    }
    case 'referral': {
      const end = cinEpisode(
        j,
        contact,
        decisionDay,
        source,
        forced === 'uasc' ? 'uasc' : forced === 'private-fostering' ? 'private-fostering' : null,
      );
      return afterEpisode(j, end);
    }
  }
}

function afterEpisode(j: Journey, end: EpisodeEnd): FrontDoorResult {
  if (end.earlyHelp) {
    const eh = earlyHelp(j, null, end.closure);
    if (eh.outcome === 'stepped-up' && eh.end !== null) return { next: eh.end, forced: 'referral' };
    return { next: comeBack(j, eh.end ?? end.closure, REPEAT.afterEarlyHelp), forced: null };
  }
  const chance =
    end.kind === 'nfa' || end.kind === 'assessment'
      ? REPEAT.afterAssessment
      : end.kind === 'care'
        ? REPEAT.afterCare
        : end.kind === 'plan'
          ? REPEAT.afterPlan
          : 0;
  return { next: comeBack(j, end.closure, chance), forced: null };
}

/** Whether (and when) the child comes back to the front door after an ending. */
function comeBack(j: Journey, from: Day, chance: number): Day | null {
  if (!j.rng.chance(chance)) return null;
  return from + 7 + Math.round(j.rng.exponential(REPEAT.meanGapDays));
}

/** An early help episode from a request: allocated (usually within 10 working days), assessed, closed. */
export function earlyHelp(j: Journey, contact: Contact | null, request: Day): EarlyHelp {
  const { rng, s, child } = j;
  const allocation = s.calendar.addWorkingDays(
    request,
    rng.chance(rateOn(EARLY_HELP.allocatedOnTime, request)) ? rng.int(1, 10) : rng.int(11, 30),
  );
  const assessmentStart = allocation + rng.int(0, 10);
  const assessmentEnd = assessmentStart + rng.int(10, 45);
  let end: Day | null = request + Math.max(45, Math.round(rng.logNormal(EARLY_HELP.durationMedianDays, 0.5)));
  if (end < assessmentEnd) end = assessmentEnd + rng.int(5, 30);
  let outcome: string = EH_OUTCOMES.draw(rng);
  if (end >= j.b[18]) {
    // Early help ends at 18, but never before it was asked for (a request decided just after the birthday).
    end = Math.max(j.b[18], request);
    outcome = 'other';
  }
  const eh: EarlyHelp = {
    id: 0,
    contact,
    request,
    allocation: allocation <= end ? allocation : null,
    assessmentStart: assessmentStart <= end ? assessmentStart : null,
    assessmentEnd: assessmentEnd <= end ? assessmentEnd : null,
    organisation: EH_ORGANISATIONS.draw(rng),
    end,
    outcome,
  };
  child.earlyHelp.push(eh);
  if (eh.allocation !== null) {
    child.segments.push({
      area: 'early-help',
      role: 'early-help-practitioner',
      start: eh.allocation,
      end,
      endReason: null,
    });
  }
  return eh;
}
