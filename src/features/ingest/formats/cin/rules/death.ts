/**
 * The child's date of death against the rest of the record. Sources: cin_validator/rules/cin2022_23/rule_8535Q.py,
 * rule_8545Q.py, rule_8555Q.py, rule_4008.py, rule_4009Q.py, rule_8915.py, rule_8920.py (the same in every later
 * year). Severities as the validator marks them (8555Q is a query despite its wording).
 */
import { defineRule } from '../../../rules';
import { at, type ChildRuleContext } from './context';

export const rule8535Q = defineRule<ChildRuleContext>({
  code: '8535Q',
  severity: 'query',
  message: "Please check: the child's date of death is before the date of birth, or there is no date of birth",
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8535Q.py: PersonDeathDate given with PersonBirthDate after it or blank',
  check(ctx, hit) {
    const c = ctx.child;
    if (c.deathDate !== null && (c.birthDate === null || c.birthDate > c.deathDate))
      hit(at(ctx, c, 'PersonDeathDate', c.birthDate === null ? 'no date of birth' : 'before the date of birth'));
  },
});

export const rule8545Q = defineRule<ChildRuleContext>({
  code: '8545Q',
  severity: 'query',
  message: "Please check: the child's date of death should be within the census year",
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8545Q.py: PersonDeathDate from 1 April to the ReferenceDate',
  check(ctx, hit) {
    const d = ctx.child.deathDate;
    if (d !== null && (d < ctx.periodStart || d > ctx.referenceDate)) hit(at(ctx, ctx.child, 'PersonDeathDate', d));
  },
});

export const rule8555Q = defineRule<ChildRuleContext>({
  code: '8555Q',
  severity: 'query',
  message: 'Please check: the child is shown as referred after the date of death',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8555Q.py: CINreferralDate on or before PersonDeathDate',
  check(ctx, hit) {
    const died = ctx.child.deathDate;
    if (died === null) return;
    for (const ep of ctx.child.episodes)
      if (ep.referralDate !== null && ep.referralDate > died) hit(at(ctx, ep, 'CINreferralDate', `died ${died}`));
  },
});

/** A plan's date after the child's death: 4008/4009Q (CIN plans), 8915/8920 (child protection plans). */
function afterDeath(
  code: string,
  severity: 'error' | 'query',
  message: string,
  column: string,
  dates: (ep: ChildRuleContext['child']['episodes'][number]) => Array<{
    line: number;
    lines: Record<string, number>;
    date: string | null;
  }>,
) {
  return defineRule<ChildRuleContext>({
    code,
    severity,
    message,
    years: { from: 2023 },
    source: `cin_validator/rules/cin2022_23/rule_${code}.py: ${column}, when given, on or before PersonDeathDate`,
    check(ctx, hit) {
      const died = ctx.child.deathDate;
      if (died === null) return;
      for (const ep of ctx.child.episodes)
        for (const d of dates(ep)) if (d.date !== null && d.date > died) hit(at(ctx, d, column, `died ${died}`));
    },
  });
}

export const rule4008 = afterDeath(
  '4008',
  'error',
  "The CIN plan starts after the child's date of death",
  'CINPlanStartDate',
  (ep) => ep.cinPlans.map((p) => ({ ...p, date: p.startDate })),
);
export const rule4009Q = afterDeath(
  '4009Q',
  'query',
  "Please check: the CIN plan ends after the child's date of death",
  'CINPlanEndDate',
  (ep) => ep.cinPlans.map((p) => ({ ...p, date: p.endDate })),
);
export const rule8915 = afterDeath(
  '8915',
  'error',
  "The child protection plan starts after the child's date of death",
  'CPPstartDate',
  (ep) => ep.cpPlans.map((p) => ({ ...p, date: p.startDate })),
);
export const rule8920 = afterDeath(
  '8920',
  'error',
  "The child protection plan ends after the child's date of death",
  'CPPendDate',
  (ep) => ep.cpPlans.map((p) => ({ ...p, date: p.endDate })),
);

export const DEATH_RULES = [rule8535Q, rule8545Q, rule8555Q, rule4008, rule4009Q, rule8915, rule8920];
