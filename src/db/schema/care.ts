/**
 * Children in care, permanence and care leavers: periods of care with legal statuses and placements,
 * looked-after reviews, health and dental checks, SDQ scores, PEPs, missing and away episodes with return home
 * interviews, adoption and SGO milestones, care leaver eligibility, pathway plans, contacts and status.
 * SSD: ssd_cla_episodes, ssd_legal_status, ssd_cla_placement, ssd_cla_reviews, ssd_cla_health, ssd_sdq_scores,
 * ssd_cla_care_plan, ssd_missing, ssd_permanence, ssd_care_leavers, ssd_cla_previous_permanence.
 */
import { boolean, index, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';
import { authorityId, day, id, instant, ref, importBatchId } from './columns';
import { childId } from './children';

/** A continuous period of being looked after (one or more SSDA903 episodes). */
export const periodsOfCare = pgTable(
  'periods_of_care',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** SSDA903 REC code when the period ended (E11 … E48). */
    reasonCeased: text('reason_ceased'),
    /** SSDA903 CIN: category of need N1–N8. */
    categoryOfNeed: text('category_of_need').notNull(),
    homePostcodeDistrict: text('home_postcode_district'),
    /** SSDA903 HOME_POST: the full postcode of the child's home when the period began (decision 0027), e.g. N12 0AB. */
    homePostcode: text('home_postcode'),
    /** a) Return to family … g) other (Annex A List 8 permanence plan), as a short code. */
    permanencePlan: text('permanence_plan'),
    permanencePlanDate: day('permanence_plan_date'),
    /** SSDA903 PrevPerm: P1–P4 or Z1 and its date. */
    previousPermanence: text('previous_permanence'),
    previousPermanenceDate: day('previous_permanence_date'),
    /** SSDA903 DATE_PERM when part of it is not known, as the 903 writes it (ZZ/05/2019, ZZ/ZZ/ZZZZ); else null. */
    previousPermanenceDatePartial: text('previous_permanence_date_partial'),
    /** SSDA903 LA_PERM: where the previous permanence order was arranged (a DfE LA number, WAL, SCO, NIR or NUK). */
    previousPermanenceLa: text('previous_permanence_la'),
    /**
     * When the period began before the earliest record Lantern holds of it (a 903 for a later year carries only
     * the episodes open in that year): the SSDA903 RNE of that earliest episode (L, P, T, U or B), so that the
     * period is not mistaken for a new start (RNE S). Null when the period's start is known.
     */
    continuedFrom: text('continued_from'),
  },
  (t) => [
    index('periods_of_care_import_batch').on(t.importBatchId),
    index('periods_of_care_child').on(t.childId),
    index('periods_of_care_authority').on(t.authorityId, t.startDate),
  ],
);

export const legalStatuses = pgTable(
  'legal_statuses',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    periodOfCareId: ref('period_of_care_id').notNull(),
    /** SSDA903 LS: C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3. */
    legalStatus: text('legal_status').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
  },
  (t) => [index('legal_statuses_import_batch').on(t.importBatchId), index('legal_statuses_child').on(t.childId)],
);

export const placements = pgTable(
  'placements',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    periodOfCareId: ref('period_of_care_id').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    /** SSDA903 PLACE (U1 … Z14). */
    placementType: text('placement_type').notNull(),
    /** SSDA903 PLACE_PROVIDER PR0–PR5. */
    provider: text('provider'),
    /** A reference for the carer or home, so moves to the same carer can be recognised. */
    carerRef: text('carer_ref'),
    /** Placement postcode district (e.g. N12): what pages show. */
    postcodeDistrict: text('postcode_district'),
    /** SSDA903 PL_POST: the full placement postcode (decision 0027), e.g. N12 0AB; seen only through exports. */
    postcode: text('postcode'),
    /** Ofsted URN of the setting; null when none is known (a 903's XXXXXXX is read as null). */
    urn: text('urn'),
    distanceMiles: numeric('distance_miles', { precision: 6, scale: 1, mode: 'number' }),
    /** true when placed inside the authority's own area. */
    inArea: boolean('in_area'),
    /** Name of the LA of placement, or NIR/WAL/SCO/NUK/CON. */
    laOfPlacement: text('la_of_placement'),
    /** SSDA903 REASON_PLACE_CHANGE for the placement that ended. */
    changeReason: text('change_reason'),
  },
  (t) => [
    index('placements_import_batch').on(t.importBatchId),
    index('placements_child').on(t.childId, t.startDate),
    index('placements_authority').on(t.authorityId, t.startDate),
  ],
);

export const claReviews = pgTable(
  'cla_reviews',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    periodOfCareId: ref('period_of_care_id').notNull(),
    dueDate: day('due_date'),
    reviewDate: day('review_date').notNull(),
    /** SSDA903 REVIEW_CODE PN0–PN7. */
    participation: text('participation'),
  },
  (t) => [index('cla_reviews_import_batch').on(t.importBatchId), index('cla_reviews_child').on(t.childId)],
);

export const healthAssessments = pgTable(
  'health_assessments',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** initial or review. */
    kind: text('kind').notNull(),
    assessmentDate: day('assessment_date').notNull(),
  },
  (t) => [
    index('health_assessments_import_batch').on(t.importBatchId),
    index('health_assessments_child').on(t.childId),
  ],
);

export const dentalChecks = pgTable(
  'dental_checks',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    checkDate: day('check_date').notNull(),
  },
  (t) => [index('dental_checks_import_batch').on(t.importBatchId), index('dental_checks_child').on(t.childId)],
);

export const sdqScores = pgTable(
  'sdq_scores',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    assessmentDate: day('assessment_date').notNull(),
    score: integer('score'),
    /** SDQ1–SDQ5 when no score was recorded. */
    reason: text('reason'),
  },
  (t) => [index('sdq_scores_import_batch').on(t.importBatchId), index('sdq_scores_child').on(t.childId)],
);

/**
 * What the SSDA903 OC2 says of a child looked after continuously for 12 months at a 31 March beyond the dated checks
 * (SDQ, dental check and health assessment have tables of their own): each flag as at that day, null when not
 * recorded. Ages decide which are asked: convictions from 10, health surveillance checks under 5; the substance
 * misuse interventions only when a problem was identified (received; if not received, offered).
 */
export const claOutcomes = pgTable(
  'cla_outcomes',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** The 31 March the flags are at (the collection year's reference date). */
    asAt: day('as_at').notNull(),
    /** CONVICTED: convicted or given a final warning or reprimand during the year. */
    convicted: boolean('convicted'),
    /** HEALTH_CHECK: health surveillance checks up to date (children under 5). */
    healthCheck: boolean('health_check'),
    /** IMMUNISATIONS: immunisations up to date. */
    immunisations: boolean('immunisations'),
    /** SUBSTANCE_MISUSE: identified as having a substance misuse problem during the year. */
    substanceMisuse: boolean('substance_misuse'),
    /** INTERVENTION_RECEIVED: received an intervention for it. */
    interventionReceived: boolean('intervention_received'),
    /** INTERVENTION_OFFERED: offered one (and refused it), when none was received. */
    interventionOffered: boolean('intervention_offered'),
  },
  (t) => [index('cla_outcomes_import_batch').on(t.importBatchId), index('cla_outcomes_child').on(t.childId)],
);

export const personalEducationPlans = pgTable(
  'personal_education_plans',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    pepDate: day('pep_date').notNull(),
  },
  (t) => [index('personal_education_plans_import_batch').on(t.importBatchId), index('peps_child').on(t.childId)],
);

export const missingEpisodes = pgTable(
  'missing_episodes',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** M (missing) or A (away from placement without authorisation). */
    kind: text('kind').notNull(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at'),
    rhiOfferedDate: day('rhi_offered_date'),
    rhiAcceptedDate: day('rhi_accepted_date'),
    rhiCompletedAt: instant('rhi_completed_at'),
  },
  (t) => [
    index('missing_episodes_import_batch').on(t.importBatchId),
    index('missing_child').on(t.childId),
    index('missing_authority_start').on(t.authorityId, t.startAt),
  ],
);

/** Adoption and special guardianship milestones (SSDA903 AD1 and PlacedAdoption; Annex A List 10). */
export const permanenceMilestones = pgTable(
  'permanence_milestones',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    periodOfCareId: ref('period_of_care_id'),
    /** Agency decision maker: should be placed for adoption. */
    admDecisionDate: day('adm_decision_date'),
    placementOrderDate: day('placement_order_date'),
    matchedDate: day('matched_date'),
    placedForAdoptionDate: day('placed_for_adoption_date'),
    ffaPlacedDate: day('ffa_placed_date'),
    decisionReversedDate: day('decision_reversed_date'),
    /** RD1–RD4. */
    decisionReversedReason: text('decision_reversed_reason'),
    /** adoption, sgo, child-arrangements-order. */
    orderType: text('order_type'),
    orderDate: day('order_date'),
    adoptedByFosterCarer: boolean('adopted_by_foster_carer'),
    numberOfAdopters: integer('number_of_adopters'),
    /** SSDA903 SEX_ADOPTR and LS_ADOPTR. */
    adopterSex: text('adopter_sex'),
    adopterLegalStatus: text('adopter_legal_status'),
    /** The adoptive family, to cross-match with Annex A List 11. */
    familyRef: text('family_ref'),
  },
  (t) => [index('permanence_milestones_import_batch').on(t.importBatchId), index('permanence_child').on(t.childId)],
);

/** Entitlement to leaving-care support. */
export const careLeavers = pgTable(
  'care_leavers',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    /** relevant, former-relevant, qualifying, eligible. */
    eligibility: text('eligibility').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    personalAdviserId: integer('personal_adviser_id'),
    paLinkedDate: day('pa_linked_date'),
    stayingPut: boolean('staying_put').notNull().default(false),
    stayingPutStartDate: day('staying_put_start_date'),
  },
  (t) => [index('care_leavers_import_batch').on(t.importBatchId), index('care_leavers_child').on(t.childId)],
);

export const pathwayPlanReviews = pgTable(
  'pathway_plan_reviews',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    reviewDate: day('review_date').notNull(),
  },
  (t) => [
    index('pathway_plan_reviews_import_batch').on(t.importBatchId),
    index('pathway_plan_reviews_child').on(t.childId),
  ],
);

/** A contact with a care leaver and what was known then (SSDA903 OC3 around the birthday). */
export const careLeaverContacts = pgTable(
  'care_leaver_contacts',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    contactDate: day('contact_date').notNull(),
    /** SSDA903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM. */
    inTouch: text('in_touch').notNull(),
    /** SSDA903 ACCOM letter (B … Z) without the suitability digit. */
    accommodation: text('accommodation'),
    accommodationSuitable: boolean('accommodation_suitable'),
    /** SSDA903 ACTIV: F1 … G6 or 0. */
    activity: text('activity'),
  },
  (t) => [
    index('care_leaver_contacts_import_batch').on(t.importBatchId),
    index('care_leaver_contacts_child').on(t.childId, t.contactDate),
  ],
);

/** A Deprivation of Liberty Order while looked after (SSDA903 DoLo, from collection year 2027). */
export const deprivationOfLibertyOrders = pgTable(
  'deprivation_of_liberty_orders',
  {
    id: id(),
    authorityId: authorityId(),
    childId: childId(),
    importBatchId: importBatchId(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
  },
  (t) => [index('deprivation_of_liberty_orders_import_batch').on(t.importBatchId), index('dolo_child').on(t.childId)],
);
