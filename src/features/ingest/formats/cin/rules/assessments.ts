/** Assessments rules: timeliness at year end and the factors identified. */
import { defineRule } from '../../../rules';
import { at, validatorWorkingDaysBefore, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_8670Q.py: an assessment with no authorisation date should not have
 * started before the ReferenceDate minus 45 working days. Counted as the validator counts
 * (ReferenceDate − CustomBusinessDay(44), England bank holidays: the reference date is day 1), so for 31 March
 * 2023 the cut-off is 30 January 2023 (the count is in the test).
 */
export const rule8670Q = defineRule<ChildRuleContext>({
  code: '8670Q',
  severity: 'query',
  message:
    'Please check: the assessment started more than 45 working days before the end of the census year but has no authorisation date',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8670Q.py',
  check(ctx, hit) {
    const cutOff = validatorWorkingDaysBefore(ctx.referenceDate, 45);
    for (const ep of ctx.child.episodes) {
      for (const a of ep.assessments) {
        if (a.authorisationDate === null && a.startDate !== null && a.startDate < cutOff)
          hit(at(ctx, a, 'AssessmentActualStartDate', a.startDate));
      }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8608.py: an assessment cannot be authorised before it started. */
export const rule8608 = defineRule<ChildRuleContext>({
  code: '8608',
  severity: 'error',
  message: 'The assessment is authorised before it started',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_8608.py: AssessmentAuthorisationDate, when given, on or after AssessmentActualStartDate',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const a of ep.assessments) {
        if (a.startDate !== null && a.authorisationDate !== null && a.authorisationDate < a.startDate)
          hit(at(ctx, a, 'AssessmentAuthorisationDate', `started ${a.startDate}`));
      }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8614.py: factors are given only for a completed (authorised) assessment. */
export const rule8614 = defineRule<ChildRuleContext>({
  code: '8614',
  severity: 'error',
  message: 'Factors identified at assessment are given for an assessment that is not completed (no authorisation date)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8614.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const a of ep.assessments)
        if (a.authorisationDate === null && a.factors !== null && a.factors.length > 0)
          hit(at(ctx, a, 'FactorsIdentifiedAtAssessment'));
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8863Q.py: within one episode, an assessment does not start on or between the
 * start and authorisation of another (or its start and the ReferenceDate when it is not authorised).
 */
export const rule8863Q = defineRule<ChildRuleContext>({
  code: '8863Q',
  severity: 'query',
  message: 'Please check: an assessment starts while another assessment in the episode is ongoing',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8863Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes)
      for (const a of ep.assessments) {
        const start = a.startDate;
        if (start === null) continue;
        const during = ep.assessments.some(
          (o) =>
            o !== a &&
            o.startDate !== null &&
            start >= o.startDate &&
            start <= (o.authorisationDate ?? ctx.referenceDate),
        );
        if (during) hit(at(ctx, a, 'AssessmentActualStartDate', start));
      }
  },
});

/** cin_validator/rules/cin2022_23/rule_8869.py: factor 21 (no factors identified) stands alone. */
export const rule8869 = defineRule<ChildRuleContext>({
  code: '8869',
  severity: 'error',
  message: 'Assessment factor 21 (no factors identified) cannot be given with any other factor',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8869.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const a of ep.assessments) {
        if (a.factors !== null && a.factors.includes('21') && a.factors.some((f) => f !== '21'))
          hit(at(ctx, a, 'FactorsIdentifiedAtAssessment'));
      }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8897Q.py: a completed (authorised) assessment lists its factors. */
export const rule8897Q = defineRule<ChildRuleContext>({
  code: '8897Q',
  severity: 'query',
  message: 'Please check: factors identified at assessment should be given for a completed (authorised) assessment',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8897Q.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const a of ep.assessments) {
        if (a.authorisationDate !== null && (a.factors === null || a.factors.length === 0))
          hit(at(ctx, a, 'AssessmentAuthorisationDate'));
      }
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8898.py: no factor twice in one assessment. */
export const rule8898 = defineRule<ChildRuleContext>({
  code: '8898',
  severity: 'error',
  message: 'The assessment gives the same factor more than once',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8898.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      for (const a of ep.assessments) {
        if (a.factors === null) continue;
        const twice = a.factors.filter((f, i) => a.factors?.indexOf(f) !== i);
        if (twice.length > 0) hit(at(ctx, a, 'FactorsIdentifiedAtAssessment', [...new Set(twice)].join(', ')));
      }
    }
  },
});

/** New in the 2024/25 ruleset (cin2024_25/): the rulesets of earlier years do not have them. */
function retiredFactor(code: string, factor: string, replacement: string) {
  return defineRule<ChildRuleContext>({
    code,
    severity: 'query',
    message: `Please check: assessment factor ${factor} was retired in 2021/22; use ${replacement}`,
    years: { from: 2025 },
    source: `cin_validator/rules/cin2024_25/rule_${code}.py`,
    check(ctx, hit) {
      for (const ep of ctx.child.episodes) {
        for (const a of ep.assessments)
          if (a.factors?.includes(factor)) hit(at(ctx, a, 'FactorsIdentifiedAtAssessment', factor));
      }
    },
  });
}

/** cin_validator/rules/cin2024_25/rule_8945Q.py: 18A (physical abuse) was replaced by 18B and 18C. */
export const rule8945Q = retiredFactor('8945Q', '18A', '18B (child on child) or 18C (adult on child)');
/** cin_validator/rules/cin2024_25/rule_8950Q.py: 19A (sexual abuse) was replaced by 19B and 19C. */
export const rule8950Q = retiredFactor('8950Q', '19A', '19B (child on child) or 19C (adult on child)');

export const ASSESSMENT_RULES = [
  rule8608,
  rule8614,
  rule8863Q,
  rule8670Q,
  rule8869,
  rule8897Q,
  rule8898,
  rule8945Q,
  rule8950Q,
];
