/**
 * From the front door to child protection: ssd_contacts, ssd_early_help_episodes, ssd_cin_episodes,
 * ssd_cin_assessments with ssd_assessment_factors, ssd_s47_enquiry, ssd_initial_cp_conference, ssd_cin_plans,
 * ssd_cp_plans, ssd_cp_reviews, the three visit tables and ssd_pre_proceedings.
 *
 * Outcome JSON: the SSD's outcome columns are objects of Y/N flags. Lantern reads the flags that decide its own
 * outcome (contacts: NEW_REFERRAL / EXISTING_REFERRAL / CP_ENQUIRY → referral, ADVICE → information-advice,
 * NFA → nfa; S47: CP_CONFERENCE → icpc, PROV_OF_SERVICES → cin-plan, NFA → nfa) and a few keys Lantern's own
 * export adds where the SSD has no column (EARLY_HELP_FLAG, DECISION_DATE, BRAG_INITIAL, BRAG_FINAL on contacts;
 * ICPC_NOT_REQUIRED_FLAG on S47s). Other keys are ignored.
 */
import {
  assessmentFactorsFor,
  CATEGORIES_OF_ABUSE,
  closureReasonsFor,
  collectionYearOf,
  PRIMARY_NEED_CODES,
  referralSourcesFor,
} from '../../../../domain/code-lists';
import { normaliseCode, parseDate } from '../../fields';
import { LANTERN_RULES } from '../../issues';
import type { Cells } from './cells';
import { anyYear } from './codes';
import { asObject, flagSet, textOf } from './json-flags';
import type { ReferralInfo, SsdReadState } from './state';

const BRAG = ['B', 'R', 'A', 'G'];
const ALL_SOURCES = anyYear(referralSourcesFor);
const ALL_CLOSURE_REASONS = anyYear(closureReasonsFor);
const ALL_FACTORS = anyYear(assessmentFactorsFor);

export function readContact(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'cont_person_id', c.id('cont_person_id', true));
  const date = c.date('cont_contact_date', true);
  const source =
    date === null
      ? null
      : c.code(
          'cont_contact_source_code',
          referralSourcesFor(collectionYearOf(date)),
          'CIN census referral source',
          true,
          ALL_SOURCES,
        );
  const outcome = asObject(c.json('cont_contact_outcome_json'));
  const decision =
    flagSet(outcome, 'NEW_REFERRAL_FLAG') ||
    flagSet(outcome, 'EXISTING_REFERRAL_FLAG') ||
    flagSet(outcome, 'CP_ENQUIRY_FLAG')
      ? 'referral'
      : flagSet(outcome, 'EARLY_HELP_FLAG')
        ? 'early-help'
        : flagSet(outcome, 'ADVICE_FLAG')
          ? 'information-advice'
          : flagSet(outcome, 'NFA_FLAG')
            ? 'nfa'
            : null;
  const decisionText = textOf(outcome, 'DECISION_DATE');
  const decisionDate = decisionText === null ? null : parseDate(decisionText);
  if (decisionText !== null && decisionDate === null)
    c.problem(
      'cont_contact_outcome_json',
      LANTERN_RULES.type,
      `DECISION_DATE "${decisionText}" in cont_contact_outcome_json is not a date.`,
    );
  const brag = (key: string): string | null => {
    const v = textOf(outcome, key)?.toUpperCase() ?? null;
    if (v !== null && !BRAG.includes(v))
      c.problem(
        'cont_contact_outcome_json',
        LANTERN_RULES.code,
        `${key} "${v}" in cont_contact_outcome_json is not B, R, A or G.`,
      );
    return v !== null && BRAG.includes(v) ? v : null;
  };
  const bragInitial = brag('BRAG_INITIAL');
  const bragFinal = brag('BRAG_FINAL');
  if (!person || date === null || source === null) return;
  s.add(
    'contacts',
    {
      childId: person.local,
      contactDate: date,
      source,
      mashDecision: decision,
      decisionDate,
      bragInitial,
      bragFinal,
      teamId: null,
      workerId: null,
    },
    c,
  );
}

export function readEarlyHelp(s: SsdReadState, c: Cells): void {
  const person = s.person(c, 'earl_person_id', c.id('earl_person_id', true));
  const start = c.date('earl_episode_start_date', true);
  const end = c.date('earl_episode_end_date');
  if (!person || start === null) return;
  s.add(
    'earlyHelpEpisodes',
    {
      childId: person.local,
      contactId: null,
      requestDate: start,
      allocationDate: null,
      assessmentStartDate: null,
      assessmentCompletionDate: null,
      organisation: c.text('earl_episode_organisation'),
      endDate: end,
      outcome: c.text('earl_episode_end_reason'),
      teamId: null,
      workerId: s.worker(c.id('earl_episode_worker_id'), start),
    },
    c,
  );
}

export function readCinEpisode(s: SsdReadState, c: Cells): void {
  const id = c.id('cine_referral_id') as string;
  const personId = c.id('cine_person_id', true);
  const person = s.person(c, 'cine_person_id', personId);
  const date = c.date('cine_referral_date', true);
  const closed = c.date('cine_close_date');
  const year = collectionYearOf(closed ?? date ?? '2000-01-01');
  const source =
    date === null
      ? null
      : c.code(
          'cine_referral_source_code',
          referralSourcesFor(collectionYearOf(date)),
          'CIN census referral source',
          true,
          ALL_SOURCES,
        );
  const need = c.code('cine_cin_primary_need_code', PRIMARY_NEED_CODES, 'CIN primary need (N0–N9)');
  const reason = c.code(
    'cine_close_reason',
    closureReasonsFor(year),
    'CIN reason for closure',
    false,
    ALL_CLOSURE_REASONS,
  );
  const nfa = c.flag('cine_referral_nfa');
  c.json('cine_referral_outcome_json');
  if (!person || personId === null || date === null || source === null) return;
  const local = s.add(
    'cinEpisodes',
    {
      childId: person.local,
      contactId: null,
      referralDate: date,
      referralSource: source,
      primaryNeedCode: need,
      referralNfa: nfa ?? false,
      closureDate: closed,
      closureReason: reason,
      teamId: s.team(c.text('cine_referral_team')),
      workerId: s.worker(c.id('cine_referral_worker_id'), date),
    },
    c,
  );
  s.rememberReferral(id, { local, person: personId, referralDate: date, closureDate: closed });
}

/** The referral a row belongs to, also checking that the row's own person (if it names one) is the referral's. */
function referralOf(s: SsdReadState, c: Cells, referralColumn: string, personColumn: string): ReferralInfo | null {
  const referral = s.referral(c, referralColumn, c.id(referralColumn, true));
  if (!referral) return null;
  const personId = c.id(personColumn);
  c.child = referral.person;
  if (personId !== null && personId !== referral.person) {
    c.problem(
      personColumn,
      LANTERN_RULES.reference,
      `${personColumn} ${personId} is not the person of referral ${c.id(referralColumn)} (${referral.person}).`,
    );
    return null;
  }
  return referral;
}

const childOf = (s: SsdReadState, r: ReferralInfo): number =>
  s.dataset.rows.cinEpisodes[r.local - 1]?.childId as number;

export function readAssessment(s: SsdReadState, c: Cells): void {
  const id = c.id('cina_assessment_id') as string;
  const referral = referralOf(s, c, 'cina_referral_id', 'cina_person_id');
  const start = c.date('cina_assessment_start_date', true);
  const authorised = c.date('cina_assessment_auth_date');
  const seen = c.flag('cina_assessment_child_seen');
  const nfa = c.flag('cina_assessment_outcome_nfa');
  c.json('cina_assessment_outcome_json');
  if (!referral || start === null) return;
  const local = s.add(
    'assessments',
    {
      childId: childOf(s, referral),
      cinEpisodeId: referral.local,
      startDate: start,
      authorisationDate: authorised,
      childSeen: seen,
      childSeenDate: null,
      childSeenAlone: null,
      factors: null,
      // An assessment ending in no further action did not find the child needed children's social care support.
      furtherServices: nfa === null ? null : !nfa,
      teamId: s.team(c.text('cina_assessment_team')),
      workerId: s.worker(c.id('cina_assessment_worker_id'), start),
    },
    c,
  );
  s.assessments.set(id, local);
}

/** ssd_assessment_factors: ["1A","2B"] (keys only) or {"1A": "Yes", "2B": "No"} (the flagged keys). */
export function readAssessmentFactors(s: SsdReadState, c: Cells): void {
  const assessmentId = c.id('cinf_assessment_id', true);
  const json = c.json('cinf_assessment_factors_json');
  if (assessmentId === null) return;
  const local = s.assessments.get(assessmentId);
  if (local === undefined) {
    c.problem(
      'cinf_assessment_id',
      LANTERN_RULES.reference,
      `cinf_assessment_id ${assessmentId} is not in ssd_cin_assessments.`,
    );
    return;
  }
  const assessment = s.dataset.rows.assessments[local - 1];
  if (!assessment || c.failed) return;
  c.child = s.dataset.rows.children[assessment.childId - 1]?.laChildId ?? null;
  let codes: string[];
  if (Array.isArray(json)) codes = json.map((v) => normaliseCode(String(v)));
  else if (asObject(json))
    codes = Object.keys(json as object)
      .filter((k) => flagSet(json as Record<string, unknown>, k))
      .map(normaliseCode);
  else {
    c.problem(
      'cinf_assessment_factors_json',
      LANTERN_RULES.type,
      'cinf_assessment_factors_json is neither a list of factor codes nor an object of flags.',
    );
    return;
  }
  const list = assessmentFactorsFor(collectionYearOf(assessment.authorisationDate ?? assessment.startDate));
  const bad = codes.filter((code) => !ALL_FACTORS.includes(code));
  const otherYear = codes.filter((code) => !list.includes(code) && ALL_FACTORS.includes(code));
  if (otherYear.length > 0)
    c.query(
      'cinf_assessment_factors_json',
      LANTERN_RULES.code,
      `${otherYear.join(', ')} ${otherYear.length === 1 ? 'is not an assessment factor code' : 'are not assessment factor codes'} in the collection year of the assessment, though valid in another year; kept.`,
    );
  if (bad.length > 0) {
    c.problem(
      'cinf_assessment_factors_json',
      LANTERN_RULES.code,
      `${bad.join(', ')} ${bad.length === 1 ? 'is not an assessment factor code' : 'are not assessment factor codes'} for the year of the assessment.`,
    );
    return;
  }
  const merged = new Set([...(assessment.factors ?? []), ...codes]);
  assessment.factors = [...merged];
}

export function readS47(s: SsdReadState, c: Cells): void {
  const id = c.id('s47e_s47_enquiry_id') as string;
  const referral = referralOf(s, c, 's47e_referral_id', 's47e_person_id');
  const start = c.date('s47e_s47_start_date', true);
  const end = c.date('s47e_s47_end_date');
  const nfa = c.flag('s47e_s47_nfa');
  const outcome = asObject(c.json('s47e_s47_outcome_json'));
  const decided = flagSet(outcome, 'CP_CONFERENCE_FLAG')
    ? 'icpc'
    : flagSet(outcome, 'PROV_OF_SERVICES_FLAG')
      ? 'cin-plan'
      : flagSet(outcome, 'NFA_FLAG') || nfa === true
        ? 'nfa'
        : null;
  if (!referral || start === null) return;
  const local = s.add(
    's47Enquiries',
    {
      childId: childOf(s, referral),
      cinEpisodeId: referral.local,
      strategyDiscussionId: null,
      startDate: start,
      endDate: end,
      icpcNotRequired: flagSet(outcome, 'ICPC_NOT_REQUIRED_FLAG'),
      outcome: decided,
      teamId: s.team(c.text('s47e_s47_completed_by_team')),
      workerId: s.worker(c.id('s47e_s47_completed_by_worker_id'), start),
    },
    c,
  );
  s.s47s.set(id, local);
}

export function readIcpc(s: SsdReadState, c: Cells): void {
  const id = c.id('icpc_icpc_id') as string;
  const referral = referralOf(s, c, 'icpc_referral_id', 'icpc_person_id');
  const s47Id = c.id('icpc_s47_enquiry_id');
  const s47 = s47Id === null ? null : (s.s47s.get(s47Id) ?? null);
  if (s47Id !== null && s47 === null)
    c.problem(
      'icpc_s47_enquiry_id',
      LANTERN_RULES.reference,
      `icpc_s47_enquiry_id ${s47Id} is not in ssd_s47_enquiry.`,
    );
  const date = c.date('icpc_icpc_date', true);
  const target = c.date('icpc_icpc_target_date');
  const transfer = c.flag('icpc_icpc_transfer_in');
  const plan = c.flag('icpc_icpc_outcome_cp_flag');
  if (plan === null && !c.failed)
    c.problem(
      'icpc_icpc_outcome_cp_flag',
      LANTERN_RULES.required,
      'icpc_icpc_outcome_cp_flag is blank; Y or N is needed (did the conference decide on a child protection plan?).',
    );
  c.json('icpc_icpc_outcome_json');
  if (!referral || date === null || plan === null) return;
  const local = s.add(
    'initialCpConferences',
    {
      childId: childOf(s, referral),
      cinEpisodeId: referral.local,
      s47EnquiryId: s47,
      transferIn: transfer ?? false,
      targetDate: target,
      conferenceDate: date,
      outcomeCpPlan: plan,
    },
    c,
  );
  s.icpcs.set(id, local);
}

export function readCinPlan(s: SsdReadState, c: Cells): void {
  const referral = referralOf(s, c, 'cinp_referral_id', 'cinp_person_id');
  const start = c.date('cinp_cin_plan_start_date', true);
  const end = c.date('cinp_cin_plan_end_date');
  if (!referral || start === null) return;
  s.add(
    'cinPlans',
    {
      childId: childOf(s, referral),
      cinEpisodeId: referral.local,
      startDate: start,
      endDate: end,
      teamId: s.team(c.text('cinp_cin_plan_team')),
      workerId: s.worker(c.id('cinp_cin_plan_worker_id'), start),
    },
    c,
  );
}

/**
 * ssd_cp_plans. The SSD's cppl_referral_id is optional; Lantern files every plan under a referral, so a plan
 * without one goes under the child's referral open on the plan's start date, and is an error if there is none.
 */
export function readCpPlan(s: SsdReadState, c: Cells): void {
  const id = c.id('cppl_cp_plan_id') as string;
  const personId = c.id('cppl_person_id', true);
  const person = s.person(c, 'cppl_person_id', personId);
  const start = c.date('cppl_cp_plan_start_date', true);
  const end = c.date('cppl_cp_plan_end_date');
  const initial = c.code('cppl_cp_plan_initial_category', CATEGORIES_OF_ABUSE, 'category of abuse', true);
  const latest = c.code('cppl_cp_plan_latest_category', CATEGORIES_OF_ABUSE, 'category of abuse');
  const icpcId = c.id('cppl_icpc_id');
  const icpc = icpcId === null ? null : (s.icpcs.get(icpcId) ?? null);
  if (icpcId !== null && icpc === null)
    c.problem('cppl_icpc_id', LANTERN_RULES.reference, `cppl_icpc_id ${icpcId} is not in ssd_initial_cp_conference.`);
  if (!person || personId === null || start === null || initial === null) return;
  const referralId = c.id('cppl_referral_id');
  let referral: ReferralInfo | null;
  if (referralId !== null) {
    referral = s.referral(c, 'cppl_referral_id', referralId);
    if (referral && referral.person !== personId) {
      c.problem(
        'cppl_person_id',
        LANTERN_RULES.reference,
        `cppl_person_id ${personId} is not the person of referral ${referralId} (${referral.person}).`,
      );
      return;
    }
  } else {
    referral = s.referralOn(personId, start);
    if (!referral)
      c.problem(
        'cppl_referral_id',
        LANTERN_RULES.reference,
        `cppl_referral_id is blank and the child has no referral open on ${start}, the plan's start: a plan must belong to a referral.`,
      );
  }
  if (!referral) return;
  const local = s.add(
    'cpPlans',
    {
      childId: person.local,
      cinEpisodeId: referral.local,
      icpcId: icpc,
      startDate: start,
      endDate: end,
      initialCategory: initial,
      latestCategory: latest ?? initial,
      numberOfPreviousPlans: 0,
      epoOrPoliceProtection: false,
      teamId: null,
      workerId: null,
    },
    c,
  );
  // The SSD carries neither the number of previous plans nor an EPO: 0 and false only fill a new plan.
  s.dataset.standIn('cpPlans', local, ['numberOfPreviousPlans', 'epoOrPoliceProtection']);
  s.cpPlans.set(id, { local, person: personId });
}

export function readCpReview(s: SsdReadState, c: Cells): void {
  const planId = c.id('cppr_cp_plan_id', true);
  const plan = planId === null ? undefined : s.cpPlans.get(planId);
  if (planId !== null && !plan)
    c.problem('cppr_cp_plan_id', LANTERN_RULES.reference, `cppr_cp_plan_id ${planId} is not in ssd_cp_plans.`);
  if (plan) c.child = plan.person;
  const due = c.date('cppr_cp_review_due');
  const date = c.date('cppr_cp_review_date', true);
  const quorate = c.flag('cppr_cp_review_quorate');
  if (!plan || date === null) return;
  const childId = s.dataset.rows.cpPlans[plan.local - 1]?.childId as number;
  s.add(
    'cpReviews',
    {
      childId,
      cpPlanId: plan.local,
      dueDate: due,
      reviewDate: date,
      quorate,
      participation: c.text('cppr_cp_review_participation'),
    },
    c,
  );
}

function readVisit(s: SsdReadState, c: Cells, kind: 'cin' | 'cp' | 'cla', prefix: string): void {
  const person = s.person(c, `${prefix}_person_id`, c.id(`${prefix}_person_id`, true));
  const date = c.date(`${prefix}_${kind}_visit_date`, true);
  const seen = c.flag(`${prefix}_${kind}_visit_seen`);
  if (seen === null && !c.failed)
    c.problem(
      `${prefix}_${kind}_visit_seen`,
      LANTERN_RULES.required,
      `${prefix}_${kind}_visit_seen is blank; Y or N is needed (was the child seen?).`,
    );
  const alone = c.flag(`${prefix}_${kind}_visit_seen_alone`);
  if (!person || date === null || seen === null) return;
  s.add('visits', { childId: person.local, kind, visitDate: date, seen, seenAlone: alone, workerId: null }, c);
}

export const readCinVisit = (s: SsdReadState, c: Cells) => {
  readVisit(s, c, 'cin', 'cinv');
};
export const readCpVisit = (s: SsdReadState, c: Cells) => {
  readVisit(s, c, 'cp', 'cppv');
};
export const readClaVisit = (s: SsdReadState, c: Cells) => {
  readVisit(s, c, 'cla', 'clav');
};

/**
 * ssd_pre_proceedings: the decision to enter pre-proceedings starts it; the date it was agreed to step down or to
 * issue proceedings is both Lantern's decision date and its end. The SSD names no referral: the child's referral
 * open when pre-proceedings began is used, if there is one.
 */
export function readPreProceedings(s: SsdReadState, c: Cells): void {
  const personId = c.id('prep_person_id', true);
  const person = s.person(c, 'prep_person_id', personId);
  const start = c.date('prep_pre_pro_decision_date', true);
  const decided = c.date('prep_agree_stepdown_issue_date');
  const meetings = c.whole('prep_pre_pro_meetings_num');
  if (!person || personId === null || start === null) return;
  s.add(
    'preProceedings',
    {
      childId: person.local,
      cinEpisodeId: s.referralOn(personId, start)?.local ?? null,
      startDate: start,
      letterBeforeProceedingsDate: c.date('prep_pre_pro_letter_date'),
      familyGroupDecisionOffered: null,
      initialMeetingDate: c.date('prep_initial_pre_pro_meeting_date'),
      reviewMeetings: meetings ?? 0,
      decisionDate: decided,
      endDate: decided,
      outcome: c.text('prep_pre_pro_outcome'),
    },
    c,
  );
}
