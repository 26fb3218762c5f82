/** Child protection plan rules: plans and conferences, plan dates, open and overlapping plans. */
import { defineRule } from '../../../rules';
import type { CinCpPlan, CinEpisode } from '../model';
import { at, type ChildRuleContext } from './context';

/** Every ICPC date of an episode: in its Section47 modules and at CINdetails level. */
function icpcDates(ep: CinEpisode): string[] {
  const out: string[] = [];
  if (ep.dateOfInitialCpc !== null) out.push(ep.dateOfInitialCpc);
  for (const s of ep.section47s) if (s.icpcDate !== null) out.push(s.icpcDate);
  return out;
}

const inYear = (ctx: ChildRuleContext, d: string | null): d is string =>
  d !== null && d >= ctx.periodStart && d <= ctx.referenceDate;

/**
 * cin_validator/rules/cin2022_23/rule_2883.py: within an episode, no more child protection plans may start in
 * the census year than initial conferences took place in it.
 */
export const rule2883 = defineRule<ChildRuleContext>({
  code: '2883',
  severity: 'error',
  message:
    'There are more child protection plans starting in the year than initial child protection conferences taking place',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_2883.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const plans = ep.cpPlans.filter((p) => inYear(ctx, p.startDate)).length;
      const conferences = icpcDates(ep).filter((d) => inYear(ctx, d)).length;
      if (plans > conferences) hit(at(ctx, ep, 'DateOfInitialCPC', `${plans} plans, ${conferences} conferences`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_2885.py: a child protection plan starting in the year starts on the day of
 * an initial conference of its episode.
 */
export const rule2885 = defineRule<ChildRuleContext>({
  code: '2885',
  severity: 'error',
  message: 'The child protection plan starts on a different day from the initial child protection conference',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_2885.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const dates = icpcDates(ep);
      for (const p of ep.cpPlans)
        if (inYear(ctx, p.startDate) && !dates.includes(p.startDate)) hit(at(ctx, p, 'CPPstartDate', p.startDate));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8840.py */
export const rule8840 = defineRule<ChildRuleContext>({
  code: '8840',
  severity: 'error',
  message: 'A child protection plan cannot start and end on the same day',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8840.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const p of ep.cpPlans)
        if (p.startDate !== null && p.startDate === p.endDate) hit(at(ctx, p, 'CPPendDate', p.endDate));
  },
});

/** cin_validator/rules/cin2022_23/rule_8925.py */
export const rule8925 = defineRule<ChildRuleContext>({
  code: '8925',
  severity: 'error',
  message: 'The child protection plan end date is before its start date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8925.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const p of ep.cpPlans)
        if (p.startDate !== null && p.endDate !== null && p.endDate < p.startDate)
          hit(at(ctx, p, 'CPPendDate', p.endDate));
    }
  },
});

const plansOf = (ctx: ChildRuleContext): CinCpPlan[] => ctx.child.episodes.flatMap((e) => e.cpPlans);

/** cin_validator/rules/cin2022_23/rule_8935.py: at most one open plan per child. */
export const rule8935 = defineRule<ChildRuleContext>({
  code: '8935',
  severity: 'error',
  message: 'This child has more than one open child protection plan (with no end date)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8935.py',
  check(ctx, hit) {
    const open = plansOf(ctx).filter((p) => p.startDate !== null && p.endDate === null);
    if (open.length > 1) for (const p of open) hit(at(ctx, p, 'CPPendDate'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8940.py: a child's plans must not overlap. A plan that ended overlaps a
 * later one starting before that end date (starting on the end day does not overlap); two open plans are 8935's.
 */
export const rule8940 = defineRule<ChildRuleContext>({
  code: '8940',
  severity: 'error',
  message: 'The dates of the child protection plans for this child overlap',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8940.py',
  check(ctx, hit) {
    const plans = plansOf(ctx)
      .filter((p) => p.startDate !== null)
      .sort((a, b) => (a.startDate as string).localeCompare(b.startDate as string));
    for (let i = 0; i < plans.length; i++) {
      const a = plans[i] as CinCpPlan;
      if (a.endDate === null) continue;
      for (let j = i + 1; j < plans.length; j++) {
        const b = plans[j] as CinCpPlan;
        if ((b.startDate as string) < a.endDate)
          hit(
            at(
              ctx,
              b,
              'CPPstartDate',
              `starts ${b.startDate}, before the plan of ${a.startDate} ended on ${a.endDate}`,
            ),
          );
      }
    }
  },
});

export const CP_PLAN_RULES = [rule2883, rule2885, rule8840, rule8925, rule8935, rule8940];
