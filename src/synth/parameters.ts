import { toDayNumber } from '../domain/working-days';

/**
 * The modelling choices of the demo authority, in one place.
 *
 * Sources of the shapes:
 * - Barnet's published figures for 2017–2019, which the demo borough should come close to (its Family Services
 *   Self Assessment, 2018, and the report to its Children, Education and Safeguarding Committee of 1 July 2019);
 * - Barnet's rows in DfE's published statistics (reference-data/dfe-benchmarks): about 3,000 referrals a
 *   year with 15–19% re-referrals, 230–270 child protection plans starting a year, 150–190 children starting and
 *   ceasing to be looked after a year, about 14 cases per social worker;
 * - the timescales of src/domain/timescales.ts, which the generated dates meet most of the time and miss some of it.
 *
 * Rates are per 10,000 children so the borough scales from a small district to all of England. Probabilities
 * were tuned by generating the default borough (seed 1, 99,000 children, 6 years) and comparing with Barnet's; see
 * calibration.test.ts for the figures achieved.
 */

/** Years simulated before the first year of history, so that children already in care, on plans or leaving care
 * when the history starts arrive with journeys of their own (a care leaver of 25 may have entered care 11 years
 * before the last day of data). */
export const WARM_UP_YEARS = 12;

/**
 * The demo borough's answer to its June 2024 inspection (src/synth/inspections.ts, src/synth/improvement-plan.ts):
 * the four areas Ofsted asked it to improve (return home interviews, early help allocation, care leavers' pathway
 * plans, LADO oversight) get better between July 2024 and June 2025, so the improvement plan's evidence indicators
 * move when its actions start. Fixed calendar dates, like the inspection history.
 */
export const IMPROVEMENT_RAMP = { from: toDayNumber('2024-07-01'), to: toDayNumber('2025-06-30') } as const;

/** A rate that moves from `before` to `after` across the improvement ramp, linearly. */
export interface ImprovingRate {
  before: number;
  after: number;
}

export function rateOn(rate: ImprovingRate | number, day: number): number {
  if (typeof rate === 'number') return rate;
  const { from, to } = IMPROVEMENT_RAMP;
  if (day <= from) return rate.before;
  if (day >= to) return rate.after;
  return rate.before + ((rate.after - rate.before) * (day - from)) / (to - from);
}

export const ARRIVALS = {
  /** Families (one child, or a sibling group) first coming to the front door, per 10,000 children per year. */
  newFamiliesPer10k: 395,
  /** Sibling groups: chance of a second, and of a third, child known with the first. */
  siblingSecond: 0.2,
  siblingThird: 0.35,
  /** Chance that a first contact is about an unborn baby (pre-birth referral). */
  preBirth: 0.045,
  /** Age at first contact, weight by single year 0–17. */
  ageWeights: [10, 4.5, 4.5, 4.5, 4.5, 5, 5, 5, 5, 5, 6, 6.5, 7, 7.5, 7.5, 7, 6, 4.5],
  /** Unaccompanied asylum-seeking children arriving per 10,000 children per year (Barnet: about 66 in care). */
  uascPer10k: 3.3,
  /** Privately fostered children notified per 10,000 children per year. */
  privateFosteringPer10k: 1.3,
  /** LADO referrals per 10,000 children per year. */
  ladoPer10k: 15,
} as const;

/** Child population by broad ethnic group (Barnet: 53/11/13/12/12, normalised). */
export const POPULATION_ETHNIC_SHARES = { White: 53, Mixed: 11, Asian: 13, Black: 12, Other: 12 } as const;

/**
 * Over-representation by ethnic group of children in care relative to the child population. Barnet gives children in
 * care White 40, Mixed 20, Asian 6, Black 18, Other 16 (%) against 53/11/13/12/12. Unaccompanied children
 * (mostly Other, Black and Asian) account for part of that; the rest is carried half by who comes to the front
 * door and half by who comes into care (the square root of the factor at each step).
 */
export const ETHNIC_CARE_FACTOR = { White: 0.93, Mixed: 2.4, Asian: 0.4, Black: 1.65, Other: 0.95 } as const;

/** Detailed ethnicity codes within each broad group, for children born in the borough. */
export const ETHNICITY_CODES_BY_GROUP = {
  White: { WBRI: 70, WIRI: 3, WOTH: 24, WIRT: 1.5, WROM: 1.5 },
  Mixed: { MWBC: 35, MWBA: 15, MWAS: 20, MOTH: 30 },
  Asian: { AIND: 40, APKN: 20, ABAN: 10, AOTH: 30 },
  Black: { BAFR: 60, BCRB: 25, BOTH: 15 },
  Other: { OOTH: 75, CHNE: 25 },
} as const;

/** Unaccompanied children: ethnicity and sex (overwhelmingly boys aged 15–17). */
export const UASC = {
  ethnicity: { OOTH: 42, BAFR: 22, BOTH: 6, AOTH: 14, WOTH: 16 },
  male: 0.9,
  arrivalAge: [14.5, 17.9],
} as const;

/** Male share of children at the front door, and the extra chance of care for boys (Barnet: 62% of children in care male). */
export const SEX = { maleAtFrontDoor: 0.51, maleCareFactor: 1.45 } as const;

export const CONTACT = {
  /** CIN census ReferralSource codes, weights (police and schools lead, as in DfE's referral tables). */
  sources: {
    '1A': 4,
    '1B': 1,
    '1C': 2,
    '1D': 1,
    '2A': 18,
    '2B': 2,
    '3A': 3,
    '3B': 4,
    '3C': 1,
    '3D': 2,
    '3E': 3,
    '3F': 3,
    '4': 3,
    '5A': 3,
    '5B': 3,
    '5C': 2,
    '5D': 2,
    '6': 29,
    '7': 4,
    '8': 6,
    '9': 3,
    '10': 1,
  },
  /** First decision at the front door for a child not open to social care. */
  decisionFirst: { nfa: 0.3, 'information-advice': 0.2, 'early-help': 0.17, referral: 0.33 },
  /** For a child who has been open before. */
  decisionRepeat: { nfa: 0.22, 'information-advice': 0.16, 'early-help': 0.14, referral: 0.48 },
  /** Working days from contact to decision: 0, 1, 2, 3–5 (timescale 1 working day; ~88% on time). */
  decisionDelay: { 0: 0.56, 1: 0.32, 2: 0.07, 3: 0.05 },
} as const;

export const EARLY_HELP = {
  /** Allocation within 10 working days: ~70% before the 2024 inspection's finding on early help, ~90% after. */
  allocatedOnTime: { before: 0.7, after: 0.9 },
  durationMedianDays: 150,
  outcomes: { 'needs-met': 55, 'stepped-up': 11, disengaged: 16, 'moved-away': 5, other: 13 },
  organisations: { 'Early help locality team': 60, School: 24, 'Health visiting': 8, 'Voluntary sector': 8 },
} as const;

export const REFERRAL = {
  /** Referrals closed with no further action at the referral stage (DfE: 3–9% in Barnet). */
  nfa: 0.05,
  /** Referrals that go straight to a strategy discussion. */
  immediateStrategy: 0.12,
  /** Primary need at referral (CIN PrimaryNeedCode). */
  needs: { N1: 55, N2: 5, N3: 3, N4: 9, N5: 16, N6: 5, N7: 1, N8: 3, N0: 3 },
} as const;

export const ASSESSMENT = {
  /** Share authorised within 45 working days of the start (DfE England ~ 85%). */
  onTime: 0.86,
  seen: 0.96,
  /** Seen alone, for children aged 5 or more who were seen. */
  seenAlone: 0.68,
  /** What the assessment leads to (for need codes other than N2). */
  outcomes: { nfa: 0.26, 'early-help': 0.12, 'cin-plan': 0.36, s47: 0.12, 'open-support': 0.14 },
  /** CIN AssessmentFactors and their weights (DfE table C3 orders: domestic abuse, mental health, emotional abuse,
   * neglect, drugs, alcohol…). */
  factors: {
    '3A': 4,
    '3B': 22,
    '3C': 3,
    '4A': 10,
    '4B': 20,
    '4C': 3,
    '17A': 14,
    '16A': 12,
    '2A': 3,
    '2B': 9,
    '2C': 2,
    '1A': 2,
    '1B': 8,
    '1C': 2,
    '5A': 3,
    '5B': 4,
    '6A': 3,
    '6B': 5,
    '7A': 2,
    '14A': 5,
    '15A': 6,
    '10A': 3,
    '11A': 3,
    '24A': 3,
    '13A': 2,
    '18C': 5,
    '18B': 2,
    '19C': 2,
    '19B': 1,
    '12A': 0.5,
    '22A': 0.3,
    '23A': 0.5,
    '20': 6,
  },
} as const;

export const PROTECTION = {
  /** Barnet: 100% police attendance at strategy discussions. */
  police: 0.998,
  health: 0.85,
  education: 0.78,
  strategyLeadsToS47: 0.9,
  s47Outcomes: { icpc: 0.38, 'cin-plan': 0.38, nfa: 0.24 },
  /** ICPC within 15 working days of the strategy discussion. */
  icpcOnTime: 0.8,
  icpcPlan: 0.9,
  /** Plan length: log-normal, median and spread (DfE: ~4% of plans ending last 2 years or more). */
  planMedianDays: 235,
  planSigma: 0.55,
  categories: { NEG: 45, EMO: 38, PHY: 8, SAB: 4, MUL: 5 },
  reviewOnTime: 0.93,
  /** Visits every 10 working days. */
  visitOnTime: 0.86,
  visitSeen: 0.95,
  visitSeenAlone: 0.72,
  /** What happens when a plan ends. */
  planEnds: { 'cin-plan': 0.56, close: 0.25, plo: 0.13, care: 0.06 },
} as const;

export const CIN_PLAN = {
  medianDays: 140,
  sigma: 0.75,
  /** Disabled children's plans are long (many run until transfer to adult services at 18). */
  disabledMedianDays: 1300,
  disabledSigma: 0.7,
  visitOnTime: 0.85,
  ends: { close: 0.82, s47: 0.08, plo: 0.03, care: 0.05, 'open-support': 0.02 },
} as const;

export const COURT = {
  /** PLO: 16 weeks. */
  ploMedianWeeks: 15,
  ploIssues: 0.45,
  /** Care proceedings: 26 weeks; London's average was nearer 40. */
  proceedingsMedianWeeks: 36,
  /** Child comes into care when proceedings are issued (interim care order). */
  careAtIssue: 0.72,
} as const;

export const CARE = {
  /** Scales every route into care together; the main lever on the number of children in care (Barnet's ~350). */
  entryFactor: 0.88,
  /** Chance a CP plan child enters care directly in an emergency at the end of the S47 (police protection). */
  emergencyFromS47: 0.025,
  /** Annual chance of a move after the first six months; six-month chance of an early move. */
  earlyMove: 0.33,
  yearlyMove: 0.11,
  adolescentYearlyMove: 0.28,
  /** Some children's placements break down again and again (yearly chance of a move for them). */
  unstable: 0.12,
  unstableYearlyMove: 1.2,
  /** Barnet: 98% of reviews in timescale. */
  reviewOnTime: 0.985,
  /** Barnet: ~90% of initial health assessments within 28 days. */
  ihaWithin28Days: 0.93,
  healthOnTime: 0.88,
  dentalOnTime: 0.84,
  pepOnTime: 0.88,
  visitOnTime: 0.9,
  visitSeenAlone: 0.72,
  /**
   * OC2 at 31 March, children looked after for the year (DfE Outcomes for children looked after, England, 2023–24,
   * in round figures): immunisations up to date 85%, health surveillance checks up to date (under 5) 88%; of those
   * aged 10 or over, convicted or cautioned in the year 2% and identified with a substance misuse problem 3%, of whom
   * about half received an intervention (the rest offered one half the time).
   */
  immunisationsUpToDate: 0.85,
  healthSurveillanceUpToDate: 0.88,
  convicted: 0.02,
  substanceMisuse: 0.03,
  misuseInterventionReceived: 0.55,
  /** Children aged 11+ in care who go missing, and mean days between episodes for them. */
  missingChild: 0.16,
  missingMeanGapDays: 45,
  /** Return home interviews: offered, accepted, and held within 72 hours — improving after the 2024 inspection. */
  rhiOffered: { before: 0.82, after: 0.95 },
  rhiAccepted: { before: 0.55, after: 0.68 },
  rhiWithin72h: { before: 0.55, after: 0.86 },
} as const;

export const ADOPTION = {
  /** Placement order → match, and match → placed, → adoption order: days (median). */
  orderToMatchDays: 140,
  matchToPlacedDays: 30,
  placedToOrderDays: 220,
  byFosterCarer: 0.15,
  reversed: 0.08,
} as const;

/** LADO: management oversight recorded within 1 working day of a referral. */
export const LADO = {
  oversightRecorded: 0.97,
  oversightWithinOneDay: { before: 0.62, after: 0.93 },
} as const;

export const CARE_LEAVERS = {
  paBy17AndHalf: 0.9,
  /** Share of 21-year-olds who keep support until 25 (in education or asked for it): Barnet 43 of 239 aged 21–25. */
  continueAfter21: 0.25,
  stayingPut: 0.33,
  /** Reviews held within 6 months of the last; the rest late by up to about 7 months. Gives Barnet's 84% with a
   * pathway plan reviewed in the last 6 months. */
  pathwayOnTime: { before: 0.7, after: 0.8 },
  contactOnTime: 0.85,
  inTouch: { YES: 90, NO: 5, REFU: 2, NREQ: 3 },
  mother: 0.08,
} as const;

export const REPEAT = {
  /** Chance of coming back to the front door after each kind of ending, and the mean gap in days. */
  afterContact: 0.25,
  afterEarlyHelp: 0.3,
  afterAssessment: 0.6,
  afterPlan: 0.55,
  afterCare: 0.45,
  meanGapDays: 170,
} as const;

export const WORKFORCE = {
  /** Target cases per full-time case holder when sizing teams (DfE workforce: Barnet ~14). */
  caseload: {
    assessment: 16,
    'cin-cp': 15,
    'children-in-care': 14,
    'disabled-children': 16,
    permanence: 12,
    'care-leavers': 20,
    'early-help': 18,
    iro: 55,
  },
  /** Share of new appointments that go to an agency worker, by role (Barnet: agency social-worker rate 26%). */
  agencyHire: {
    'social-worker': 0.62,
    'senior-practitioner': 0.4,
    'team-manager': 0.25,
    iro: 0.3,
    'personal-adviser': 0.1,
    'early-help-practitioner': 0.06,
    lado: 0.1,
  },
  /** Median years in post. */
  tenureYears: { permanent: 3.2, agency: 0.8 },
} as const;
