/** Section47 rules: an enquiry awaiting its conference at year end; conference dates on weekends and before the referral. */
import { defineRule } from '../../../rules';
import { at, isWeekend, validatorWorkingDaysBefore, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_8675Q.py: an S47 enquiry with no ICPC date and ICPCnotRequired false should
 * not have started before the ReferenceDate minus 15 working days (validator counting: the reference date is
 * day 1). Lantern follows the rule's text; the validator's code at the snapshot compares the other way
 * (flags enquiries started *after* the cut-off), which contradicts its own message.
 */
export const rule8675Q = defineRule<ChildRuleContext>({
  code: '8675Q',
  severity: 'query',
  message:
    'Please check: the S47 enquiry started more than 15 working days before the end of the census year but there is no date of initial child protection conference',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8675Q.py',
  check(ctx, hit) {
    const cutOff = validatorWorkingDaysBefore(ctx.referenceDate, 15);
    for (const ep of ctx.child.episodes) {
      for (const s of ep.section47s) {
        if (s.icpcDate === null && s.icpcNotRequired === false && s.startDate !== null && s.startDate < cutOff)
          hit(at(ctx, s, 'S47ActualStartDate', s.startDate));
      }
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8875.py: the date of an initial child protection conference (in Section47
 * or at CINdetails level) should not be a Saturday or Sunday. As in the validator, only weekends count, not bank
 * holidays.
 */
export const rule8875 = defineRule<ChildRuleContext>({
  code: '8875',
  severity: 'error',
  message: 'The date of the initial child protection conference cannot be a Saturday or Sunday',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8875.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.dateOfInitialCpc !== null && isWeekend(ep.dateOfInitialCpc))
        hit(at(ctx, ep, 'DateOfInitialCPC', ep.dateOfInitialCpc));
      for (const s of ep.section47s)
        if (s.icpcDate !== null && isWeekend(s.icpcDate)) hit(at(ctx, s, 'DateOfInitialCPC', s.icpcDate));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8870Q.py: the ICPC target date should not be a Saturday or Sunday. */
export const rule8870Q = defineRule<ChildRuleContext>({
  code: '8870Q',
  severity: 'query',
  message:
    'Please check: the target date for the initial child protection conference should not be a Saturday or Sunday',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8870Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const s of ep.section47s)
        if (s.icpcTarget !== null && isWeekend(s.icpcTarget)) hit(at(ctx, s, 'InitialCPCtarget', s.icpcTarget));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_1104.py: an S47's initial conference is not before the episode's referral. */
export const rule1104 = defineRule<ChildRuleContext>({
  code: '1104',
  severity: 'error',
  message: 'The initial child protection conference is before the referral date',
  years: { from: 2023 },
  source:
    "cin_validator/rules/cin2022_23/rule_1104.py: Section47 DateOfInitialCPC, when given, on or after its episode's CINreferralDate",
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.referralDate === null) continue;
      for (const s of ep.section47s)
        if (s.icpcDate !== null && s.icpcDate < ep.referralDate)
          hit(at(ctx, s, 'DateOfInitialCPC', `referred ${ep.referralDate}`));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8615.py: an S47 with a conference has a start date on or before it. */
export const rule8615 = defineRule<ChildRuleContext>({
  code: '8615',
  severity: 'error',
  message: 'The S47 enquiry has an initial conference date but no start date, or starts after the conference',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8615.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const s of ep.section47s)
        if (s.icpcDate !== null && (s.startDate === null || s.startDate > s.icpcDate))
          hit(at(ctx, s, 'S47ActualStartDate', s.startDate === null ? 'missing' : `conference ${s.icpcDate}`));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8839.py: an episode has at most one S47 still open: no conference date and
 * ICPCnotRequired not true. Each such S47 is reported.
 */
export const rule8839 = defineRule<ChildRuleContext>({
  code: '8839',
  severity: 'error',
  message: 'The episode has more than one S47 enquiry with no initial conference and no "conference not required"',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8839.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const open = ep.section47s.filter((s) => s.icpcDate === null && s.icpcNotRequired !== true);
      if (open.length > 1) for (const s of open) hit(at(ctx, s, 'DateOfInitialCPC', `${open.length} open`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_2884.py: an initial conference is recorded either on its S47 or, for a child
 * transferred in, on the episode (CINdetails DateOfInitialCPC), not both: the same date at both levels fails.
 */
export const rule2884 = defineRule<ChildRuleContext>({
  code: '2884',
  severity: 'error',
  message: 'The initial child protection conference is recorded both on the S47 and on the CIN episode',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_2884.py: CINdetails DateOfInitialCPC equal to a Section47 DateOfInitialCPC',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.dateOfInitialCpc === null) continue;
      if (ep.section47s.some((s) => s.icpcDate === ep.dateOfInitialCpc))
        hit(at(ctx, ep, 'DateOfInitialCPC', ep.dateOfInitialCpc));
    }
  },
});

export const SECTION47_RULES = [rule8675Q, rule8875, rule8870Q, rule1104, rule8615, rule8839, rule2884];
