/**
 * Lantern's default statutory and practice timescales, as data and as pure functions, each with its
 * source beside it. The trackers (src/features/trackers) compute the same rules in SQL for whole caseloads; these
 * functions are the reference their tests are checked against, and what a single child's record can use.
 *
 * Conventions (see working-days.ts): dates are ISO strings (YYYY-MM-DD); in working-day counts the start day is
 * day 0, so "within 45 working days of the referral" is due on `addWorkingDays(referral, 45)` and a day later is
 * late. "Months" are calendar months clamped to the end of a short month (31 January + 1 month = 28/29 February).
 * Hour-based limits (the 72-hour return home interview) are given as the calendar date on which they expire.
 */
import { addDays, addMonths, addWorkingDays } from './working-days';

export type TimescaleUnit = 'working-days' | 'days' | 'weeks' | 'months' | 'hours' | 'term' | 'age';

export interface Timescale {
  id: string;
  /** What must happen, as a manager reads it. */
  label: string;
  /** The rule in words. */
  rule: string;
  amount: number;
  unit: TimescaleUnit;
  /** Statutory or other basis. Local practice standards say so. */
  source: string;
}

const WT2023 = 'Working Together to Safeguard Children 2023 (DfE)';
const CPR2010 = 'Care Planning, Placement and Case Review (England) Regulations 2010';

export const TIMESCALES = {
  contactDecision: {
    id: 'contact-decision',
    label: 'Contact decision',
    rule: 'A decision on what happens next within 1 working day of the contact',
    amount: 1,
    unit: 'working-days',
    source: `${WT2023}, chapter 3 (decision within one working day of a referral)`,
  },
  assessment: {
    id: 'assessment',
    label: 'Assessment',
    rule: 'Assessment completed and authorised within 45 working days of the referral',
    amount: 45,
    unit: 'working-days',
    source: `${WT2023}, chapter 3: "within 45 working days from the point of the referral"`,
  },
  icpc: {
    id: 'icpc',
    label: 'Initial child protection conference',
    rule: 'ICPC within 15 working days of the strategy discussion at which the section 47 enquiry was started',
    amount: 15,
    unit: 'working-days',
    source: `${WT2023}, chapter 3 (initial child protection conferences)`,
  },
  cpVisit: {
    id: 'cp-visit',
    label: 'Child protection visit',
    rule: 'Child on a child protection plan seen at least every 10 working days',
    amount: 10,
    unit: 'working-days',
    source:
      'Local practice standard (Working Together 2023 sets no frequency; 10 working days is the common standard in English authorities)',
  },
  cpReview: {
    id: 'cp-review',
    label: 'Child protection review',
    rule: 'First review within 3 months of the initial conference, then at intervals of not more than 6 months',
    amount: 3,
    unit: 'months',
    source: `${WT2023}, chapter 3 (child protection review conferences)`,
  },
  cinVisit: {
    id: 'cin-visit',
    label: 'Child in need visit',
    rule: 'Child on a child in need plan seen at least every 20 working days (Lantern default)',
    amount: 20,
    unit: 'working-days',
    source:
      'Local practice standard: no statutory frequency; Lantern defaults to 20 working days (about 4 weeks), which each authority can change',
  },
  cinPlanReview: {
    id: 'cin-plan-review',
    label: 'Child in need plan review',
    rule: 'Child in need plan reviewed every 3 months from the start of the plan',
    amount: 3,
    unit: 'months',
    source: `${WT2023}, chapter 3 (child in need plans reviewed regularly); 3 months is the common local standard`,
  },
  claVisit: {
    id: 'cla-visit',
    label: 'Looked-after child visit',
    rule: 'Within 1 week of a placement starting, then at intervals of not more than 6 weeks in the first year; thereafter 6 weeks, or 3 months when the placement is long-term',
    amount: 6,
    unit: 'weeks',
    source: `${CPR2010}, regulation 28`,
  },
  claReview: {
    id: 'cla-review',
    label: 'Looked-after child review',
    rule: 'First review within 20 working days of entering care, second within 3 months of the first, then at intervals of not more than 6 months',
    amount: 20,
    unit: 'working-days',
    source: `${CPR2010}, regulation 33`,
  },
  iha: {
    id: 'iha',
    label: 'Initial health assessment',
    rule: 'Initial health assessment within 20 working days of entering care',
    amount: 20,
    unit: 'working-days',
    source:
      'Promoting the health and well-being of looked-after children, statutory guidance (DfE/DHSC 2015, updated 2022); ' +
      `${CPR2010}, regulation 7`,
  },
  rha: {
    id: 'rha',
    label: 'Review health assessment',
    rule: 'Every 6 months for a child under 5, every 12 months from age 5',
    amount: 6,
    unit: 'months',
    source: `${CPR2010}, regulation 8`,
  },
  dental: {
    id: 'dental',
    label: 'Dental check',
    rule: 'Dental check every 12 months',
    amount: 12,
    unit: 'months',
    source: 'Promoting the health and well-being of looked-after children (2015); SSDA903 OC2 measure',
  },
  pep: {
    id: 'pep',
    label: 'Personal education plan',
    rule: 'PEP in place within 20 working days of entering care (by the first review), then reviewed every school term',
    amount: 1,
    unit: 'term',
    source:
      'Promoting the education of looked-after and previously looked-after children, statutory guidance (DfE 2018)',
  },
  sdq: {
    id: 'sdq',
    label: 'Strengths and difficulties questionnaire',
    rule: 'SDQ every 12 months for a child aged 4 to 16',
    amount: 12,
    unit: 'months',
    source: 'Promoting the health and well-being of looked-after children (2015); SSDA903 SDQ collection (ages 4–16)',
  },
  rhi: {
    id: 'rhi',
    label: 'Return home interview',
    rule: 'Return home interview offered within 72 hours of the child returning',
    amount: 72,
    unit: 'hours',
    source: 'Children who run away or go missing from home or care, statutory guidance (DfE 2014)',
  },
  pathwayPlanReview: {
    id: 'pathway-plan-review',
    label: 'Pathway plan review',
    rule: 'Pathway plan reviewed at intervals of not more than 6 months',
    amount: 6,
    unit: 'months',
    source: 'Care Leavers (England) Regulations 2010, regulation 7; ' + `${CPR2010}, regulation 43`,
  },
  careLeaverContact: {
    id: 'care-leaver-contact',
    label: 'Care leaver contact',
    rule: 'Personal adviser in touch with the care leaver at least every 8 weeks',
    amount: 8,
    unit: 'weeks',
    source:
      'Children Act 1989 guidance and regulations volume 3: planning transition to adulthood for care leavers (DfE 2022)',
  },
  paLink: {
    id: 'pa-link',
    label: 'Personal adviser linked',
    rule: 'A personal adviser linked by age 17½',
    amount: 210,
    unit: 'age',
    source:
      'Children Act 1989 s23D and Care Leavers (England) Regulations 2010; 17½ is the Lantern default (local standard)',
  },
  preProceedings: {
    id: 'pre-proceedings',
    label: 'Pre-proceedings decision',
    rule: 'Decision to issue or step down within 16 weeks of the start of pre-proceedings',
    amount: 16,
    unit: 'weeks',
    source: 'Public Law Outline pre-proceedings: Public Law Working Group best practice guidance (2023)',
  },
  careProceedings: {
    id: 'care-proceedings',
    label: 'Care proceedings',
    rule: 'Care proceedings concluded within 26 weeks of issue',
    amount: 26,
    unit: 'weeks',
    source: 'Children and Families Act 2014, s14 (Children Act 1989 s32(1)(a))',
  },
  ladoInitial: {
    id: 'lado',
    label: 'LADO initial consideration',
    rule: 'Initial consideration of an allegation within 1 working day',
    amount: 1,
    unit: 'working-days',
    source: `${WT2023}, chapter 4 (allegations against people who work with children); London Safeguarding Children Procedures`,
  },
  earlyHelpAllocation: {
    id: 'early-help-allocation',
    label: 'Early help allocation',
    rule: 'Early help request allocated within 10 working days',
    amount: 10,
    unit: 'working-days',
    source: 'Local practice standard: no statutory timescale; Lantern defaults to 10 working days',
  },
  permanencePlan: {
    id: 'permanence-plan',
    label: 'Permanence plan',
    rule: 'A permanence plan by the second looked-after review',
    amount: 2,
    unit: 'months',
    source: 'Children Act 1989 guidance and regulations volume 2: care planning (DfE 2021), paragraph 2.3',
  },
  adoptionA1: {
    id: 'adoption-a1',
    label: 'Placed for adoption (A1)',
    rule: 'Entering care to being placed for adoption within 426 days',
    amount: 426,
    unit: 'days',
    source: 'DfE adoption scorecard threshold A1 (426 days)',
  },
  adoptionA2: {
    id: 'adoption-a2',
    label: 'Matched (A2)',
    rule: 'Placement order (court authority) to match with adopters within 121 days',
    amount: 121,
    unit: 'days',
    source: 'DfE adoption scorecard threshold A2 (121 days)',
  },
} as const satisfies Record<string, Timescale>;

/** Contact → decision: 1 working day. */
export function contactDecisionDue(contactDate: string): string {
  return addWorkingDays(contactDate, TIMESCALES.contactDecision.amount);
}

/** Referral → assessment authorised: 45 working days (Working Together 2023). */
export function assessmentDue(referralDate: string): string {
  return addWorkingDays(referralDate, TIMESCALES.assessment.amount);
}

/** Strategy discussion → ICPC: 15 working days (Working Together 2023). */
export function icpcDue(strategyDiscussionDate: string): string {
  return addWorkingDays(strategyDiscussionDate, TIMESCALES.icpc.amount);
}

/** The next CP visit: 10 working days after the last visit, or after the plan started if there has been none. */
export function cpVisitDue(planStart: string, lastVisit: string | null): string {
  return addWorkingDays(lastVisit ?? planStart, TIMESCALES.cpVisit.amount);
}

/** The next CP review: 3 months after the plan (the ICPC) started, then 6 months after the last review. */
export function nextCpReviewDue(planStart: string, lastReview: string | null): string {
  return lastReview === null ? addMonths(planStart, 3) : addMonths(lastReview, 6);
}

/** The next CIN visit (Lantern default, every 20 working days). */
export function cinVisitDue(planStart: string, lastVisit: string | null): string {
  return addWorkingDays(lastVisit ?? planStart, TIMESCALES.cinVisit.amount);
}

/**
 * The next 3-monthly CIN plan review on or after `asAt`: plan start + 3, 6, 9 … months. Lantern holds no record
 * of CIN plan reviews (the CIN census does not carry them), so this is the schedule, never an overdue.
 */
export function nextCinPlanReviewDue(planStart: string, asAt: string): string {
  for (let k = 1; ; k++) {
    const due = addMonths(planStart, 3 * k);
    if (due >= asAt) return due;
  }
}

/**
 * The next looked-after review (regulation 33): 20 working days after entering care; then 3 months after the
 * first review; then 6 months after the last. `reviewsHeld` counts the reviews held in this period of care.
 */
export function nextClaReviewDue(periodStart: string, reviewsHeld: number, lastReview: string | null): string {
  if (reviewsHeld === 0 || lastReview === null) return addWorkingDays(periodStart, TIMESCALES.claReview.amount);
  return addMonths(lastReview, reviewsHeld === 1 ? 3 : 6);
}

/**
 * The next visit to a looked-after child (regulation 28): within 1 week of the placement starting; then within
 * 6 weeks of the last visit; once the placement has lasted a year and is long-term (placement types U1/U4,
 * long-term fostering), within 3 months.
 */
export function claVisitDue(placementStart: string, lastVisit: string | null, longTerm: boolean): string {
  if (lastVisit === null || lastVisit < placementStart) return addDays(placementStart, 7);
  const firstYearEnds = addMonths(placementStart, 12);
  if (longTerm && lastVisit >= firstYearEnds) return addMonths(lastVisit, 3);
  return addDays(lastVisit, 42);
}

/** Entering care → initial health assessment: 20 working days. */
export function ihaDue(entered: string): string {
  return addWorkingDays(entered, TIMESCALES.iha.amount);
}

/** The next review health assessment: 6 months after the last one for a child under 5 at it, else 12 months. */
export function rhaDue(lastAssessment: string, ageAtLastAssessment: number): string {
  return addMonths(lastAssessment, ageAtLastAssessment < 5 ? 6 : 12);
}

/** The next dental check: 12 months after the last one (or after entering care, when none is recorded). */
export function dentalCheckDue(lastCheck: string | null, entered: string): string {
  return addMonths(lastCheck ?? entered, 12);
}

/** The school term a date falls in: autumn (September–December), spring (January–March), summer (April–August). */
export function termOf(date: string): 'autumn' | 'spring' | 'summer' {
  const month = Number(date.slice(5, 7));
  if (month >= 9) return 'autumn';
  if (month <= 3) return 'spring';
  return 'summer';
}

/**
 * The next PEP: by the first review (20 working days after entering care) when there is none in this period of
 * care; otherwise by the end of the term after the term of the last PEP (31 March, 31 July or 31 December).
 */
export function pepDue(entered: string, lastPep: string | null): string {
  if (lastPep === null || lastPep < entered) return addWorkingDays(entered, 20);
  const year = Number(lastPep.slice(0, 4));
  switch (termOf(lastPep)) {
    case 'autumn':
      return `${year + 1}-03-31`;
    case 'spring':
      return `${year}-07-31`;
    case 'summer':
      return `${year}-12-31`;
  }
}

/** The next SDQ: 12 months after the last (or after entering care). Only for children aged 4 to 16. */
export function sdqDue(lastSdq: string | null, entered: string): string {
  return addMonths(lastSdq ?? entered, 12);
}

export function sdqApplies(age: number): boolean {
  return age >= 4 && age <= 16;
}

/** The date by which a return home interview is due: 72 hours after the return, as a calendar date. */
export function rhiDue(returnDate: string): string {
  return addDays(returnDate, 3);
}

/** The next pathway plan review: 6 months after the last one (or after the care-leaver record began). */
export function pathwayPlanReviewDue(lastReview: string | null, started: string): string {
  return addMonths(lastReview ?? started, 6);
}

/** The next care-leaver contact: 8 weeks (56 days) after the last one (or after the record began). */
export function careLeaverContactDue(lastContact: string | null, started: string): string {
  return addDays(lastContact ?? started, 56);
}

/** A personal adviser linked by 17½: the child's date of birth + 210 months. */
export function paLinkDue(dateOfBirth: string): string {
  return addMonths(dateOfBirth, 210);
}

/** LADO referral → initial consideration: 1 working day. */
export function ladoInitialConsiderationDue(referralDate: string): string {
  return addWorkingDays(referralDate, TIMESCALES.ladoInitial.amount);
}

/** Early help request → allocation: 10 working days. */
export function earlyHelpAllocationDue(requestDate: string): string {
  return addWorkingDays(requestDate, TIMESCALES.earlyHelpAllocation.amount);
}

/** Pre-proceedings start → decision: 16 weeks (112 days). */
export function preProceedingsDecisionDue(start: string): string {
  return addDays(start, 7 * TIMESCALES.preProceedings.amount);
}

/** Care proceedings issued → concluded: 26 weeks (182 days), Children and Families Act 2014 s14. */
export function careProceedingsDue(issueDate: string): string {
  return addDays(issueDate, 7 * TIMESCALES.careProceedings.amount);
}

/**
 * When a permanence plan is due: by the second looked-after review — its date when it has been held, otherwise
 * when it is due (3 months after the first review, or after the first review's own due date when none is held).
 */
export function permanencePlanDue(
  periodStart: string,
  firstReview: string | null,
  secondReview: string | null,
): string {
  if (secondReview !== null) return secondReview;
  return addMonths(firstReview ?? nextClaReviewDue(periodStart, 0, null), 3);
}

/** A1: entering care → placed for adoption within 426 days. */
export function adoptionPlacedDue(entered: string): string {
  return addDays(entered, TIMESCALES.adoptionA1.amount);
}

/** A2: placement order → match within 121 days. */
export function adoptionMatchDue(placementOrder: string): string {
  return addDays(placementOrder, TIMESCALES.adoptionA2.amount);
}
