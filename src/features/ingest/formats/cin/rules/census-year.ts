/**
 * Dates that must fall in the census year ([1 April, ReferenceDate], both days included) or by its end. The census
 * holds the modules open at some time in the year: an end, closure, authorisation or conference is in the year, and
 * nothing starts after the reference date. A start date that is missing is the reader's to report under the same
 * code (parse-child.ts: 8600, 4010, 8720).
 */
import { defineRule, type RuleHit } from '../../../rules';
import type { Located } from '../model';
import { at, type ChildRuleContext } from './context';

const inYear = (ctx: ChildRuleContext, date: string) => date >= ctx.periodStart && date <= ctx.referenceDate;

/** A rule on one date of each module of a kind: `pick` gives the modules and `bad` says whether a date fails. */
function dateRule(
  code: string,
  message: string,
  column: string,
  pick: (ctx: ChildRuleContext) => Array<[Located, string | null]>,
  bad: (ctx: ChildRuleContext, date: string) => boolean,
  note = '',
) {
  return defineRule<ChildRuleContext>({
    code,
    severity: 'error',
    message,
    years: { from: 2023 },
    source: `cin_validator/rules/cin2022_23/rule_${code}.py${note}`,
    check(ctx, hit: (h: RuleHit) => void) {
      for (const [module, date] of pick(ctx)) if (date !== null && bad(ctx, date)) hit(at(ctx, module, column, date));
    },
  });
}

const afterReference = (ctx: ChildRuleContext, date: string) => date > ctx.referenceDate;
const outsideYear = (ctx: ChildRuleContext, date: string) => !inYear(ctx, date);

/** rule_8600.py: CINreferralDate on or before the reference date (missing: the reader, 8600). */
export const rule8600 = dateRule(
  '8600',
  'The CIN referral date is after the end of the census year',
  'CINreferralDate',
  (ctx) => ctx.child.episodes.map((ep) => [ep, ep.referralDate]),
  afterReference,
);

/** rule_8620.py: a CINclosureDate, when given, in the census year. */
export const rule8620 = dateRule(
  '8620',
  'The CIN closure date does not fall within the census year',
  'CINclosureDate',
  (ctx) => ctx.child.episodes.map((ep) => [ep, ep.closureDate]),
  outsideYear,
);

/** rule_8696.py: an AssessmentAuthorisationDate, when given, in the census year. */
export const rule8696 = dateRule(
  '8696',
  'The assessment authorisation (end) date must fall within the census year',
  'AssessmentAuthorisationDate',
  (ctx) =>
    ctx.child.episodes.flatMap((ep) => ep.assessments.map((a): [Located, string | null] => [a, a.authorisationDate])),
  outsideYear,
);

/** rule_4010.py: CINPlanStartDate on or before the reference date (missing: the reader, 4010). */
export const rule4010 = dateRule(
  '4010',
  'The CIN plan start date is after the end of the census year',
  'CINPlanStartDate',
  (ctx) => ctx.child.episodes.flatMap((ep) => ep.cinPlans.map((p): [Located, string | null] => [p, p.startDate])),
  afterReference,
);

/** rule_4013.py: a CINPlanEndDate, when given, in the census year. */
export const rule4013 = dateRule(
  '4013',
  'The CIN plan end date must fall within the census year',
  'CINPlanEndDate',
  (ctx) => ctx.child.episodes.flatMap((ep) => ep.cinPlans.map((p): [Located, string | null] => [p, p.endDate])),
  outsideYear,
);

/**
 * rule_8715.py: a Section47 DateOfInitialCPC, when given, in the census year. As in the validator, the rule is on
 * the Section47 module; the CINdetails-level conference (after a transfer in) is 2883's to check.
 */
export const rule8715 = dateRule(
  '8715',
  'The date of the initial child protection conference must fall within the census year',
  'DateOfInitialCPC',
  (ctx) => ctx.child.episodes.flatMap((ep) => ep.section47s.map((s): [Located, string | null] => [s, s.icpcDate])),
  outsideYear,
);

/** rule_8720.py: CPPstartDate on or before the reference date (missing: the reader, 8720). */
export const rule8720 = dateRule(
  '8720',
  'The child protection plan start date is after the end of the census year',
  'CPPstartDate',
  (ctx) => ctx.child.episodes.flatMap((ep) => ep.cpPlans.map((p): [Located, string | null] => [p, p.startDate])),
  afterReference,
);

/** rule_8930.py: a CPPendDate, when given, in the census year. */
export const rule8930 = dateRule(
  '8930',
  'The child protection plan end date must fall within the census year',
  'CPPendDate',
  (ctx) => ctx.child.episodes.flatMap((ep) => ep.cpPlans.map((p): [Located, string | null] => [p, p.endDate])),
  outsideYear,
);

/**
 * rule_8736.py: an assessment not completed (no AssessmentAuthorisationDate) started in the census year: one begun
 * before the year and still not authorised at its end belongs to an earlier census.
 */
export const rule8736 = dateRule(
  '8736',
  'An assessment that has not been completed (no authorisation date) must have started within the census year',
  'AssessmentActualStartDate',
  (ctx) =>
    ctx.child.episodes.flatMap((ep) =>
      ep.assessments.filter((a) => a.authorisationDate === null).map((a): [Located, string | null] => [a, a.startDate]),
    ),
  outsideYear,
);

/**
 * rule_8740.py: a S47 enquiry with no initial conference by the end of the year and ICPCnotRequired false started
 * in the census year. (The validator tests ICPCnotRequired against "0" only, so "false" never fires there; the
 * census guide allows both spellings, and Lantern reads both as false.)
 */
export const rule8740 = dateRule(
  '8740',
  'A S47 enquiry with no initial child protection conference by the end of the census year (and one still required) must have started within the census year',
  'S47ActualStartDate',
  (ctx) =>
    ctx.child.episodes.flatMap((ep) =>
      ep.section47s
        .filter((s) => s.icpcDate === null && s.icpcNotRequired === false)
        .map((s): [Located, string | null] => [s, s.startDate]),
    ),
  outsideYear,
  '; ICPCnotRequired false as "false" or "0" (the file tests "0" only)',
);

export const CENSUS_YEAR_RULES = [
  rule8600,
  rule8620,
  rule8696,
  rule4010,
  rule4013,
  rule8715,
  rule8720,
  rule8930,
  rule8736,
  rule8740,
];
