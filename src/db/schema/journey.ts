/**
 * From the front door to child protection and the courts: contacts, early help, referrals (CIN episodes),
 * assessments, strategy discussions, section 47 enquiries, ICPCs, CIN plans, CP plans and reviews, visits,
 * pre-proceedings (PLO) and care proceedings.
 * SSD: ssd_contacts, ssd_early_help_episodes, ssd_cin_episodes, ssd_cin_assessments, ssd_assessment_factors,
 * ssd_s47_enquiry, ssd_initial_cp_conference, ssd_cin_plans, ssd_cp_plans, ssd_cp_reviews, ssd_cin_visits,
 * ssd_cp_visits, ssd_cla_visits, ssd_pre_proceedings.
 */
import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { authorityId, day, id, ref, importBatchId } from './columns';
import { childId } from './children';

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    contactDate: day('contact_date').notNull(),
    /** CIN census ReferralSource code (1A … 10). */
    source: text('source').notNull(),
    /** The MASH / front-door decision: nfa, information-advice, early-help, referral. */
    mashDecision: text('mash_decision'),
    decisionDate: day('decision_date'),
    /** B, R, A or G. */
    bragInitial: text('brag_initial'),
    bragFinal: text('brag_final'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('contacts_import_batch').on(t.importBatchId),
    index('contacts_child').on(t.childId),
    index('contacts_authority_date').on(t.authorityId, t.contactDate),
  ],
);

export const earlyHelpEpisodes = pgTable(
  'early_help_episodes',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    contactId: ref('contact_id'),
    requestDate: day('request_date').notNull(),
    allocationDate: day('allocation_date'),
    assessmentStartDate: day('assessment_start_date'),
    assessmentCompletionDate: day('assessment_completion_date'),
    /** Organisation completing the early help assessment (Annex A List 2). */
    organisation: text('organisation'),
    endDate: day('end_date'),
    /** needs-met, stepped-up, disengaged, moved-away, other. */
    outcome: text('outcome'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('early_help_episodes_import_batch').on(t.importBatchId),
    index('early_help_child').on(t.childId),
    index('early_help_authority_date').on(t.authorityId, t.requestDate),
  ],
);

/** A referral and the CIN episode it opens (CIN census CINdetails). */
export const cinEpisodes = pgTable(
  'cin_episodes',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    contactId: ref('contact_id'),
    referralDate: day('referral_date').notNull(),
    referralSource: text('referral_source').notNull(),
    /** N0–N9. */
    primaryNeedCode: text('primary_need_code'),
    referralNfa: boolean('referral_nfa').notNull().default(false),
    closureDate: day('closure_date'),
    /** RC1–RC9. */
    closureReason: text('closure_reason'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('cin_episodes_import_batch').on(t.importBatchId),
    index('cin_episodes_child').on(t.childId),
    index('cin_episodes_authority_date').on(t.authorityId, t.referralDate),
  ],
);

export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    startDate: day('start_date').notNull(),
    authorisationDate: day('authorisation_date'),
    childSeen: boolean('child_seen'),
    childSeenDate: day('child_seen_date'),
    childSeenAlone: boolean('child_seen_alone'),
    /** CIN census AssessmentFactors codes (1A … 24A). */
    factors: text('factors').array(),
    /** Was the child assessed as requiring LA children's social care support? */
    furtherServices: boolean('further_services'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('assessments_import_batch').on(t.importBatchId),
    index('assessments_child').on(t.childId),
    index('assessments_authority_start').on(t.authorityId, t.startDate),
  ],
);

export const strategyDiscussions = pgTable(
  'strategy_discussions',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    discussionDate: day('discussion_date').notNull(),
    policePresent: boolean('police_present').notNull(),
    healthPresent: boolean('health_present').notNull(),
    educationPresent: boolean('education_present').notNull(),
    /** s47, no-s47. */
    outcome: text('outcome').notNull(),
  },
  (t) => [
    index('strategy_discussions_import_batch').on(t.importBatchId),
    index('strategy_discussions_child').on(t.childId),
  ],
);

export const s47Enquiries = pgTable(
  's47_enquiries',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    strategyDiscussionId: ref('strategy_discussion_id'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    icpcNotRequired: boolean('icpc_not_required').notNull().default(false),
    /** icpc, nfa, cin-plan. */
    outcome: text('outcome'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('s47_enquiries_import_batch').on(t.importBatchId),
    index('s47_child').on(t.childId),
    index('s47_authority_start').on(t.authorityId, t.startDate),
  ],
);

export const initialCpConferences = pgTable(
  'initial_cp_conferences',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    s47EnquiryId: ref('s47_enquiry_id'),
    transferIn: boolean('transfer_in').notNull().default(false),
    /** 15 working days after the strategy discussion that started the S47. */
    targetDate: day('target_date'),
    conferenceDate: day('conference_date').notNull(),
    outcomeCpPlan: boolean('outcome_cp_plan').notNull(),
  },
  (t) => [
    index('initial_cp_conferences_import_batch').on(t.importBatchId),
    index('icpc_child').on(t.childId),
    index('icpc_authority_date').on(t.authorityId, t.conferenceDate),
  ],
);

export const cinPlans = pgTable(
  'cin_plans',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('cin_plans_import_batch').on(t.importBatchId),
    index('cin_plans_child').on(t.childId),
    index('cin_plans_authority_start').on(t.authorityId, t.startDate),
  ],
);

export const cpPlans = pgTable(
  'cp_plans',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id').notNull(),
    icpcId: ref('icpc_id'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** NEG, PHY, SAB, EMO, MUL. */
    initialCategory: text('initial_category').notNull(),
    latestCategory: text('latest_category').notNull(),
    numberOfPreviousPlans: integer('number_of_previous_plans').notNull().default(0),
    /** Subject to an EPO or police protection in the six months before the plan (Annex A List 7). */
    epoOrPoliceProtection: boolean('epo_or_police_protection').notNull().default(false),
    teamId: integer('team_id'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('cp_plans_import_batch').on(t.importBatchId),
    index('cp_plans_child').on(t.childId),
    index('cp_plans_authority_start').on(t.authorityId, t.startDate),
  ],
);

export const cpReviews = pgTable(
  'cp_reviews',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cpPlanId: ref('cp_plan_id').notNull(),
    dueDate: day('due_date'),
    reviewDate: day('review_date').notNull(),
    quorate: boolean('quorate'),
    /** How the child took part: attended, views-conveyed, did-not-participate, under-4. */
    participation: text('participation'),
  },
  (t) => [
    index('cp_reviews_import_batch').on(t.importBatchId),
    index('cp_reviews_child').on(t.childId),
    index('cp_reviews_plan').on(t.cpPlanId),
  ],
);

/** Statutory and other visits by the child's worker. */
export const visits = pgTable(
  'visits',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** cin, cp, cla, care-leaver, private-fostering. */
    kind: text('kind').notNull(),
    visitDate: day('visit_date').notNull(),
    seen: boolean('seen').notNull(),
    seenAlone: boolean('seen_alone'),
    workerId: integer('worker_id'),
  },
  (t) => [
    index('visits_import_batch').on(t.importBatchId),
    index('visits_child').on(t.childId, t.visitDate),
    index('visits_authority_date').on(t.authorityId, t.visitDate),
  ],
);

/** Public Law Outline pre-proceedings (CIN census 2026/27 PreProceedingsandFGDM). */
export const preProceedings = pgTable(
  'pre_proceedings',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    cinEpisodeId: ref('cin_episode_id'),
    startDate: day('start_date').notNull(),
    letterBeforeProceedingsDate: day('letter_before_proceedings_date'),
    familyGroupDecisionOffered: boolean('fgdm_offered'),
    initialMeetingDate: day('initial_meeting_date'),
    reviewMeetings: integer('review_meetings').notNull().default(0),
    decisionDate: day('decision_date'),
    endDate: day('end_date'),
    /** proceedings-issued, step-down, ongoing. */
    outcome: text('outcome'),
  },
  (t) => [index('pre_proceedings_import_batch').on(t.importBatchId), index('pre_proceedings_child').on(t.childId)],
);

export const careProceedings = pgTable(
  'care_proceedings',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    preProceedingsId: ref('pre_proceedings_id'),
    issueDate: day('issue_date').notNull(),
    finalHearingDate: day('final_hearing_date'),
    /** care-order, placement-order, sgo, child-arrangements-order, supervision-order, no-order, withdrawn. */
    finalOrder: text('final_order'),
    endDate: day('end_date'),
  },
  (t) => [index('care_proceedings_import_batch').on(t.importBatchId), index('care_proceedings_child').on(t.childId)],
);
