/** Builders of census models for the rule tests: a child, its episodes and modules, with fixed line numbers. */
import { IssueLog, type Issue } from '../../../issues';
import { runRules, collectionYearBounds, type Rule } from '../../../rules';
import type { CinAssessment, CinChild, CinCpPlan, CinEpisode, CinPlanDates, CinSection47 } from '../model';
import type { ChildRuleContext } from './context';

export function childModel(over: Partial<CinChild> = {}): CinChild {
  return {
    line: 1,
    lines: {},
    laChildId: 'C1',
    upn: null,
    formerUpn: null,
    upnUnknown: 'UN1',
    birthDate: '2020-01-01',
    expectedBirthDate: null,
    sex: 'F',
    sexCode: 'F',
    sexElement: 'Sex',
    deathDate: null,
    ethnicity: 'WBRI',
    disabilities: [],
    noDisability: true,
    episodes: [],
    ...over,
  };
}

export function episode(over: Partial<CinEpisode> = {}): CinEpisode {
  return {
    line: 10,
    lines: {},
    referralDate: '2025-05-01',
    referralSource: '1A',
    primaryNeedCode: 'N1',
    closureDate: null,
    reasonForClosure: null,
    dateOfInitialCpc: null,
    referralNfa: false,
    assessments: [],
    cinPlans: [],
    section47s: [],
    cpPlans: [],
    preProceedings: [],
    ...over,
  };
}

export function assessment(over: Partial<CinAssessment> = {}): CinAssessment {
  return {
    line: 20,
    lines: {},
    startDate: '2025-05-02',
    internalReviewDate: null,
    authorisationDate: '2025-06-01',
    factors: ['1A'],
    ...over,
  };
}

export function cinPlan(over: Partial<CinPlanDates> = {}): CinPlanDates {
  return { line: 30, lines: {}, startDate: '2025-06-02', endDate: null, ...over };
}

export function s47(over: Partial<CinSection47> = {}): CinSection47 {
  return {
    line: 40,
    lines: {},
    startDate: '2025-05-05',
    icpcTarget: null,
    icpcDate: null,
    icpcNotRequired: false,
    ...over,
  };
}

export function cpPlan(over: Partial<CinCpPlan> = {}): CinCpPlan {
  return {
    line: 50,
    lines: {},
    startDate: '2025-06-02',
    endDate: null,
    initialCategory: 'NEG',
    latestCategory: 'NEG',
    previousPlans: 0,
    reviews: [],
    undatedReviews: [],
    ...over,
  };
}

/** The issues one rule raises for one child in a collection year (2026 = 2025/26 unless said). */
export function check(rule: Rule<ChildRuleContext>, child: CinChild, year = 2026): Issue[] {
  const issues = new IssueLog();
  const { start, end } = collectionYearBounds(year);
  runRules([rule], year, { file: 'test.xml', year, referenceDate: end, periodStart: start, child }, issues);
  return [...issues.list()];
}

/** The rows (lines) of the issues one rule raises. */
export function rows(rule: Rule<ChildRuleContext>, child: CinChild, year = 2026): Array<number | null> {
  return check(rule, child, year).map((i) => i.row);
}
