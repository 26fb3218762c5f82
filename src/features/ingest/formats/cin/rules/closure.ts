/** CINdetails rules about closing an episode. */
import { defineRule } from '../../../rules';
import { at, type ChildRuleContext } from './context';

/** cin_validator/rules/cin2022_23/rule_8805.py */
export const rule8805 = defineRule<ChildRuleContext>({
  code: '8805',
  severity: 'error',
  message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8805.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.closureDate !== null && ep.reasonForClosure === null && ep.lines.ReasonForClosure === undefined)
        hit(at(ctx, ep, 'ReasonForClosure'));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8810.py: the reverse of 8805. */
export const rule8810 = defineRule<ChildRuleContext>({
  code: '8810',
  severity: 'error',
  message: 'A CIN case cannot have a Reason for Closure without a CIN closure date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8810.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.reasonForClosure !== null && ep.closureDate === null && ep.lines.CINclosureDate === undefined)
        hit(at(ctx, ep, 'CINclosureDate'));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8630.py */
export const rule8630 = defineRule<ChildRuleContext>({
  code: '8630',
  severity: 'error',
  message: 'The CIN closure date is before the CIN referral date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8630.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.closureDate !== null && ep.referralDate !== null && ep.closureDate < ep.referralDate)
        hit(at(ctx, ep, 'CINclosureDate', ep.closureDate));
    }
  },
});

const AFTER_ASSESSMENT = ['RC8', 'RC9'];

/**
 * cin_validator/rules/cin2022_23/rule_2990.py: an episode closed after assessment (RC8, no further action; RC9,
 * referred to early help) can have no further activity: no S47 enquiry (and so no ICPC), no DateOfInitialCPC, no
 * child protection plan and no CIN plan. Reported once on the episode's ReasonForClosure, naming what it holds.
 */
export const rule2990 = defineRule<ChildRuleContext>({
  code: '2990',
  severity: 'error',
  message:
    'Activity is recorded against a case closed after assessment (RC8 or RC9): it cannot have a S47 enquiry, an initial child protection conference, a child protection plan or a CIN plan',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_2990.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.reasonForClosure === null || !AFTER_ASSESSMENT.includes(ep.reasonForClosure)) continue;
      const activity = [
        ep.section47s.length > 0 ? 'S47' : null,
        ep.dateOfInitialCpc !== null ? 'DateOfInitialCPC' : null,
        ep.cpPlans.length > 0 ? 'CP plan' : null,
        ep.cinPlans.length > 0 ? 'CIN plan' : null,
      ].filter((a) => a !== null);
      if (activity.length > 0)
        hit(at(ctx, ep, 'ReasonForClosure', `${ep.reasonForClosure} with ${activity.join(', ')}`));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8825Q.py: RC8/RC9 means there was an assessment. */
export const rule8825Q = defineRule<ChildRuleContext>({
  code: '8825Q',
  severity: 'query',
  message:
    'Please check: Reason for Closure RC8 (closed after assessment) or RC9 (closed after assessment, referred to early help) is given but the episode has no assessment',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8825Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (
        ep.reasonForClosure !== null &&
        AFTER_ASSESSMENT.includes(ep.reasonForClosure) &&
        ep.assessments.length === 0
      ) {
        hit(at(ctx, ep, 'ReasonForClosure', ep.reasonForClosure));
      }
    }
  },
});

export const CLOSURE_RULES = [rule8805, rule8810, rule8630, rule2990, rule8825Q];
