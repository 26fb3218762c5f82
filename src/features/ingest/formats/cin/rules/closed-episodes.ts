/**
 * What a closed CIN episode may hold: nothing dated after its closure (8565), every assessment completed (8867),
 * every S47 enquiry concluded (8868), and an assessment that found nothing closes it after assessment (8873Q).
 */
import { defineRule } from '../../../rules';
import type { Located } from '../model';
import { at, type ChildRuleContext } from './context';

/**
 * cin_validator/rules/cin2022_23/rule_8565.py: a CIN closure date is on or after every date of the episode's
 * activity that is given: assessment start and authorisation, S47 start and initial conference, the CINdetails
 * DateOfInitialCPC, CP plan end, CIN plan start and end. Each module with a later date is reported on that date.
 * (The validator's file checks a CP plan table it builds itself rather than the return's; Lantern checks the
 * return's CPPendDate, as the DfE rule says.)
 */
export const rule8565 = defineRule<ChildRuleContext>({
  code: '8565',
  severity: 'error',
  message: 'Activity is shown after the case was closed (a date later than the CIN closure date)',
  years: { from: 2023 },
  source:
    "cin_validator/rules/cin2022_23/rule_8565.py; the DfE rule: CINclosureDate on or after N00159, N00160, N00148, N00110, N00115, N00689, N00690 (the file checks CPPendDate in a table of its own, not the return's)",
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const closed = ep.closureDate;
      if (closed === null) continue;
      const dates: Array<[Located, string, string | null]> = [[ep, 'DateOfInitialCPC', ep.dateOfInitialCpc]];
      for (const a of ep.assessments)
        dates.push(
          [a, 'AssessmentActualStartDate', a.startDate],
          [a, 'AssessmentAuthorisationDate', a.authorisationDate],
        );
      for (const s of ep.section47s)
        dates.push([s, 'S47ActualStartDate', s.startDate], [s, 'DateOfInitialCPC', s.icpcDate]);
      for (const p of ep.cpPlans) dates.push([p, 'CPPendDate', p.endDate]);
      for (const p of ep.cinPlans) dates.push([p, 'CINPlanStartDate', p.startDate], [p, 'CINPlanEndDate', p.endDate]);
      for (const [module, column, date] of dates)
        if (date !== null && date > closed) hit(at(ctx, module, column, `${column} ${date}, closed ${closed}`));
    }
  },
});

/** cin_validator/rules/cin2022_23/rule_8867.py: in a closed episode every assessment has its authorisation date. */
export const rule8867 = defineRule<ChildRuleContext>({
  code: '8867',
  severity: 'error',
  message: 'The CIN episode is closed but an assessment is not shown as completed (no authorisation date)',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8867.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.closureDate === null) continue;
      for (const a of ep.assessments)
        if (a.authorisationDate === null) hit(at(ctx, a, 'AssessmentAuthorisationDate', `closed ${ep.closureDate}`));
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8868.py: in a closed episode every S47 enquiry is concluded, either by an
 * initial conference (DateOfInitialCPC) or by ICPCnotRequired true, and not both.
 */
export const rule8868 = defineRule<ChildRuleContext>({
  code: '8868',
  severity: 'error',
  message:
    'The CIN episode is closed but a S47 enquiry is not shown as completed: it needs either an initial child protection conference date or "conference not required", not both',
  years: { from: 2023 },
  source: 'cin_validator/rules/cin2022_23/rule_8868.py',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      if (ep.closureDate === null) continue;
      for (const s of ep.section47s) {
        const notRequired = s.icpcNotRequired === true;
        if (s.icpcDate === null && !notRequired) hit(at(ctx, s, 'DateOfInitialCPC', 'no conference date'));
        else if (s.icpcDate !== null && notRequired) hit(at(ctx, s, 'ICPCnotRequired', 'conference date given too'));
      }
    }
  },
});

/**
 * cin_validator/rules/cin2022_23/rule_8873Q.py: an episode whose only assessment found no factors (21) should be
 * closed after assessment, RC8 or RC9. Lantern asks this of closed episodes only: an open one has no reason for
 * closure yet, and the validator's query on it (the reason is blank) cannot be answered by amending the data.
 */
export const rule8873Q = defineRule<ChildRuleContext>({
  code: '8873Q',
  severity: 'query',
  message:
    'Please check: the only assessment of the episode found no factors (21), so the reason for closure should be RC8 or RC9 (closed after assessment)',
  years: { from: 2023 },
  source:
    'cin_validator/rules/cin2022_23/rule_8873Q.py, asked of closed episodes only (the file asks it of open ones too)',
  check(ctx, hit) {
    for (const ep of ctx.child.episodes) {
      const only = ep.assessments.length === 1 ? ep.assessments[0] : undefined;
      const reason = ep.reasonForClosure;
      if (only?.factors?.includes('21') && reason !== null && reason !== 'RC8' && reason !== 'RC9')
        hit(at(ctx, ep, 'ReasonForClosure', reason));
    }
  },
});

export const CLOSED_EPISODE_RULES = [rule8565, rule8867, rule8868, rule8873Q];
