/**
 * Children in care, permanence and care leavers: ssd_cla_episodes (grouped into periods of care),
 * ssd_legal_status, ssd_cla_placement, ssd_cla_reviews, ssd_cla_care_plan, ssd_cla_previous_permanence,
 * ssd_cla_health, ssd_sdq_scores, ssd_missing, ssd_permanence and ssd_care_leavers.
 *
 * Periods of care: an SSD episode row is one SSDA903 episode; episodes sharing a clae_cla_id are one period of
 * care (an episode without one is a period on its own). The period starts with its first episode, ends with its
 * last (open if the last is open) for the last episode's reason, and takes the first episode's category of need.
 */
import {
  ACCOMMODATION_CODES,
  ACTIVITY_CODES,
  collectionYearOf,
  IN_TOUCH_CODES,
  LEGAL_STATUSES,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_PROVIDERS,
  placementTypesFor,
  REASONS_CEASED,
  REVIEW_PARTICIPATION_CODES,
} from '../../../../domain/code-lists';
import { addDays } from '../../../../domain/working-days';
import { districtOf, normalisePostcode } from '../../../../domain/postcodes';
import { normaliseCode, parseDate, parseYesNo, postcodeDistrict } from '../../fields';
import { LANTERN_RULES } from '../../issues';
import { partialDatePerm } from '../ssda903/date-perm';
import type { Cells } from './cells';
import {
  anyYear,
  CLA_NEED_CODES,
  DECISION_REVERSED_REASONS,
  eligibility,
  healthCheckHeld,
  healthCheckKind,
  missingType,
  orderType,
  PREVIOUS_PERMANENCE_CODES,
  SDQ_REASONS,
} from './codes';
import { asObject, textOf } from './json-flags';
import type { PeriodInfo, SsdReadState } from './state';

const ALL_PLACEMENT_TYPES = anyYear(placementTypesFor);

interface Episode {
  cells: Cells;
  person: string;
  childLocal: number;
  start: string;
  end: string | null;
  need: string | null;
  reason: string | null;
}

/** Episodes by period key, gathered until the file is read (finishClaEpisodes). */
const pending = new WeakMap<SsdReadState, Map<string, Episode[]>>();

export function readClaEpisode(s: SsdReadState, c: Cells): void {
  const episodeId = c.id('clae_cla_episode_id') as string;
  const personId = c.id('clae_person_id', true);
  const person = s.person(c, 'clae_person_id', personId);
  const start = c.date('clae_cla_episode_start_date', true);
  const end = c.date('clae_cla_episode_ceased_date');
  const need = c.code('clae_cla_primary_need_code', CLA_NEED_CODES, 'SSDA903 category of need (N1–N8)', true);
  const reason = c.code('clae_cla_episode_ceased_reason', REASONS_CEASED, 'SSDA903 reason episode ceased');
  if (!person || personId === null || start === null) return;
  const key = c.id('clae_cla_id') ?? `episode:${episodeId}`;
  let groups = pending.get(s);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- a Map built empty
  if (!groups) pending.set(s, (groups = new Map()));
  const list = groups.get(key) ?? [];
  if (list.length > 0 && list[0]?.person !== personId) {
    c.problem(
      'clae_cla_id',
      LANTERN_RULES.reference,
      `clae_cla_id ${key} already belongs to person ${list[0]?.person}; a period of care is one child's.`,
    );
    return;
  }
  list.push({ cells: c, person: personId, childLocal: person.local, start, end, need, reason });
  groups.set(key, list);
}

export function finishClaEpisodes(s: SsdReadState): void {
  for (const [key, episodes] of pending.get(s) ?? []) {
    episodes.sort((a, b) => a.start.localeCompare(b.start));
    const first = episodes[0] as Episode;
    const last = episodes[episodes.length - 1] as Episode;
    const local = s.add(
      'periodsOfCare',
      {
        childId: first.childLocal,
        startDate: first.start,
        endDate: last.end,
        reasonCeased: last.end === null ? null : last.reason,
        categoryOfNeed: first.need ?? 'N1',
        homePostcodeDistrict: s.persons.get(first.person)?.postcode ?? null,
        homePostcode: s.persons.get(first.person)?.fullPostcode ?? null,
        permanencePlan: null,
        permanencePlanDate: null,
        previousPermanence: null,
        previousPermanenceDate: null,
        previousPermanenceDatePartial: null,
        previousPermanenceLa: null,
        continuedFrom: null,
      },
      first.cells,
    );
    s.rememberPeriod(key, { local, person: first.person, start: first.start, end: last.end });
  }
  for (const list of s.periodsByPerson.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  pending.delete(s);
}

/** The period a CLA row belongs to: by its CLA id when it has one, else the person's period on `date`. */
function periodFor(
  s: SsdReadState,
  c: Cells,
  claColumn: string,
  personColumn: string,
  date: string | null,
): PeriodInfo | null {
  const claId = c.has(claColumn) ? c.id(claColumn) : null;
  const personId = c.has(personColumn) ? c.id(personColumn) : null;
  if (personId !== null) c.child = personId;
  if (claId !== null) {
    const p = s.periods.get(claId);
    if (!p) {
      c.problem(claColumn, LANTERN_RULES.reference, `${claColumn} ${claId} is not a clae_cla_id in ssd_cla_episodes.`);
      return null;
    }
    c.child = p.person;
    if (personId !== null && personId !== p.person) {
      c.problem(
        personColumn,
        LANTERN_RULES.reference,
        `${personColumn} ${personId} is not the person of period of care ${claId} (${p.person}).`,
      );
      return null;
    }
    return p;
  }
  if (personId === null) {
    c.problem(
      claColumn,
      LANTERN_RULES.required,
      `${claColumn} is blank and the row names no person: it cannot be placed in a period of care.`,
    );
    return null;
  }
  if (!s.persons.has(personId)) {
    s.person(c, personColumn, personId);
    return null;
  }
  const p = date === null ? null : s.periodOn(personId, date);
  if (!p)
    c.problem(
      claColumn,
      LANTERN_RULES.reference,
      `The child was not looked after on ${date ?? "the row's date"} according to ssd_cla_episodes, so this row has no period of care.`,
    );
  return p;
}

export function readLegalStatus(s: SsdReadState, c: Cells): void {
  const personId = c.id('lega_person_id', true);
  const person = s.person(c, 'lega_person_id', personId);
  const code = c.code('lega_legal_status', LEGAL_STATUSES, 'SSDA903 legal status', true);
  const start = c.date('lega_legal_status_start_date', true);
  const end = c.date('lega_legal_status_end_date');
  if (!person || personId === null || code === null || start === null) return;
  const period = s.periodOn(personId, start);
  if (!period) {
    // Systems record legal statuses outside care too (short breaks, orders at home): not an error in the
    // extract, but Lantern keeps legal statuses only within a period of care.
    c.query(
      'lega_legal_status_start_date',
      LANTERN_RULES.reference,
      `Legal status ${code} from ${start} is outside every period of care in ssd_cla_episodes; it was not loaded.`,
    );
    return;
  }
  s.add(
    'legalStatuses',
    { childId: person.local, periodOfCareId: period.local, legalStatus: code, startDate: start, endDate: end },
    c,
  );
}

export function readPlacement(s: SsdReadState, c: Cells): void {
  const start = c.date('clap_cla_placement_start_date', true);
  const end = c.date('clap_cla_placement_end_date');
  const type =
    start === null
      ? null
      : c.code(
          'clap_cla_placement_type',
          placementTypesFor(collectionYearOf(start)),
          'SSDA903 placement type',
          true,
          ALL_PLACEMENT_TYPES,
        );
  const provider = c.code('clap_cla_placement_provider', PLACEMENT_PROVIDERS, 'SSDA903 placement provider');
  const reason = c.code(
    'clap_cla_placement_change_reason',
    PLACEMENT_CHANGE_REASONS,
    'SSDA903 reason for placement change',
  );
  const distance = c.decimal('clap_cla_placement_distance');
  const postcodeText = c.text('clap_cla_placement_postcode');
  const fullPostcode = normalisePostcode(postcodeText);
  const district =
    postcodeText === null ? null : fullPostcode === null ? postcodeDistrict(postcodeText) : districtOf(fullPostcode);
  if (postcodeText !== null && district === null)
    c.query(
      'clap_cla_placement_postcode',
      LANTERN_RULES.type,
      `clap_cla_placement_postcode "${postcodeText}" is not a postcode; it was not loaded.`,
    );
  const period = periodFor(s, c, 'clap_cla_id', 'clap_person_id', start);
  if (!period || start === null || type === null) return;
  const childId = s.dataset.rows.periodsOfCare[period.local - 1]?.childId as number;
  s.add(
    'placements',
    {
      childId,
      periodOfCareId: period.local,
      startDate: start,
      endDate: end,
      placementType: type,
      provider,
      carerRef: null,
      postcodeDistrict: district,
      postcode: fullPostcode,
      urn: c.text('clap_cla_placement_urn'),
      distanceMiles: distance,
      inArea: null,
      laOfPlacement: c.text('clap_cla_placement_la'),
      changeReason: reason,
    },
    c,
  );
}

/** ssd_cla_reviews: a cancelled review was not held and is not loaded. */
export function readClaReview(s: SsdReadState, c: Cells): void {
  const cancelled = c.flag('clar_cla_review_cancelled');
  const date = c.date('clar_cla_review_date', true);
  const due = c.date('clar_cla_review_due_date');
  const participation = c.code(
    'clar_cla_review_participation',
    REVIEW_PARTICIPATION_CODES,
    'SSDA903 review participation (PN0–PN7)',
  );
  if (cancelled === true) return;
  const period = periodFor(s, c, 'clar_cla_id', 'clar_person_id', date);
  if (!period || date === null) return;
  const childId = s.dataset.rows.periodsOfCare[period.local - 1]?.childId as number;
  s.add('claReviews', { childId, periodOfCareId: period.local, dueDate: due, reviewDate: date, participation }, c);
}

/**
 * ssd_cla_care_plan: the permanence plan, in lacp_cla_care_plan_json. Lantern reads a PERMANENCE_PLAN key (what
 * its own export writes) or else the first flag set to Y (the SSD's {"REM": "Y", …} style), and files it on the
 * period of care the plan started in (the latest plan wins).
 */
export function readCarePlan(s: SsdReadState, c: Cells): void {
  const personId = c.id('lacp_person_id', true);
  const person = s.person(c, 'lacp_person_id', personId);
  const start = c.date('lacp_cla_care_plan_start_date', true);
  c.date('lacp_cla_care_plan_end_date');
  const json = asObject(c.json('lacp_cla_care_plan_json'));
  if (!person || personId === null || start === null || c.failed) return;
  let plan = textOf(json, 'PERMANENCE_PLAN');
  if (plan === null && json)
    plan =
      Object.entries(json)
        .find(([, v]) => typeof v === 'string' && parseYesNo(v) === true)?.[0]
        ?.toLowerCase() ?? null;
  if (plan === null) return;
  const period = s.periodOn(personId, start);
  if (!period) {
    c.query(
      'lacp_cla_care_plan_start_date',
      LANTERN_RULES.reference,
      `The care plan starting ${start} is outside every period of care; it was not loaded.`,
    );
    return;
  }
  const row = s.dataset.rows.periodsOfCare[period.local - 1];
  if (row && (row.permanencePlanDate === null || row.permanencePlanDate <= start)) {
    row.permanencePlan = plan;
    row.permanencePlanDate = start;
  }
}

/**
 * ssd_cla_previous_permanence: filed on the child's first period of care that starts after the order and has no
 * previous permanence yet. The order date is text in the SSD (903 allows a partly known date such as
 * zz/05/2019): such a date is kept as the 903 writes it (ZZ in capitals); anything else that is not a date is kept
 * out, with a query. The LA where it was arranged is kept too.
 */
export function readPreviousPermanence(s: SsdReadState, c: Cells): void {
  const personId = c.id('lapp_person_id', true);
  const person = s.person(c, 'lapp_person_id', personId);
  const option = c.code(
    'lapp_previous_permanence_option',
    PREVIOUS_PERMANENCE_CODES,
    'SSDA903 previous permanence (P1–P4, Z1)',
    true,
  );
  const dateText = c.text('lapp_previous_permanence_order_date');
  const date = dateText === null ? null : parseDate(dateText);
  // A date with an unknown part as the 903 writes it (ZZ/05/2019) is kept as such.
  const partial =
    dateText !== null && date === null && partialDatePerm(dateText) !== null ? dateText.trim().toUpperCase() : null;
  if (dateText !== null && date === null && partial === null)
    c.query(
      'lapp_previous_permanence_order_date',
      LANTERN_RULES.type,
      `lapp_previous_permanence_order_date "${dateText}" is not a full date; the previous permanence was loaded without its date.`,
    );
  if (!person || personId === null || option === null) return;
  const periods = s.periodsByPerson.get(personId) ?? [];
  const free = periods.filter((p) => s.dataset.rows.periodsOfCare[p.local - 1]?.previousPermanence === null);
  const period = free.find((p) => date === null || p.start >= date) ?? null;
  if (!period) {
    c.query(
      'lapp_person_id',
      LANTERN_RULES.reference,
      'No period of care of this child starts after this previous permanence order; it was not loaded.',
    );
    return;
  }
  const row = s.dataset.rows.periodsOfCare[period.local - 1];
  if (row) {
    row.previousPermanence = option;
    row.previousPermanenceDate = date;
    row.previousPermanenceDatePartial = partial;
    row.previousPermanenceLa = c.text('lapp_previous_permanence_la');
  }
}

export function readHealth(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'clah_person_id', c.id('clah_person_id', true));
  const type = c.text('clah_health_check_type');
  const date = c.date('clah_health_check_date', true);
  if (!person || type === null || date === null) return;
  if (!healthCheckHeld(c.text('clah_health_check_status'))) return;
  const kind = healthCheckKind(type);
  if (kind === null) {
    if (!s.skippedHealthTypes.has(type)) {
      s.skippedHealthTypes.add(type);
      c.query(
        'clah_health_check_type',
        LANTERN_RULES.code,
        `Health checks of type "${type}" have no place in Lantern (it keeps health assessments and dental checks); they were not loaded.`,
      );
    }
    return;
  }
  if (kind === 'dental') s.add('dentalChecks', { childId: person.local, checkDate: date }, c);
  else s.add('healthAssessments', { childId: person.local, kind, assessmentDate: date }, c);
}

export function readSdq(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'csdq_person_id', c.id('csdq_person_id', true));
  const date = c.date('csdq_sdq_completed_date', true);
  const score = c.whole('csdq_sdq_score');
  if (score !== null && (score < 0 || score > 40))
    c.problem('csdq_sdq_score', LANTERN_RULES.type, `csdq_sdq_score ${score} is not an SDQ score (0 to 40).`);
  const reason = c.code('csdq_sdq_reason', SDQ_REASONS, 'SDQ reason (SDQ1–SDQ5)');
  if (!person || date === null || c.failed) return;
  s.add('sdqScores', { childId: person.local, assessmentDate: date, score, reason }, c);
}

/**
 * ssd_missing. The SSD says only whether a return interview was offered and accepted (Y/N); Lantern keeps the
 * dates. The episode's end (the child's return, when the interview is offered) stands in for both dates, or its
 * start while it is open.
 */
export function readMissing(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'miss_person_id', c.id('miss_person_id', true));
  const start = c.instant('miss_missing_episode_start_date', true);
  const end = c.instant('miss_missing_episode_end_date');
  const typeText = c.text('miss_missing_episode_type');
  const kind = typeText === null ? undefined : missingType(typeText);
  if (typeText !== null && kind === undefined)
    c.problem(
      'miss_missing_episode_type',
      LANTERN_RULES.code,
      `miss_missing_episode_type "${typeText}" is not M (missing) or A (away from placement without authorisation).`,
    );
  const offered = c.flag('miss_missing_rhi_offered');
  const accepted = c.flag('miss_missing_rhi_accepted');
  if (!person || start === null || kind === undefined) return;
  const day = londonDay(end ?? start);
  const local = s.add(
    'missingEpisodes',
    {
      childId: person.local,
      kind,
      startAt: start,
      endAt: end,
      rhiOfferedDate: offered ? day : null,
      rhiAcceptedDate: accepted ? day : null,
      rhiCompletedAt: null,
    },
    c,
  );
  // The SSD says whether a return interview was offered and accepted, not when: the day it gives only fills a new
  // episode.
  s.dataset.standIn('missingEpisodes', local, ['rhiOfferedDate', 'rhiAcceptedDate']);
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
function londonDay(d: Date): string {
  return LONDON_DAY.format(d);
}

export function readPermanence(s: SsdReadState, c: Cells): void {
  const personId = c.id('perm_person_id', true);
  const person = s.person(c, 'perm_person_id', personId);
  const claId = c.id('perm_cla_id');
  let period: PeriodInfo | null = null;
  if (claId !== null) {
    period = s.periods.get(claId) ?? null;
    if (!period)
      c.problem(
        'perm_cla_id',
        LANTERN_RULES.reference,
        `perm_cla_id ${claId} is not a clae_cla_id in ssd_cla_episodes.`,
      );
  }
  const typeText = c.text('perm_permanence_order_type');
  const type = typeText === null ? null : (orderType(typeText) ?? null);
  if (typeText !== null && type === null)
    c.problem(
      'perm_permanence_order_type',
      LANTERN_RULES.code,
      `perm_permanence_order_type "${typeText}" is not an adoption, special guardianship or child arrangements order.`,
    );
  const adopters = c.whole('perm_number_of_adopters');
  const row = {
    admDecisionDate: c.date('perm_adm_decision_date'),
    placementOrderDate: c.date('perm_placement_order_date'),
    matchedDate: c.date('perm_matched_date'),
    placedForAdoptionDate: c.date('perm_placed_for_adoption_date'),
    ffaPlacedDate: c.date('perm_placed_ffa_cp_date'),
    decisionReversedDate: c.date('perm_decision_reversed_date'),
    decisionReversedReason: c.code(
      'perm_decision_reversed_reason',
      DECISION_REVERSED_REASONS,
      'SSDA903 reason the adoption decision was reversed (RD1–RD4)',
    ),
    orderType: type,
    orderDate: c.date('perm_permanence_order_date'),
    adoptedByFosterCarer: c.flag('perm_adopted_by_carer_flag'),
    numberOfAdopters: adopters,
    adopterSex: c.text('perm_adopter_sex')?.toUpperCase() ?? null,
    adopterLegalStatus: c.text('perm_adopter_legal_status')?.toUpperCase() ?? null,
    familyRef: null,
  };
  if (!person || personId === null || c.failed) return;
  if (period && period.person !== personId) {
    c.problem(
      'perm_person_id',
      LANTERN_RULES.reference,
      `perm_person_id ${personId} is not the person of period of care ${claId} (${period.person}).`,
    );
    return;
  }
  if (!period) {
    const first = [row.admDecisionDate, row.placementOrderDate, row.orderDate].find((d) => d !== null);
    period = first ? s.periodOn(personId, first) : null;
  }
  s.add('permanenceMilestones', { childId: person.local, periodOfCareId: period?.local ?? null, ...row }, c);
}

/**
 * ssd_care_leavers. Each SSD row may carry a contact (latest contact date with in touch, accommodation and
 * activity), a pathway plan review date, and the young person's eligibility and personal adviser. Lantern keeps
 * contacts and pathway plan reviews as they are; eligibility becomes care leaver statuses (careLeaverStatuses: a run
 * of dated rows with one eligibility is a status), each starting at its first dated row (or, with none, the end of
 * their last period of care) and ending the day before the next status starts.
 */
export function readCareLeaver(s: SsdReadState, c: Cells): void {
  const personId = c.id('clea_person_id', true);
  const person = s.person(c, 'clea_person_id', personId);
  const eligText = c.text('clea_care_leaver_eligibility');
  const elig = eligText === null ? null : (eligibility(eligText) ?? null);
  if (eligText !== null && elig === null)
    c.problem(
      'clea_care_leaver_eligibility',
      LANTERN_RULES.code,
      `clea_care_leaver_eligibility "${eligText}" is not relevant, former relevant, qualifying or eligible.`,
    );
  const contact = c.date('clea_care_leaver_latest_contact');
  const review = c.date('clea_pathway_plan_review_date');
  const inTouch = c.code('clea_care_leaver_in_touch', IN_TOUCH_CODES, 'SSDA903 in touch');
  const accomText = c.text('clea_care_leaver_accommodation');
  // The 903 writes accommodation and suitability as one code (B1: B, suitable); the SSD may too.
  const accomCode = accomText === null ? null : normaliseCode(accomText);
  const letter = accomCode === null ? null : accomCode.replace(/[12]$/, '');
  if (letter !== null && !(ACCOMMODATION_CODES as readonly string[]).includes(letter))
    c.problem(
      'clea_care_leaver_accommodation',
      LANTERN_RULES.code,
      `clea_care_leaver_accommodation "${accomText}" is not an SSDA903 accommodation code.`,
    );
  const suitableText = c.text('clea_care_leaver_accom_suitable');
  let suitable: boolean | null = suitableText === null ? null : (parseYesNo(suitableText) ?? null);
  if (suitableText !== null && suitable === null) {
    const t = suitableText.toLowerCase();
    suitable = t === '1' || t === 'suitable' ? true : t === '2' || t === 'unsuitable' ? false : null;
    if (suitable === null)
      c.problem(
        'clea_care_leaver_accom_suitable',
        LANTERN_RULES.type,
        `clea_care_leaver_accom_suitable "${suitableText}" is not Y/N or 1 (suitable) / 2 (unsuitable).`,
      );
  }
  if (suitable === null && accomCode !== null && /[12]$/.test(accomCode)) suitable = accomCode.endsWith('1');
  const activity = c.code('clea_care_leaver_activity', ACTIVITY_CODES, 'SSDA903 activity');
  if (contact !== null && inTouch === null && !c.failed)
    c.problem(
      'clea_care_leaver_in_touch',
      LANTERN_RULES.required,
      'clea_care_leaver_in_touch is blank but the row has a latest contact date: a contact needs whether the young person was in touch.',
    );
  if (!person || personId === null || c.failed) return;
  if (contact !== null && inTouch !== null) {
    s.add(
      'careLeaverContacts',
      {
        childId: person.local,
        contactDate: contact,
        inTouch,
        accommodation: letter,
        accommodationSuitable: suitable,
        activity,
      },
      c,
    );
  }
  if (review !== null) {
    const key = `${personId}|${review}`;
    if (!s.pathwayReviews.has(key)) {
      s.pathwayReviews.add(key);
      s.add('pathwayPlanReviews', { childId: person.local, reviewDate: review }, c);
    }
  }
  if (elig !== null) {
    const workerRef = c.id('clea_care_leaver_worker_id');
    const teamId = s.team(c.text('clea_care_leaver_allocated_team'));
    const list = s.careLeaverRows.get(personId) ?? [];
    list.push({ cells: c, local: person.local, eligibility: elig, date: contact ?? review, workerRef, teamId });
    s.careLeaverRows.set(personId, list);
  }
}

type CareLeaverRow = SsdReadState['careLeaverRows'] extends Map<string, Array<infer R>> ? R : never;

/** One care leaver status as the extract shows it: an eligibility, its rows, and its first dated row (if any). */
interface StatusRows {
  eligibility: string;
  first: string | null;
  rows: CareLeaverRow[];
}

/**
 * A young person's statuses from their ssd_care_leavers rows. The dated rows (contacts, reviews), in date order,
 * fall into runs of one eligibility: each run is a status, beginning on or before its first row. A row with no date
 * (a status row: eligibility and personal adviser) belongs to a run of its eligibility, the k-th such row to the k-th
 * run (an extract lists a young person's statuses in the order they began); one with no run of its eligibility is a
 * status with no dated row, one per eligibility.
 */
function careLeaverStatuses(rows: readonly CareLeaverRow[]): StatusRows[] {
  const dated = rows.filter((r) => r.date !== null).sort((a, b) => (a.date as string).localeCompare(b.date as string));
  const runs: StatusRows[] = [];
  for (const r of dated) {
    const last = runs[runs.length - 1];
    if (last?.eligibility === r.eligibility) last.rows.push(r);
    else runs.push({ eligibility: r.eligibility, first: r.date, rows: [r] });
  }
  const undated: StatusRows[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.date !== null) continue;
    const k = seen.get(r.eligibility) ?? 0;
    seen.set(r.eligibility, k + 1);
    const ofEligibility = runs.filter((x) => x.eligibility === r.eligibility);
    const run = ofEligibility[Math.min(k, ofEligibility.length - 1)];
    const alone = undated.find((x) => x.eligibility === r.eligibility);
    if (run) run.rows.push(r);
    else if (alone) alone.rows.push(r);
    else undated.push({ eligibility: r.eligibility, first: null, rows: [r] });
  }
  return [...runs, ...undated];
}

export function finishCareLeavers(s: SsdReadState): void {
  for (const [personId, rows] of s.careLeaverRows) {
    const statuses = careLeaverStatuses(rows);
    const periods = s.periodsByPerson.get(personId) ?? [];
    const lastEnd = periods.length > 0 ? (periods[periods.length - 1]?.end ?? null) : null;
    const first = rows[0] as CareLeaverRow;
    const fallback = lastEnd ?? s.latest ?? s.today;
    const starts = statuses.map((st) => st.first ?? fallback);
    const ordered = [...new Set(starts)].sort();
    // Statuses with a dated row first, so that one without takes only a held status none of them is.
    statuses.forEach((st, i) => {
      const start = starts[i] as string;
      const next = ordered.find((d) => d > start);
      const withWorker = [...st.rows].reverse().find((r) => r.workerRef !== null);
      const pa = withWorker ? s.worker(withWorker.workerRef, start, withWorker.teamId) : null;
      const id = s.add(
        'careLeavers',
        {
          childId: first.local,
          eligibility: st.eligibility,
          startDate: start,
          endDate: next === undefined ? null : addDays(next, -1),
          personalAdviserId: pa,
          paLinkedDate: null,
          stayingPut: false,
          stayingPutStartDate: null,
        },
        (st.rows[0] ?? first).cells,
      );
      // The SSD gives no start or end for a status, but its eligibility exactly: it is the held status of that
      // eligibility that began on or before its first dated row (nearest first), or, with no dated row, the held one
      // of that eligibility nearest the stand-in start. The end inferred from the next status only fills a new one.
      s.dataset.keyWithin('careLeavers', id, {
        column: 'startDate',
        from: null,
        to: st.first,
        match: ['eligibility'],
      });
      s.dataset.standIn('careLeavers', id, ['endDate', 'stayingPut']);
    });
    // Statuses the extract dates (an undated one's start is Lantern's stand-in, not the record's).
    const dated = statuses
      .filter((st) => st.first !== null)
      .map((st) => ({ eligibility: st.eligibility, start: st.first as string }));
    for (const st of statuses) {
      if (st.first === null) continue;
      const why = eligibleAfterLeaving(st.eligibility, st.first, dated, periods);
      if (why !== null) (st.rows[0] ?? first).cells.query('clea_care_leaver_eligibility', LEAVER_QUERY, why);
    }
  }
  s.careLeaverRows.clear();
}

/** The query for a care leaver history Lantern has to read around (the care leaver figures and the 903's OC3). */
const LEAVER_QUERY = 'LNT-LEAVER';

/**
 * Why an "eligible" status (from `start`) cannot be right, or null: eligible means aged 16–17 and looked after, so an
 * eligible status that begins when no period of care in the extract holds its start, after a relevant or former
 * relevant status ("flips back" after leaving care) or after a period of care ended, says what the law makes
 * relevant (16–17) or former relevant (18 and over). Back in care, eligible again is right. Lantern counts such a young person as
 * relevant or former relevant once no longer looked after (indicators/areas/oc3-cohort.ts); the record should say so.
 */
export function eligibleAfterLeaving(
  eligibility: string,
  start: string,
  statuses: ReadonlyArray<{ eligibility: string; start: string }>,
  periods: ReadonlyArray<{ start: string; end: string | null }>,
): string | null {
  if (eligibility !== 'eligible') return null;
  // Back in care (a period holds the start): eligible again, as the law has it.
  if (periods.some((p) => p.start <= start && (p.end === null || p.end > start))) return null;
  const before = statuses.find(
    (x) => (x.eligibility === 'relevant' || x.eligibility === 'former-relevant') && x.start <= start,
  );
  if (before)
    return `The care leaver record says eligible from ${start}, after a ${before.eligibility} record from ${before.start}: a young person who has left care is relevant (16–17) or former relevant (18 and over), not eligible. Lantern counts them as relevant or former relevant while not looked after; correct the record in the case system.`;
  if (periods.some((p) => p.end !== null && p.end <= start))
    return `The care leaver record says eligible from ${start}, when the young person was not looked after (their period of care had ended): an eligible child who has left care is relevant (16–17) or former relevant (18 and over). Lantern counts them so; correct the record in the case system.`;
  return null;
}
