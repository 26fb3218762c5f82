/** A CIN plan and a child protection plan cannot run at the same time (across all of a child's episodes). */
import { defineRule } from '../../../rules';
import { at, within, type ChildRuleContext } from './context';

const cinPlansOf = (ctx: ChildRuleContext) => ctx.child.episodes.flatMap((e) => e.cinPlans);
const cpPlansOf = (ctx: ChildRuleContext) => ctx.child.episodes.flatMap((e) => e.cpPlans);

/** cin_validator/rules/cin2022_23/rule_4011.py: a CIN plan cannot end before it starts. */
export const rule4011 = defineRule<ChildRuleContext>({
  code: '4011',
  severity: 'error',
  message: 'The CIN plan ends before it starts',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4011.py: CINPlanEndDate, when given, on or after CINPlanStartDate',
  check(ctx, hit) {
    for (const c of cinPlansOf(ctx))
      if (c.startDate !== null && c.endDate !== null && c.endDate < c.startDate)
        hit(at(ctx, c, 'CINPlanEndDate', `starts ${c.startDate}`));
  },
});

/** cin_validator/rules/cin2022_23/rule_4012Q.py: a CIN plan starting and ending on the same day is worth a check. */
export const rule4012Q = defineRule<ChildRuleContext>({
  code: '4012Q',
  severity: 'query',
  message: 'Please check: the CIN plan starts and ends on the same day',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4012Q.py',
  check(ctx, hit) {
    for (const c of cinPlansOf(ctx))
      if (c.startDate !== null && c.endDate === c.startDate) hit(at(ctx, c, 'CINPlanEndDate', c.startDate));
  },
});

/** cin_validator/rules/cin2022_23/rule_4004.py: one episode has at most one open CIN plan. */
export const rule4004 = defineRule<ChildRuleContext>({
  code: '4004',
  severity: 'error',
  message: 'The episode has more than one open CIN plan (no end date)',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_4004.py: CINplanDates with no CINPlanEndDate, per CINdetails; each is reported',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const open = ep.cinPlans.filter((c) => c.endDate === null);
      if (open.length > 1) for (const c of open) hit(at(ctx, c, 'CINPlanEndDate', `${open.length} open`));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_4001.py: Lantern's reading: a CIN plan and a CP plan both still open. */
export const rule4001 = defineRule<ChildRuleContext>({
  code: '4001',
  severity: 'error',
  message: 'A CIN plan cannot run at the same time as a child protection plan: both are open (no end date)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4001.py',
  check(ctx, hit) {
    const cpOpen = cpPlansOf(ctx).some((p) => p.startDate !== null && p.endDate === null);
    if (!cpOpen) return;
    for (const c of cinPlansOf(ctx)) if (c.startDate !== null && c.endDate === null) hit(at(ctx, c, 'CINPlanEndDate'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_4016.py: a CIN plan cannot start while a child protection plan is open:
 * on or after the CP plan's start and before its end (or up to the ReferenceDate if it has none).
 */
export const rule4016 = defineRule<ChildRuleContext>({
  code: '4016',
  severity: 'error',
  message: 'A CIN plan is shown as starting while a child protection plan is open',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4016.py',
  check(ctx, hit) {
    const cps = cpPlansOf(ctx);
    for (const c of cinPlansOf(ctx)) {
      if (c.startDate === null) continue;
      const cp = cps.find(
        (p) => p.startDate !== null && within(c.startDate as string, p.startDate, p.endDate, ctx.referenceDate),
      );
      if (cp) hit(at(ctx, c, 'CINPlanStartDate', `${c.startDate}, during the CP plan from ${cp.startDate}`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_4017.py: a child protection plan cannot start while a CIN plan is open, on
 * or after its start and before its end (or up to the ReferenceDate); starting on the CIN plan's end day is fine.
 */
export const rule4017 = defineRule<ChildRuleContext>({
  code: '4017',
  severity: 'error',
  message: 'A CIN plan is shown as open at the same time as a child protection plan',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4017.py',
  check(ctx, hit) {
    const cins = cinPlansOf(ctx);
    for (const p of cpPlansOf(ctx)) {
      if (p.startDate === null) continue;
      const c = cins.find(
        (x) => x.startDate !== null && within(p.startDate as string, x.startDate, x.endDate, ctx.referenceDate),
      );
      if (c) hit(at(ctx, p, 'CPPstartDate', `${p.startDate}, during the CIN plan from ${c.startDate}`));
    }
  },
});

export const CIN_PLAN_RULES = [rule4004, rule4011, rule4012Q, rule4001, rule4016, rule4017];
