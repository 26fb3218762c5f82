/**
 * Modules that must not run at the same time, or that must come with another: CIN plans that overlap (4014), a CP
 * review held during a CIN plan (4003), S47 enquiries that overlap (8890), two assessments open at once (8896), a
 * S47 with no assessment (2991Q), and the dates of CP reviews (8841, 8842Q).
 */
import { defineRule } from '../../../rules';
import type { CinPlanDates, CinSection47 } from '../model';
import { at, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_4014.py: no CIN plan of a child starts on or between the start and end of
 * another (or its start and the reference date when it has no end). Plans starting the same day both fail.
 */
export const rule4014 = defineRule<ChildRuleContext>({
  code: '4014',
  severity: 'error',
  message: 'The CIN plans overlap: a CIN plan starts while another is open',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_4014.py',
  check(ctx, hit) {
    const plans: CinPlanDates[] = ctx.child.episodes.flatMap((ep) => ep.cinPlans.filter((p) => p.startDate !== null));
    for (const p of plans) {
      const start = p.startDate as string;
      const other = plans.find(
        (o) => o !== p && start >= (o.startDate as string) && start <= (o.endDate ?? ctx.referenceDate),
      );
      if (other) hit(at(ctx, p, 'CINPlanStartDate', `another plan runs from ${other.startDate as string}`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_4003.py: within an episode, no CP review is held on or after the start of a
 * CIN plan and before its end, unless the review is the day the CP plan ends (a plan ended at a review and followed
 * by a CIN plan). The DfE rule reads "between CINPlanStartDate and CINPlanEndDate"; a CIN plan with no end is open
 * until the reference date, so Lantern counts it (the validator's file compares with a missing end and never fires
 * on an open CIN plan, nor on a CP plan that has not ended).
 */
export const rule4003 = defineRule<ChildRuleContext>({
  code: '4003',
  severity: 'error',
  message: 'A child protection plan review is shown as held while a CIN plan was open',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_4003.py, within an episode as the DfE rule says, a CIN plan with no end open to the reference date (the file never fires on one)',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.cinPlans.length === 0) continue;
      for (const plan of ep.cpPlans)
        for (const r of plan.reviews) {
          if (r.date === plan.endDate) continue;
          const during = ep.cinPlans.find(
            (c) =>
              c.startDate !== null &&
              r.date >= c.startDate &&
              (c.endDate === null ? r.date <= ctx.referenceDate : r.date < c.endDate),
          );
          if (during)
            hit({
              file: ctx.file,
              row: r.line,
              column: 'CPPreviewDate',
              child: ctx.child.laChildId,
              detail: `${r.date}, CIN plan from ${during.startDate as string}`,
            });
        }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8841.py: a CP review is after its plan's start, not on or before it. */
export const rule8841 = defineRule<ChildRuleContext>({
  code: '8841',
  severity: 'error',
  message: 'A child protection plan review date cannot be on or before the plan’s start date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8841.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const plan of ep.cpPlans) {
        if (plan.startDate === null) continue;
        for (const r of plan.reviews)
          if (r.date <= plan.startDate)
            hit({
              file: ctx.file,
              row: r.line,
              column: 'CPPreviewDate',
              child: ctx.child.laChildId,
              detail: `${r.date}, plan started ${plan.startDate}`,
            });
      }
  },
});

/** cin_validator/rules/cin2022_23/rule_8842Q.py: a review record has its date. */
export const rule8842Q = defineRule<ChildRuleContext>({
  code: '8842Q',
  severity: 'query',
  message: 'Please check: a child protection plan review record has no date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8842Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const plan of ep.cpPlans)
        for (const line of plan.undatedReviews)
          hit({ file: ctx.file, row: line, column: 'CPPreviewDate', child: ctx.child.laChildId });
  },
});

/** When a S47 enquiry is ongoing for 8890: to its conference, or to the reference date while one is still due. */
function s47Until(s: CinSection47, referenceDate: string): string | null {
  if (s.icpcDate !== null) return s.icpcDate;
  return s.icpcNotRequired === true ? null : referenceDate;
}

/**
 * cin_validator/rules/cin2022_23/rule_8890.py: within an episode, no S47 enquiry starts on or between the start
 * and initial conference of another (or its start and the reference date, when it has no conference and one is
 * still required). An enquiry concluded with "conference not required" has no such span. Two identical enquiries
 * both fail (the validator's file skips pairs with the same dates, taking them for one enquiry compared with itself).
 */
export const rule8890 = defineRule<ChildRuleContext>({
  code: '8890',
  severity: 'error',
  message: 'A S47 enquiry is shown as starting while another S47 enquiry is ongoing',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8890.py; two identical enquiries both fail (the file skips them)',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.section47s.length < 2) continue;
      for (const s of ep.section47s) {
        const start = s.startDate;
        if (start === null) continue;
        const other = ep.section47s.find((o) => {
          if (o === s || o.startDate === null) return false;
          const until = s47Until(o, ctx.referenceDate);
          return until !== null && start >= o.startDate && start <= until;
        });
        if (other) hit(at(ctx, s, 'S47ActualStartDate', `another S47 started ${other.startDate as string}`));
      }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8896.py: at most one assessment of an episode with no authorisation date. */
export const rule8896 = defineRule<ChildRuleContext>({
  code: '8896',
  severity: 'error',
  message: 'The CIN episode has two or more assessments that are open (no authorisation date)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8896.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const open = ep.assessments.filter((a) => a.authorisationDate === null);
      if (open.length > 1) for (const a of open) hit(at(ctx, a, 'AssessmentAuthorisationDate', `${open.length} open`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_2991Q.py: an episode with a S47 enquiry has an assessment. Reported once
 * per episode, on its first Section47.
 */
export const rule2991Q = defineRule<ChildRuleContext>({
  code: '2991Q',
  severity: 'query',
  message: 'Please check: a S47 enquiry is recorded and there is no assessment in the episode',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_2991Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const first = ep.section47s[0];
      if (first && ep.assessments.length === 0) hit(at(ctx, first, 'S47ActualStartDate'));
    }
  },
});

export const OVERLAP_RULES = [rule4014, rule4003, rule8841, rule8842Q, rule8890, rule8896, rule2991Q];
