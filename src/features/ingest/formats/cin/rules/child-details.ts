/**
 * Rules on a child's identifiers and the episodes they imply: the expected birth date of an unborn child (8530Q),
 * an old referral marked NFA (8569Q), UN7 (8772), a person over 25 (8775Q), and a death with no date (8585Q).
 */
import { addDays, addMonths, isWorkingDay } from '../../../../../domain/working-days';
import { defineRule } from '../../../rules';
import { at, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_8530Q.py: an ExpectedPersonBirthDate is between the reference date minus 30
 * days and the reference date plus 9 months ("March to December of the census year end"). Lantern counts both
 * ends as in the range, as the message's "March to December" does (for 31 March 2026: 1 March to 31 December
 * 2026); the validator's file flags the two end days themselves.
 */
export const rule8530Q = defineRule<ChildRuleContext>({
  code: '8530Q',
  severity: 'query',
  message:
    'Please check: the expected date of birth is outside the expected range for this census (March to December of the year the census ends)',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_8530Q.py, both ends in the range as the message says ("March to December"); the file excludes them',
  check(ctx, hit) {
    const d = ctx.child.expectedBirthDate;
    if (d === null) return;
    const earliest = addDays(ctx.referenceDate, -30);
    const latest = addMonths(ctx.referenceDate, 9);
    if (d < earliest || d > latest) hit(at(ctx, ctx.child, 'ExpectedPersonBirthDate', d));
  },
});

/** The last working day (England and Wales bank holidays counted) before `isoDate`. */
function workingDayBefore(isoDate: string): string {
  let d = addDays(isoDate, -1);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

/**
 * cin_validator/rules/cin2022_23/rule_8569Q.py: a referral made before the start of the census year minus one
 * working day is not a referral with no further action: it was decided before the year began. Lantern takes
 * "minus one working day" as the last working day before 1 April (for 2025/26: Monday 31 March 2025), so a
 * referral on that day, decided on 1 April, may be NFA; the validator's file subtracts a zero-day business offset
 * and flags that day too. A missing ReferralNFA is 8568's error, not this query.
 */
export const rule8569Q = defineRule<ChildRuleContext>({
  code: '8569Q',
  severity: 'query',
  message:
    'Please check: a case referred before one working day prior to the start of the census year must not be flagged as a referral with no further action',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_8569Q.py, minus one working day read as the last working day before 1 April (the file uses 1 April itself); ReferralNFA true only',
  check(ctx, hit) {
    const cutOff = workingDayBefore(ctx.periodStart);
    for (const ep of ctx.child.episodes)
      if (ep.referralNfa === true && ep.referralDate !== null && ep.referralDate < cutOff)
        hit(at(ctx, ep, 'ReferralNFA', `referred ${ep.referralDate}`));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8772.py: UPNunknown UN7 (referral with no further action) means every
 * episode of the child is a referral with no further action (ReferralNFA true).
 */
export const rule8772 = defineRule<ChildRuleContext>({
  code: '8772',
  severity: 'error',
  message:
    'The UPN unknown reason is UN7 (referral with no further action) but an episode is a referral going on to further action',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8772.py',
  check(ctx, hit) {
    if (ctx.child.upnUnknown !== 'UN7') return;
    for (const ep of ctx.child.episodes) if (ep.referralNfa !== true) hit(at(ctx, ep, 'ReferralNFA'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8775Q.py: a child born more than 25 years before the reference date, with an
 * episode open after their 25th birthday (not closed, or closed after it). Reported once, on the birth date.
 */
export const rule8775Q = defineRule<ChildRuleContext>({
  code: '8775Q',
  severity: 'query',
  message: 'Please check: the child is over 25 years old',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8775Q.py',
  check(ctx, hit) {
    const born = ctx.child.birthDate;
    if (born === null || born >= addMonths(ctx.referenceDate, -300)) return;
    const twentyFifth = addMonths(born, 300);
    if (ctx.child.episodes.some((ep) => ep.closureDate === null || ep.closureDate > twentyFifth))
      hit(at(ctx, ctx.child, 'PersonBirthDate', born));
  },
});

/** cin_validator/rules/cin2022_23/rule_8585Q.py: an episode closed RC2 (died) needs the child's date of death. */
export const rule8585Q = defineRule<ChildRuleContext>({
  code: '8585Q',
  severity: 'query',
  message:
    'Please check: the CIN episode shows died (RC2) as the reason for closure, but the child has no date of death',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8585Q.py',
  check(ctx, hit) {
    if (ctx.child.deathDate !== null) return;
    for (const ep of ctx.child.episodes) if (ep.reasonForClosure === 'RC2') hit(at(ctx, ep, 'ReasonForClosure'));
  },
});

export const CHILD_DETAIL_RULES = [rule8530Q, rule8569Q, rule8772, rule8775Q, rule8585Q];
