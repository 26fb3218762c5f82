/**
 * Assessment and protection indicators: assessment timeliness, section 47 enquiries, strategy
 * discussions, initial child protection conferences, child protection plans, their reviews and visits, and CIN
 * plans. Working days exclude weekends and England and Wales bank holidays; Lantern counts the start day as day 0
 * (src/domain/working-days.ts), so "within N working days" means on or before the Nth working day after the start.
 */
import { sql, type SQL } from 'drizzle-orm';
import { type IndicatorDefinition, PERIOD_RATE_NOTE, PER_10K_RULE, defineIndicator } from '../definition';
import {
  PERIOD_DAYS,
  calendarRow,
  flag,
  inPeriod,
  inWorkingDays,
  openAtPeriodEnd,
  periodsEndingWhileOpen,
} from '../sql';

const DAY_ZERO =
  'Lantern counts the start date as day 0: authorised on the 45th working day after the start is in time, on the 46th late. ' +
  "The DfE CIN census validator (rule 8670Q, in Data to Insight's open-source csc-validator-be-cin) counts the start date as day 1, so it allows one working day fewer; Lantern follows its own convention, used by every timescale it shows.";

/** One strategy discussion indicator: % of discussions in the period with one agency present. */
function strategyDiscussionPresence(agency: 'police' | 'health' | 'education'): IndicatorDefinition {
  const column = `sd.${agency}_present`;
  return defineIndicator({
    id: `strategy-discussions-${agency}`,
    title: `Strategy discussions with ${agency} present`,
    area: 'assessment-protection',
    definition: {
      numerator: `Strategy discussions in the period that ${agency} took part in.`,
      denominator: 'Strategy discussions held in the period.',
      period: 'Discussion dates in the period.',
    },
    basis:
      'Working Together to Safeguard Children: a strategy discussion should involve at least children’s social care, the police and health (and education where relevant). Local measure; DfE publishes no equivalent.',
    polarity: 'higher',
    unit: 'percent',
    target: agency === 'education' ? 80 : 95,
    green: agency === 'education' ? 80 : 95,
    amber: agency === 'education' ? 65 : 85,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, sd.child_id as subject_id, ${flag(column)} as numerator, 1 as denominator,
        'Strategy discussion ' || sd.discussion_date as detail
      from ${inPeriod('strategy_discussions', 'sd', 'discussion_date', authorityId)}`,
  });
}

/**
 * For the CP visit measures, as a derived table `op`: each period's end (period_end, and its calendar rank end_rank)
 * with the children whose CP plan was open at that end and had been open for at least 10 working days by then. A
 * plan started before the calendar's first year counts as open long enough. \`offset 0\` keeps it a unit the planner
 * does not pull apart: otherwise it may probe each child's visits once for every period, not once a row.
 */
function openPlansAtLeast10WorkingDays(authorityId: number): SQL {
  return sql`(
        select p.period_end, cp.child_id, wp.rank as end_rank
        from cp_plans cp ${periodsEndingWhileOpen('p', 'cp.start_date', 'cp.end_date')}
        join working_day_calendar wp on wp.day = p.period_end
        ${calendarRow('ws', 'cp.start_date')}
        where cp.authority_id = ${authorityId} and (ws.rank is null or wp.rank - ws.rank >= 10)
        offset 0
      ) op`;
}

/** The child's latest CP visit on or before the period end at which they were seen (a lateral subquery on the visits_child index). */
const latestSeenCpVisit = sql.raw(`select v.visit_date, v.seen_alone from visits v
        where v.child_id = op.child_id and v.kind = 'cp' and v.seen and v.visit_date <= op.period_end
        order by v.visit_date desc limit 1`);

export const assessmentProtection: IndicatorDefinition[] = [
  defineIndicator({
    id: 'assessments-45-working-days',
    title: 'Assessments authorised within 45 working days',
    area: 'assessment-protection',
    definition: {
      numerator: 'Assessments authorised in the period no more than 45 working days after the assessment started.',
      denominator: 'Assessments completed (authorised) in the period.',
      period: 'Authorisation dates in the period; the assessment may have started before it.',
      rules: `${DAY_ZERO} Assessments not yet authorised are not counted (they are not complete).`,
    },
    basis:
      'Working Together to Safeguard Children: an assessment concludes within 45 working days. DfE Characteristics of children in need, table C3 (assessments completed in the year by working days from AssessmentActualStartDate to AssessmentAuthorisationDate).',
    polarity: 'higher',
    unit: 'percent',
    target: 85,
    green: 85,
    amber: 75,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, a.child_id as subject_id,
        ${inWorkingDays('a.start_date', 'ws', 'a.authorisation_date', 'wa', 45)} as numerator, 1 as denominator,
        'Assessment ' || a.start_date || ' to ' || a.authorisation_date || ' (' || (wa.rank - ws.rank) || ' working days)' as detail
      from ${inPeriod('assessments', 'a', 'authorisation_date', authorityId)}
      ${calendarRow('ws', 'a.start_date')} ${calendarRow('wa', 'a.authorisation_date')}`,
  }),
  defineIndicator({
    id: 'assessments-45-working-days-from-referral',
    title: 'Assessments authorised within 45 working days of the referral',
    area: 'assessment-protection',
    definition: {
      numerator:
        'Assessments authorised in the period no more than 45 working days after the referral date of their CIN episode.',
      denominator: 'Assessments completed (authorised) in the period.',
      period: 'Authorisation dates in the period.',
      rules: `The same assessments as "Assessments authorised within 45 working days", counted from the referral rather than the assessment start. ${DAY_ZERO.replace('after the start', 'after the referral')}`,
    },
    basis:
      'Working Together to Safeguard Children 2023, chapter 3 (Providing help, support and protection): the maximum timeframe for an assessment to conclude is 45 working days from the point of referral. DfE statistics count from the assessment start instead (see the other measure).',
    polarity: 'higher',
    unit: 'percent',
    target: 85,
    green: 85,
    amber: 75,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, a.child_id as subject_id,
        ${inWorkingDays('r.referral_date', 'wr', 'a.authorisation_date', 'wa', 45)} as numerator, 1 as denominator,
        'Referral ' || r.referral_date || ', authorised ' || a.authorisation_date || ' (' || (wa.rank - wr.rank) || ' working days)' as detail
      from ${PERIOD_DAYS} p
      join assessments a on a.authority_id = ${authorityId} and a.authorisation_date = p.day
      join cin_episodes r on r.id = a.cin_episode_id
      ${calendarRow('wr', 'r.referral_date')} ${calendarRow('wa', 'a.authorisation_date')}`,
  }),
  defineIndicator({
    id: 's47-per-10k',
    title: 'Section 47 enquiries per 10,000 children',
    area: 'assessment-protection',
    definition: {
      numerator: 'Section 47 enquiries starting in the period (several for one child all count).',
      period: `S47 start dates in the period. ${PERIOD_RATE_NOTE}`,
      rules: PER_10K_RULE,
    },
    basis:
      'DfE Characteristics of children in need, table D1 (section 47 enquiries starting in the year, rate per 10,000 children), CIN census S47ActualStartDate. No benchmark file for it is loaded.',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, s.child_id as subject_id, 1 as numerator, 0 as denominator, 'S47 ' || s.start_date as detail
      from ${inPeriod('s47_enquiries', 's', 'start_date', authorityId)}`,
  }),
  defineIndicator({
    id: 's47-to-icpc',
    title: 'Section 47 enquiries leading to an ICPC',
    area: 'assessment-protection',
    definition: {
      numerator: 'Section 47 enquiries ended in the period that led to an initial child protection conference.',
      denominator: 'Section 47 enquiries that ended in the period.',
      period: 'S47 end dates in the period.',
      rules:
        'An S47 led to an ICPC when an ICPC is recorded against it (initial_cp_conferences.s47_enquiry_id) or its recorded outcome is "icpc". ' +
        'Either is enough: the outcome counts an ICPC decided on but not yet held (or not yet recorded) when the figure is made, and the ICPC row counts one whose outcome was left blank. ' +
        'An S47 with ICPCnotRequired, or with outcome nfa or cin-plan and no ICPC, did not lead to one.',
    },
    basis:
      'DfE Characteristics of children in need, tables D1 and D2 (section 47 enquiries and the ICPCs that follow them), CIN census Section47 module (DateOfInitialCPC, ICPCnotRequired).',
    polarity: 'neutral',
    unit: 'percent',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, s.child_id as subject_id,
        (case when s.outcome = 'icpc' or i.s47_enquiry_id is not null then 1 else 0 end) as numerator, 1 as denominator,
        'S47 ended ' || s.end_date || coalesce(', outcome ' || s.outcome, '') as detail
      from ${PERIOD_DAYS} p
      join s47_enquiries s on s.authority_id = ${authorityId} and s.end_date = p.day
      left join (
        select distinct icpc.s47_enquiry_id from initial_cp_conferences icpc
        where icpc.authority_id = ${authorityId} and icpc.s47_enquiry_id is not null
      ) i on i.s47_enquiry_id = s.id`,
  }),
  defineIndicator({
    id: 'icpc-15-working-days',
    title: 'Initial child protection conferences within 15 working days',
    area: 'assessment-protection',
    definition: {
      numerator:
        'ICPCs held in the period no more than 15 working days after the strategy discussion that started the section 47 enquiry.',
      denominator: 'ICPCs held in the period, other than transfer-in conferences.',
      period: 'Conference dates in the period.',
      rules:
        'The clock starts at the strategy discussion linked to the ICPC’s S47 enquiry; when the S47 has no strategy discussion recorded, at the S47 start date. ' +
        'The discussion day is day 0: a conference on the 15th working day after it is in time, on the 16th late (the CIN validator, rule 8675Q, counts the start day as day 1). ' +
        'Transfer-in conferences are excluded, and so are ICPCs with no S47 recorded: in the CIN census the ICPC belongs to an S47, so there is nothing to count from.',
    },
    basis:
      'Working Together to Safeguard Children 2023, chapter 3 (Providing help, support and protection): the ICPC takes place within 15 working days of the strategy discussion, or the last strategy discussion if there were several. DfE CIN table C4 measures S47 start → ICPC instead.',
    polarity: 'higher',
    unit: 'percent',
    target: 85,
    green: 85,
    amber: 75,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, icpc.child_id as subject_id,
        ${inWorkingDays('coalesce(sd.discussion_date, s.start_date)', 'wf', 'icpc.conference_date', 'wc', 15)} as numerator, 1 as denominator,
        'ICPC ' || icpc.conference_date || ', ' || (case when sd.id is null then 'S47 started ' else 'strategy discussion ' end) || coalesce(sd.discussion_date, s.start_date) as detail
      from ${PERIOD_DAYS} p
      join initial_cp_conferences icpc on icpc.authority_id = ${authorityId} and not icpc.transfer_in
        and icpc.conference_date = p.day
      join s47_enquiries s on s.id = icpc.s47_enquiry_id
      left join strategy_discussions sd on sd.id = s.strategy_discussion_id
      ${calendarRow('wf', 'coalesce(sd.discussion_date, s.start_date)')} ${calendarRow('wc', 'icpc.conference_date')}`,
  }),
  strategyDiscussionPresence('police'),
  strategyDiscussionPresence('health'),
  strategyDiscussionPresence('education'),
  defineIndicator({
    id: 'cp-plans-per-10k',
    title: 'Children on a child protection plan per 10,000 children',
    area: 'assessment-protection',
    definition: {
      numerator: 'Children on a child protection plan at the end of the period.',
      period:
        'A snapshot at the end of the last day of the period: plans started on or before it and not ended on or before it (DfE’s convention for figures at 31 March: a plan ending on that day is not open at its end).',
      rules: `Each child counts once. ${PER_10K_RULE}`,
    },
    basis:
      'DfE Characteristics of children in need, table D1 (children who were the subject of a child protection plan at 31 March, rate per 10,000 children). No benchmark file for it is loaded.',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id, 1 as numerator, 0 as denominator, 'Plan from ' || min(cp.start_date) as detail
      from ${openAtPeriodEnd('cp_plans', 'cp', authorityId)}
      group by p.period_end, cp.child_id`,
  }),
  defineIndicator({
    id: 'cp-plans-subsequent',
    title: 'Child protection plans that are a second or subsequent plan',
    area: 'assessment-protection',
    definition: {
      numerator:
        'Plans starting in the period for a child who had been on a child protection plan before, however long ago.',
      denominator: 'Child protection plans starting in the period.',
      period: 'Plan start dates in the period.',
      rules:
        'A previous plan is one counted in the plan’s number of previous plans (CIN census NumberOfPreviousCPP, which includes plans in other authorities), or an earlier plan for the child in Lantern.',
    },
    basis:
      'DfE Characteristics of children in need, table D3 (child protection plans starting in the year that were a second or subsequent plan); ex-NI 65 (LG Inform metric 100).',
    polarity: 'lower',
    unit: 'percent',
    // Default thresholds: a little better than England (22.7–24.7% in 2022–2025, DfE table D3).
    target: 20,
    green: 20,
    amber: 25,
    benchmark: 'cpp-subsequent-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id,
        (case when cp.number_of_previous_plans > 0 or cp.earlier_plans > 0 then 1 else 0 end) as numerator, 1 as denominator,
        'Plan from ' || cp.start_date || (case when cp.number_of_previous_plans > 0 or cp.earlier_plans > 0 then ' (subsequent)' else '' end) as detail
      from ${PERIOD_DAYS} p
      join (
        select c.child_id, c.start_date, c.number_of_previous_plans,
          rank() over (partition by c.child_id order by c.start_date) - 1 as earlier_plans
        from cp_plans c where c.authority_id = ${authorityId}
      ) cp on cp.start_date = p.day`,
  }),
  defineIndicator({
    id: 'cp-plans-ended-2-years-plus',
    title: 'Child protection plans ending after 2 years or more',
    area: 'assessment-protection',
    definition: {
      numerator: 'Plans ending in the period that had lasted 2 years or more.',
      denominator: 'Child protection plans ending in the period.',
      period: 'Plan end dates in the period.',
      rules:
        'A plan lasted 2 years or more when it ended on or after the same date two years after it started (DfE table D7’s "2 years or more" band).',
    },
    basis:
      'DfE Characteristics of children in need, table D7 (child protection plans ending in the year by length: under 3 months, 3–6 months, 6–12 months, 1–2 years, 2 years or more). No benchmark file for it is loaded.',
    polarity: 'lower',
    unit: 'percent',
    // Default thresholds: a judgement (no D7 benchmark file is loaded to set them against); an admin may change them.
    target: 3,
    green: 3,
    amber: 5,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id,
        ${flag("cp.end_date >= (cp.start_date + interval '2 years')::date")} as numerator, 1 as denominator,
        'Plan ' || cp.start_date || ' to ' || cp.end_date as detail
      from ${inPeriod('cp_plans', 'cp', 'end_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'cp-plans-open-2-years-plus',
    title: 'Child protection plans open 2 years or more',
    area: 'assessment-protection',
    definition: {
      numerator: 'Plans open at the end of the period that started 2 years or more before it.',
      denominator: 'Child protection plans open at the end of the period.',
      period:
        'A snapshot at the end of the last day of the period (a plan ending on that day is not open at its end, as DfE counts at 31 March).',
      rules: 'Open 2 years or more: the period end is on or after the same date two years after the plan started.',
    },
    basis:
      'DfE Characteristics of children in need, table D5 (child protection plans at 31 March by length, 2 years or more).',
    polarity: 'lower',
    unit: 'percent',
    // Default thresholds: around England (2.2–2.6% in 2022–2025, DfE table D5).
    target: 2,
    green: 2,
    amber: 4,
    benchmark: 'cpp-open-2-years-plus-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id,
        ${flag("p.period_end >= (cp.start_date + interval '2 years')::date")} as numerator, 1 as denominator,
        'Plan from ' || cp.start_date as detail
      from ${openAtPeriodEnd('cp_plans', 'cp', authorityId)}`,
  }),
  defineIndicator({
    id: 'cp-reviews-in-timescale',
    title: 'Child protection reviews in timescale',
    area: 'assessment-protection',
    definition: {
      numerator: 'Review conferences held in the period on or before their due date.',
      denominator: 'Child protection review conferences held in the period.',
      period: 'Review dates in the period.',
      rules:
        'The first review of a plan is due 3 months after the plan started (the ICPC), each later one 6 months after the review before it (a month later on the same day of the month, or its last day). ' +
        'The due date is worked out from the dates held, not taken from the recorded due date, so a late review moves the next one’s due date.',
    },
    basis:
      'Working Together to Safeguard Children 2023, chapter 3 (Providing help, support and protection): the first child protection review conference within 3 months of the initial conference, then at intervals of no more than 6 months.',
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 85,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, rv.child_id as subject_id,
        ${flag('rv.review_date <= rv.due')} as numerator, 1 as denominator,
        'Review ' || rv.review_date || ', due ' || rv.due as detail
      from ${PERIOD_DAYS} p
      join (
        select r.child_id, r.review_date,
          coalesce(
            (lag(r.review_date) over (partition by r.cp_plan_id order by r.review_date, r.id) + interval '6 months')::date,
            (cp.start_date + interval '3 months')::date
          ) as due
        from cp_reviews r join cp_plans cp on cp.id = r.cp_plan_id
        where r.authority_id = ${authorityId}
      ) rv on rv.review_date = p.day`,
  }),
  defineIndicator({
    id: 'cp-visits-10-working-days',
    title: 'Children on a child protection plan seen within 10 working days',
    area: 'assessment-protection',
    definition: {
      numerator:
        'Children who were seen on a child protection visit no more than 10 working days before the end of the period.',
      denominator:
        'Children on a child protection plan at the end of the period whose plan had been open for at least 10 working days.',
      period: 'A snapshot on the last day of the period.',
      rules:
        'The latest child protection visit on or before the period end at which the child was seen counts; visits where the child was not seen do not. ' +
        'The visit day is day 0: a visit on the 10th working day before the period end still counts, one on the 11th does not.',
    },
    basis:
      "Local timescale (Lantern's default, the common standard in English authorities): children on a child protection plan are seen every 10 working days. Working Together leaves visit frequency to the plan; no DfE equivalent.",
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) => sql`
      select op.period_end, op.child_id as subject_id,
        ${flag('op.end_rank - wv.rank <= 10')} as numerator, 1 as denominator,
        coalesce('Last seen ' || lv.visit_date, 'Not seen on a CP visit') as detail
      from ${openPlansAtLeast10WorkingDays(authorityId)}
      left join lateral (${latestSeenCpVisit}) lv on true
      ${calendarRow('wv', 'lv.visit_date')}`,
  }),
  defineIndicator({
    id: 'cp-visits-seen-alone',
    title: 'Children on a child protection plan seen alone at their latest visit',
    area: 'assessment-protection',
    definition: {
      numerator: 'Children seen alone at their latest child protection visit at which they were seen.',
      denominator:
        'Children counted as seen within 10 working days in "Children on a child protection plan seen within 10 working days".',
      period: 'A snapshot on the last day of the period.',
      rules:
        'The same children and visit as the 10-working-day measure; a visit with "seen alone" not recorded counts as not seen alone. Babies and very young children are included, as in the visit record.',
    },
    basis:
      'Working Together to Safeguard Children: children on a plan are seen, and seen alone where appropriate, by their lead social worker. Local measure; no DfE equivalent.',
    polarity: 'higher',
    unit: 'percent',
    target: 80,
    green: 80,
    amber: 70,
    subject: 'child',
    items: (authorityId) => sql`
      select op.period_end, op.child_id as subject_id,
        ${flag('lv.seen_alone')} as numerator, 1 as denominator,
        'Last seen ' || lv.visit_date || (case when lv.seen_alone then ', alone' else ', not alone' end) as detail
      from ${openPlansAtLeast10WorkingDays(authorityId)}
      join lateral (${latestSeenCpVisit}) lv on true
      join working_day_calendar wv on wv.day = lv.visit_date and op.end_rank - wv.rank <= 10`,
  }),
  defineIndicator({
    id: 'cin-plans-open-6-months',
    title: 'Child in need plans open 6 months or more',
    area: 'assessment-protection',
    definition: {
      numerator: 'Child in need plans open at the end of the period that started 6 months or more before it.',
      period:
        'A snapshot at the end of the last day of the period (a plan ending on that day is not open at its end, as DfE counts at 31 March).',
      rules: 'Six months or more: started on or before the same date six months before the period end.',
    },
    basis:
      'Local measure of drift in child in need work (CIN plans are reviewed every 3 months, the common local standard); DfE publishes CIN episode durations, not CIN plan durations.',
    polarity: 'lower',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, pl.child_id as subject_id, 1 as numerator, 0 as denominator, 'CIN plan from ' || pl.start_date as detail
      from cin_plans pl ${periodsEndingWhileOpen('p', 'pl.start_date', 'pl.end_date')}
      where pl.authority_id = ${authorityId} and pl.start_date <= (p.period_end - interval '6 months')::date`,
  }),
];
