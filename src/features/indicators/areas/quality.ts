/**
 * LADO and quality indicators: referrals to the Local Authority Designated Officer about adults
 * who work with children, and how quickly they are considered and overseen; and what case audits found: the share of
 * audited practice domains graded good or better (issue 6; src/features/quality/results.ts counts the same way).
 *
 * Working days as everywhere in Lantern (src/domain/working-days.ts): the referral day is day 0, so "within 1
 * working day" means on the referral day or by the end of the next working day (a Friday referral, by Monday; a
 * Saturday one, by Monday too). A date before the referral is a recording error and does not count as in time.
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator, type IndicatorDefinition } from '../definition';
import { calendarRow, inPeriod, inWorkingDays } from '../sql';

/** Referrals in the period, with 1 when `column` is recorded within 1 working day of the referral. */
function withinOneWorkingDay(
  authorityId: number,
  column: 'management_oversight_date' | 'initial_consideration_date',
  label: string,
): SQL {
  const c = `l.${column}`;
  return sql`
    select p.period_end, l.child_id as subject_id,
      ${inWorkingDays('l.referral_date', 'wr', c, 'wc', 1)} as numerator,
      1 as denominator,
      'Referral ' || l.referral_date || ', ' || coalesce(${label}::text || ' ' || ${sql.raw(c)}, 'no ' || ${label}::text || ' recorded') as detail
    from ${inPeriod('lado_referrals', 'l', 'referral_date', authorityId)}
    ${calendarRow('wr', 'l.referral_date')}
    ${calendarRow('wc', c)}`;
}

const LADO_BASIS =
  'Working Together to Safeguard Children 2023, chapter 4 (Organisational responsibilities: allegations against people who work with children) and the London Safeguarding Children Procedures: the LADO gives initial advice and consideration on the working day of the referral or the next.';

export const quality: IndicatorDefinition[] = [
  defineIndicator({
    id: 'lado-referrals',
    title: 'LADO referrals',
    area: 'quality',
    definition: {
      numerator: 'Referrals to the LADO dated in the period (about a child Lantern knows or not).',
      period: 'Referrals dated in the period.',
      rules: 'Referrals about a child Lantern does not hold count too; they are not listed in the drill-down.',
    },
    basis: 'Local measure of allegations against people who work with children; no DfE collection.',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, l.child_id as subject_id, 1 as numerator, 0 as denominator, 'Referral ' || l.referral_date as detail
      from ${inPeriod('lado_referrals', 'l', 'referral_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'lado-oversight-1-working-day',
    title: 'LADO referrals with management oversight within 1 working day',
    area: 'quality',
    definition: {
      numerator: 'Those with management oversight recorded on the referral day or the next working day.',
      denominator: 'LADO referrals dated in the period.',
      period: 'Referrals dated in the period.',
      rules:
        'No oversight recorded, or recorded 2 or more working days after the referral, is not in time. Weekends and England and Wales bank holidays are not working days.',
    },
    basis: LADO_BASIS,
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 85,
    subject: 'child',
    items: (authorityId) => withinOneWorkingDay(authorityId, 'management_oversight_date', 'management oversight'),
  }),
  defineIndicator({
    id: 'lado-initial-consideration-1-working-day',
    title: 'LADO referrals with initial consideration within 1 working day',
    area: 'quality',
    definition: {
      numerator: 'Those whose initial consideration was recorded on the referral day or the next working day.',
      denominator: 'LADO referrals dated in the period.',
      period: 'Referrals dated in the period.',
      rules:
        'No initial consideration recorded, or one 2 or more working days after the referral, is not in time. Weekends and England and Wales bank holidays are not working days.',
    },
    basis: LADO_BASIS,
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 85,
    subject: 'child',
    items: (authorityId) => withinOneWorkingDay(authorityId, 'initial_consideration_date', 'initial consideration'),
  }),
  defineIndicator({
    id: 'audits-good-or-better',
    title: '% audit domain grades good or better',
    area: 'quality',
    definition: {
      numerator: 'Those graded outstanding or good.',
      denominator: 'Practice domain grades of the case audits submitted in the period.',
      period: 'Audits submitted (or since moderated) in the period, each counted on the day it was submitted.',
      rules:
        'The grade moderation agreed counts when there is one, else the auditor’s. Draft audits do not count. One row per audit in the drill-down: its good or better domains of its graded domains.',
    },
    basis:
      'Local quality assurance measure (case audits against the authority’s practice domains, moderated by double and triple lock); no DfE collection.',
    polarity: 'higher',
    unit: 'percent',
    target: 60,
    green: 60,
    amber: 50,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, a.child_id as subject_id,
        count(*) filter (where coalesce(g.agreed_grade, g.grade) in ('outstanding', 'good')) as numerator,
        count(*) as denominator,
        'Audit submitted ' || a.submitted_on || ': ' || count(*) filter (where coalesce(g.agreed_grade, g.grade) in ('outstanding', 'good')) || ' of ' || count(*) || ' domains good or better' as detail
      from periods p
      join case_audits a on a.authority_id = ${authorityId} and a.status <> 'draft' and a.submitted_on between p.period_start and p.period_end
      join case_audit_grades g on g.audit_id = a.id
      group by p.period_end, a.id, a.child_id, a.submitted_on`,
  }),
];
