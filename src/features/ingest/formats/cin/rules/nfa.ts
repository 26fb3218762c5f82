/** A referral with no further action (ReferralNFA true) has nothing recorded against it. */
import { defineRule } from '../../../rules';
import { at, type ChildRuleContext } from './context';

/** cin_validator/rules/cin2022_23/rule_8831.py: no assessment, S47 or ICPC. */
export const rule8831 = defineRule<ChildRuleContext>({
  code: '8831',
  severity: 'error',
  message:
    'Activity (an assessment, S47 enquiry or initial conference) is recorded against a referral marked as no further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8831.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (
        ep.referralNfa === true &&
        (ep.assessments.length > 0 || ep.section47s.length > 0 || ep.dateOfInitialCpc !== null)
      )
        hit(at(ctx, ep, 'ReferralNFA'));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8832.py: no child protection plan. */
export const rule8832 = defineRule<ChildRuleContext>({
  code: '8832',
  severity: 'error',
  message: 'Child protection details are given for a referral marked as no further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8832.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      if (ep.referralNfa === true && ep.cpPlans.length > 0) hit(at(ctx, ep, 'ReferralNFA'));
  },
});

/** cin_validator/rules/cin2022_23/rule_4000.py: no CIN plan. */
export const rule4000 = defineRule<ChildRuleContext>({
  code: '4000',
  severity: 'error',
  message: 'CIN plan details are given for a referral marked as no further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4000.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      if (ep.referralNfa === true && ep.cinPlans.length > 0) hit(at(ctx, ep, 'ReferralNFA'));
  },
});

export const NFA_RULES = [rule8831, rule8832, rule4000];
