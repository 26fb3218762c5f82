/** CINdetails rules about the referral: dates against birth, activity before the referral, NFA and need code. */
import { addDays } from '../../../../../domain/working-days';
import { defineRule } from '../../../rules';
import { at, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_8606.py: a referral cannot be more than 40 weeks (280 days) before the
 * child's date of birth or expected date of birth.
 */
export const rule8606 = defineRule<ChildRuleContext>({
  code: '8606',
  severity: 'error',
  message: 'The referral date is more than 40 weeks before the date of birth or expected date of birth',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8606.py',
  check(ctx, hit) {
    const born = ctx.child.birthDate ?? ctx.child.expectedBirthDate;
    if (born === null) return;
    const earliest = addDays(born, -280);
    for (const ep of ctx.child.episodes) {
      if (ep.referralDate !== null && ep.referralDate < earliest) hit(at(ctx, ep, 'CINreferralDate', ep.referralDate));
    }
  },
});

function startsBeforeReferral(
  code: string,
  what: string,
  source: string,
  pick: (
    ep: ChildRuleContext['child']['episodes'][number],
  ) => Array<{ line: number; lines: Record<string, number>; startDate: string | null }>,
  column: string,
) {
  return defineRule<ChildRuleContext>({
    code,
    severity: 'error',
    message: `The ${what} start date cannot be before the referral date`,
    years: { from: 2023 },
    source,
    check(ctx, hit) {
      for (const ep of ctx.child.episodes) {
        if (ep.referralDate === null) continue;
        for (const m of pick(ep))
          if (m.startDate !== null && m.startDate < ep.referralDate) hit(at(ctx, m, column, m.startDate));
      }
    },
  });
}

/** cin_validator/rules/cin2022_23/rule_1103.py */
export const rule1103 = startsBeforeReferral(
  '1103',
  'assessment',
  'cin_validator/rules/cin2022_23/rule_1103.py',
  (ep) => ep.assessments,
  'AssessmentActualStartDate',
);
/** cin_validator/rules/cin2022_23/rule_2889.py */
export const rule2889 = startsBeforeReferral(
  '2889',
  'S47 enquiry',
  'cin_validator/rules/cin2022_23/rule_2889.py',
  (ep) => ep.section47s,
  'S47ActualStartDate',
);
/** cin_validator/rules/cin2022_23/rule_4015.py */
export const rule4015 = startsBeforeReferral(
  '4015',
  'CIN plan',
  'cin_validator/rules/cin2022_23/rule_4015.py',
  (ep) => ep.cinPlans,
  'CINPlanStartDate',
);
/** cin_validator/rules/cin2022_23/rule_1105.py */
export const rule1105 = startsBeforeReferral(
  '1105',
  'child protection plan',
  'cin_validator/rules/cin2022_23/rule_1105.py',
  (ep) => ep.cpPlans,
  'CPPstartDate',
);

/** cin_validator/rules/cin2022_23/rule_8568.py: ReferralNFA present and one of true, false, 1, 0. */
export const rule8568 = defineRule<ChildRuleContext>({
  code: '8568',
  severity: 'error',
  message: 'ReferralNFA is missing or is not true, false, 1 or 0',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8568.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) if (ep.referralNfa === null) hit(at(ctx, ep, 'ReferralNFA'));
  },
});

/** cin_validator/rules/cin2022_23/rule_8610.py: a referral that led to further action needs a PrimaryNeedCode. */
export const rule8610 = defineRule<ChildRuleContext>({
  code: '8610',
  severity: 'error',
  message: 'PrimaryNeedCode is missing for a referral which led to further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8610.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.referralNfa === false && ep.primaryNeedCode === null && ep.lines.PrimaryNeedCode === undefined)
        hit(at(ctx, ep, 'PrimaryNeedCode'));
    }
  },
});

export const REFERRAL_RULES = [rule8606, rule1103, rule2889, rule4015, rule1105, rule8568, rule8610];
