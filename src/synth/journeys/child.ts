/**
 * A family's arrival at the front door and each child's whole journey from there: repeated contacts, episodes of
 * help, protection and care, and (for some) leaving care.
 *
 * Siblings share their family's structural random stream, so they are referred together and share assessments,
 * conferences, plans and often their placements — until their ages lead them apart (a 17-year-old's case closes
 * at 18; a baby's proceedings may end in adoption). Each child has its own stream for attributes and for visits,
 * reviews and checks.
 */
import { postcodeIn } from '../postcodes';
import { ethnicGroupOf, type EthnicGroup } from '../../domain/code-lists';
import {
  ARRIVALS,
  ETHNIC_CARE_FACTOR,
  ETHNICITY_CODES_BY_GROUP,
  POPULATION_ETHNIC_SHARES,
  SEX,
  UASC,
} from '../parameters';
import { Rng, WeightedTable } from '../random';
import { firstName, surname } from '../names';
import type { ChildModel, Day } from '../model';
import { CaseHolder, birthdays, type Journey, type Settings } from './context';
import { frontDoor, type Forced } from './front-door';
import { careLeaverJourney } from './care-leavers';

/** Stream numbers (the second key of Rng.stream) so that no two uses share a stream. */
export const STREAM = {
  arrivals: 0,
  family: 1,
  activity: 2,
  familyTraits: 3,
  childTraits: 4,
  lado: 5,
  organisation: 6,
  outcomes: 7,
  censusDetail: 8,
} as const;

export interface Arrival {
  day: Day;
  kind: 'family' | 'uasc' | 'private-fostering';
  family: number;
}

const AGE = new WeightedTable(ARRIVALS.ageWeights.map((w, age) => [age, w] as const));
/** Who comes to the front door: the population, weighted by half the care over-representation (parameters.ts). */
const FRONT_DOOR_GROUP = new WeightedTable(
  (Object.keys(POPULATION_ETHNIC_SHARES) as EthnicGroup[]).map(
    (g) => [g, POPULATION_ETHNIC_SHARES[g] * Math.sqrt(ETHNIC_CARE_FACTOR[g])] as const,
  ),
);
const CODES: Record<EthnicGroup, WeightedTable<string>> = {
  White: WeightedTable.from(ETHNICITY_CODES_BY_GROUP.White),
  Mixed: WeightedTable.from(ETHNICITY_CODES_BY_GROUP.Mixed),
  Asian: WeightedTable.from(ETHNICITY_CODES_BY_GROUP.Asian),
  Black: WeightedTable.from(ETHNICITY_CODES_BY_GROUP.Black),
  Other: WeightedTable.from(ETHNICITY_CODES_BY_GROUP.Other),
};
const UASC_ETHNICITY = WeightedTable.from(UASC.ethnicity);
const LANGUAGES: Record<EthnicGroup, WeightedTable<string>> = {
  White: WeightedTable.from({ English: 84, Polish: 5, Romanian: 5, Portuguese: 2, Albanian: 2, Other: 2 }),
  Mixed: WeightedTable.from({ English: 95, Other: 5 }),
  Asian: WeightedTable.from({ English: 62, Urdu: 12, Gujarati: 8, Bengali: 8, Tamil: 5, Other: 5 }),
  Black: WeightedTable.from({ English: 72, Somali: 12, Yoruba: 5, Twi: 4, Tigrinya: 3, Other: 4 }),
  Other: WeightedTable.from({ English: 50, Arabic: 15, Farsi: 10, Turkish: 10, Kurdish: 8, Other: 7 }),
};
const UASC_LANGUAGES = WeightedTable.from({
  Pashto: 20,
  Dari: 10,
  Tigrinya: 20,
  Arabic: 15,
  Kurdish: 15,
  Albanian: 12,
  Other: 8,
});
const DISABILITY = WeightedTable.from({
  LD: 28,
  AUT: 30,
  COMM: 14,
  MOB: 9,
  PC: 4,
  HAND: 2,
  HEAR: 3,
  VIS: 3,
  BEH: 6,
  INC: 2,
  CON: 2,
  DDA: 5,
});

/** Creates a family's children and runs each one's journey. */
export function simulateArrival(s: Settings, arrival: Arrival, firstIndex: number): ChildModel[] {
  const traits = Rng.stream(s.seed, STREAM.familyTraits, arrival.family);
  const members: Array<{ dob: Day; preBirth: boolean }> = [];
  let group: EthnicGroup | null;
  let ethnicity: string;
  let language: string;
  if (arrival.kind === 'uasc') {
    const age = traits.real(UASC.arrivalAge[0], UASC.arrivalAge[1]);
    members.push({ dob: arrival.day - Math.round(age * 365.25), preBirth: false });
    ethnicity = UASC_ETHNICITY.draw(traits);
    group = ethnicGroupOf(ethnicity);
    language = UASC_LANGUAGES.draw(traits);
  } else {
    if (arrival.kind === 'private-fostering') {
      members.push({ dob: arrival.day - Math.round(traits.real(10, 14.5) * 365.25), preBirth: false });
    } else if (traits.chance(ARRIVALS.preBirth)) {
      members.push({ dob: arrival.day + traits.int(30, 140), preBirth: true });
    } else {
      const age = AGE.draw(traits) + traits.next();
      const dob = arrival.day - Math.round(age * 365.25);
      members.push({ dob, preBirth: false });
      if (traits.chance(ARRIVALS.siblingSecond)) {
        const size = traits.chance(ARRIVALS.siblingThird) ? 3 : 2;
        for (let i = 1; i < size; i++) {
          const gap = traits.int(1, 6) * 365 + traits.int(-120, 120);
          const other = traits.chance(0.5) ? dob - gap : dob + gap;
          if (other < arrival.day - 1 && other > arrival.day - 17.5 * 365.25)
            members.push({ dob: other, preBirth: false });
        }
      }
    }
    group = FRONT_DOOR_GROUP.draw(traits);
    ethnicity = traits.chance(0.01) ? traits.pick(['NOBT', 'REFU']) : CODES[group].draw(traits);
    language = LANGUAGES[group].draw(traits);
  }
  const familySurname = surname(traits, group);
  const locality = traits.int(0, s.localities.length - 1);
  // The family's home: a synthetic postcode in a district of its locality (chosen without a draw, so the streams
  // of random numbers are as they were before postcodes were full).
  const postcode = postcodeIn(traits.pick(s.localities[locality] as readonly string[]), firstIndex);
  const religion = traits.chance(0.6)
    ? traits.weighted({ Christian: 45, Muslim: 25, Jewish: 10, Hindu: 7, None: 10, Other: 3 })
    : null;

  const children: ChildModel[] = members.map((m, i) => {
    const index = firstIndex + i;
    const own = Rng.stream(s.seed, STREAM.childTraits, index);
    const sex: 'M' | 'F' = own.chance(arrival.kind === 'uasc' ? UASC.male : SEX.maleAtFrontDoor) ? 'M' : 'F';
    return {
      index,
      family: arrival.family,
      id: 0,
      laChildId: '',
      firstName: firstName(own, sex, group),
      lastName: own.chance(0.85) ? familySurname : surname(own, group),
      sex,
      ethnicity: i > 0 && own.chance(0.1) && group ? CODES[group].draw(own) : ethnicity,
      group,
      dob: m.dob,
      postcode,
      locality,
      firstLanguage: language,
      religion,
      upnIndex: 0,
      uasc:
        arrival.kind === 'uasc'
          ? { start: arrival.day, end: 0, refugeeStatus: own.chance(0.55) ? arrival.day + own.int(250, 800) : null }
          : null,
      disabilities: [],
      siblings: [],
      priorPlansElsewhere: arrival.day - m.dob > 2 * 365 && own.chance(0.05) ? 1 : 0,
      motherOf: null,
      contacts: [],
      earlyHelp: [],
      episodes: [],
      careLeaver: [],
      pathwayReviews: [],
      careLeaverContacts: [],
      visits: [],
      healthAssessments: [],
      dentalChecks: [],
      sdq: [],
      oc2: [],
      peps: [],
      missing: [],
      privateFostering: [],
      segments: [],
    };
  });
  for (const c of children) c.siblings = children.filter((o) => o !== c);

  const forced: Forced =
    arrival.kind === 'uasc'
      ? 'uasc'
      : arrival.kind === 'private-fostering'
        ? 'private-fostering'
        : members[0]?.preBirth
          ? 'pre-birth'
          : null;
  for (const child of children) runJourney(s, child, arrival, forced);
  return children;
}

function runJourney(s: Settings, child: ChildModel, arrival: Arrival, forced: Forced): void {
  const own = Rng.stream(s.seed, STREAM.childTraits, child.index, 1);
  const b = birthdays(child.dob);
  if (child.uasc) child.uasc.end = b[18];
  const disabled = forced === null && arrival.day >= child.dob + 365 && own.chance(0.03);
  const group = child.group;
  const j: Journey = {
    s,
    child,
    rng: Rng.stream(s.seed, STREAM.family, arrival.family),
    act: Rng.stream(s.seed, STREAM.activity, child.index),
    outcomes: Rng.stream(s.seed, STREAM.outcomes, child.index),
    detail: Rng.stream(s.seed, STREAM.censusDetail, child.index),
    sw: new CaseHolder(child, 'social-worker'),
    iro: new CaseHolder(child, 'iro'),
    pa: new CaseHolder(child, 'personal-adviser'),
    b,
    disabled,
    careFactor: (group ? Math.sqrt(ETHNIC_CARE_FACTOR[group]) : 1) * (child.sex === 'M' ? SEX.maleCareFactor : 1),
    stayingPutFrom: null,
  };

  let day = arrival.day;
  let next: Forced = forced;
  let repeat = false;
  for (let guard = 0; guard < 30; guard++) {
    if (day > s.asAt || day >= b[18]) break;
    const r = frontDoor(j, day, repeat, next);
    if (r.next === null) break;
    day = r.next;
    next = r.forced;
    repeat = true;
  }
  careLeaverJourney(j);

  // Disabilities, recorded at the first referral (or first contact).
  const firstReferral = child.episodes[0]?.referral ?? child.contacts[0]?.day ?? arrival.day;
  if (disabled || own.chance(0.05)) {
    const codes = new Set<string>([DISABILITY.draw(own)]);
    if (disabled && own.chance(0.5)) codes.add(DISABILITY.draw(own));
    const recorded = Math.max(firstReferral, child.dob);
    for (const code of [...codes].sort()) child.disabilities.push({ code, day: recorded });
  }
}
