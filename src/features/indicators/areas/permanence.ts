/**
 * Permanence indicators: adoption timeliness (A1, A10, A2), pre-proceedings under the Public Law
 * Outline, and care proceedings against the 26-week limit.
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator } from '../definition';
import { flag, inPeriod, openAtPeriodEnd, openOn } from '../sql';
import { monthsBefore } from './children-in-care';

/**
 * Children adopted (an adoption order) in the 36 months to the period end, with the period of care that ended in
 * adoption (the milestone's own, or else the child's period of care open on the day they were placed for
 * adoption): the milestone's dates, and spell_id, spell_start and continued_from of that period of care.
 */
function adoptedIn36Months(authorityId: number): SQL {
  return sql`(select p.period_end, m.id as milestone_id, m.child_id, m.order_date, m.placement_order_date, m.matched_date,
      m.placed_for_adoption_date, m.adopted_by_foster_carer, s.id as spell_id, s.start_date as spell_start, s.continued_from
    from periods p
    join permanence_milestones m on m.authority_id = ${authorityId} and m.order_type = 'adoption'
      and m.order_date between ${monthsBefore(36)} and p.period_end
    left join lateral (select poc.id, poc.start_date, poc.continued_from from periods_of_care poc
      where poc.child_id = m.child_id
        and (poc.id = m.period_of_care_id or (m.period_of_care_id is null and ${openOn('poc.start_date', 'poc.end_date', 'm.placed_for_adoption_date')}))
      order by poc.start_date desc limit 1) s on true)`;
}

const ADOPTION_COHORT =
  'Children adopted (an adoption order dated) in the 36 months to the period end, as DfE’s three-year averages. A child whose period of care began before the earliest record Lantern holds of it (its start unknown), or without the dates needed, is left out.';

const weeks = (from: string, to: string): SQL => sql`((${sql.raw(to)} - ${sql.raw(from)})::numeric / 7)`;

export const permanence = [
  defineIndicator({
    id: 'adoption-a1-days',
    title: 'Average days from entering care to moving in with the adoptive family (A1)',
    area: 'permanence',
    definition: {
      numerator: 'Days from the start of the period of care to the date the child was placed for adoption, summed.',
      denominator: 'Children adopted in the 36 months to the period end (the value is the average).',
      period: 'Adoption orders in the 36 months to the period end.',
      rules: ADOPTION_COHORT,
    },
    basis:
      'Adoption scorecard indicator A1 (DfE, 2013–16 threshold 14 months, 426 days: DfE news release on GOV.UK, 14 January 2014).',
    polarity: 'lower',
    unit: 'days',
    target: 426,
    green: 426,
    amber: 487,
    subject: 'child',
    items: (authorityId) => sql`
      select a.period_end, a.child_id as subject_id, (a.placed_for_adoption_date - a.spell_start) as numerator, 1 as denominator,
        'Entered care ' || a.spell_start || ', placed ' || a.placed_for_adoption_date as detail
      from ${adoptedIn36Months(authorityId)} a
      where a.placed_for_adoption_date is not null and a.spell_start is not null and a.continued_from is null`,
  }),
  defineIndicator({
    id: 'adoption-a10-days',
    title:
      'Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions (A10)',
    area: 'permanence',
    definition: {
      numerator:
        'Days from the start of the period of care to the day the clock stops, summed: the date placed for adoption, or for a child adopted by their foster carer the date they moved in with that carer.',
      denominator: 'Children adopted in the 36 months to the period end (the value is the average).',
      period: 'Adoption orders in the 36 months to the period end.',
      rules: `${ADOPTION_COHORT} For a foster carer adoption (adopted_by_foster_carer) Lantern finds the carer from the placement the child was in on the day they were placed for adoption (placements.carer_ref) and stops the clock at the start of the child’s unbroken run of placements with that carer in that period of care. What Lantern cannot tell: the carer is known only through carer_ref, so when it is not recorded, or no earlier placement with the same carer is found, the clock stops at the date placed for adoption, as for A1 (so A10 is never longer than A1).`,
    },
    basis:
      "Adoption and Special Guardianship Leadership Board indicator A10 (replaced A1 in the Board's data from 2021/22; Coram's note on the ASGLB data).",
    polarity: 'lower',
    unit: 'days',
    target: 426,
    green: 426,
    amber: 487,
    subject: 'child',
    items: (authorityId) => sql`
      select a.period_end, a.child_id as subject_id, (coalesce(fc.moved_in, a.placed_for_adoption_date) - a.spell_start) as numerator, 1 as denominator,
        'Entered care ' || a.spell_start || ', clock stopped ' || coalesce(fc.moved_in, a.placed_for_adoption_date) as detail
      from ${adoptedIn36Months(authorityId)} a
      left join lateral (select pl.carer_ref, pl.start_date from placements pl
        where a.adopted_by_foster_carer and pl.child_id = a.child_id and pl.period_of_care_id = a.spell_id and pl.carer_ref is not null
          and ${openOn('pl.start_date', 'pl.end_date', 'a.placed_for_adoption_date')}
        order by pl.start_date desc, pl.id desc limit 1) adoptive on true
      left join lateral (select min(same.start_date) as moved_in from placements same
        where same.child_id = a.child_id and same.period_of_care_id = a.spell_id and same.carer_ref = adoptive.carer_ref and same.start_date <= adoptive.start_date
          and same.start_date > coalesce((select max(other.start_date) from placements other
            where other.child_id = a.child_id and other.period_of_care_id = a.spell_id and other.start_date < adoptive.start_date
              and other.carer_ref is distinct from adoptive.carer_ref), '-infinity'::date)) fc on true
      where a.placed_for_adoption_date is not null and a.spell_start is not null and a.continued_from is null`,
  }),
  defineIndicator({
    id: 'adoption-a2-days',
    title: 'Average days from court authority to place to matching with adopters (A2)',
    area: 'permanence',
    definition: {
      numerator:
        'Days from the placement order to the match with the adoptive family, summed; a match made before the order counts as 0 days.',
      denominator:
        'Children adopted in the 36 months to the period end with both dates recorded (the value is the average).',
      period: 'Adoption orders in the 36 months to the period end.',
      rules: ADOPTION_COHORT,
    },
    basis:
      'Adoption scorecard indicator A2 (DfE, 2013–16 threshold 4 months, 121 days: DfE news release on GOV.UK, 2014; LG Inform metric 912).',
    polarity: 'lower',
    unit: 'days',
    target: 121,
    green: 121,
    amber: 152,
    subject: 'child',
    items: (authorityId) => sql`
      select a.period_end, a.child_id as subject_id, greatest(a.matched_date - a.placement_order_date, 0) as numerator, 1 as denominator,
        'Placement order ' || a.placement_order_date || ', matched ' || a.matched_date as detail
      from ${adoptedIn36Months(authorityId)} a
      where a.placement_order_date is not null and a.matched_date is not null and a.spell_start is not null and a.continued_from is null`,
  }),
  defineIndicator({
    id: 'plo-children',
    title: 'Children in pre-proceedings',
    area: 'permanence',
    definition: {
      numerator: 'Children in pre-proceedings under the Public Law Outline at the period end (each child once).',
      period:
        'A snapshot at the end of the last day of the period (pre-proceedings started on or before it and not ended on or before it).',
    },
    basis:
      'Public Law Outline (Practice Direction 12A) and the Pre-Proceedings and Care Proceedings statutory guidance (DfE 2021/2024); CIN census pre-proceedings module.',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, pp.child_id as subject_id, 1 as numerator, 0 as denominator, 'Since ' || min(pp.start_date) as detail
      from ${openAtPeriodEnd('pre_proceedings', 'pp', authorityId)}
      group by p.period_end, pp.child_id`,
  }),
  defineIndicator({
    id: 'plo-weeks',
    title: 'Average weeks in pre-proceedings',
    area: 'permanence',
    definition: {
      numerator: 'Weeks from the start of pre-proceedings to the period end, summed over those open then.',
      denominator: 'Pre-proceedings open at the period end (the value is the average).',
      period: 'A snapshot on the last day of the period.',
    },
    basis:
      'Public Law Outline: pre-proceedings expected to conclude within 16 weeks (Pre-Proceedings and Care Proceedings statutory guidance).',
    polarity: 'lower',
    unit: 'weeks',
    target: 16,
    green: 12,
    amber: 16,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, pp.child_id as subject_id, ${weeks('pp.start_date', 'p.period_end')} as numerator, 1 as denominator,
        'Since ' || pp.start_date as detail
      from ${openAtPeriodEnd('pre_proceedings', 'pp', authorityId)}`,
  }),
  defineIndicator({
    id: 'plo-16-weeks',
    title: 'Pre-proceedings concluded within 16 weeks',
    area: 'permanence',
    definition: {
      numerator: 'Of those, pre-proceedings that lasted 16 weeks (112 days) or less.',
      denominator: 'Pre-proceedings ending in the period.',
      period: 'Pre-proceedings whose end date falls in the period.',
    },
    basis:
      'Public Law Outline: pre-proceedings within 16 weeks (Pre-Proceedings and Care Proceedings statutory guidance).',
    polarity: 'higher',
    unit: 'percent',
    target: 80,
    green: 80,
    amber: 65,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, pp.child_id as subject_id, ${flag('pp.end_date - pp.start_date <= 112')} as numerator, 1 as denominator,
        (pp.end_date - pp.start_date) || ' days' as detail
      from ${inPeriod('pre_proceedings', 'pp', 'end_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'care-proceedings-26-weeks',
    title: 'Care proceedings concluded within 26 weeks',
    area: 'permanence',
    definition: {
      numerator: 'Of those, proceedings concluded within 26 weeks (182 days) of issue.',
      denominator: 'Care proceedings concluded (ended) in the period, whatever the order.',
      period: 'Proceedings whose end date falls in the period.',
    },
    basis:
      'Children Act 1989 s32(1)(a) as amended by the Children and Families Act 2014 s14: proceedings to be disposed of within 26 weeks of issue.',
    polarity: 'higher',
    unit: 'percent',
    target: 60,
    green: 60,
    amber: 40,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id, ${flag('cp.end_date - cp.issue_date <= 182')} as numerator, 1 as denominator,
        'Issued ' || cp.issue_date || ', concluded ' || cp.end_date as detail
      from ${inPeriod('care_proceedings', 'cp', 'end_date', authorityId)}`,
  }),
  defineIndicator({
    id: 'care-proceedings-average-weeks',
    title: 'Average weeks to conclude care proceedings',
    area: 'permanence',
    definition: {
      numerator: 'Weeks from issue to conclusion, summed over proceedings concluded in the period.',
      denominator: 'Care proceedings concluded (ended) in the period (the value is the average).',
      period: 'Proceedings whose end date falls in the period.',
    },
    basis:
      'Children and Families Act 2014 s14 (26 weeks); Cafcass and MoJ family court statistics report the same average.',
    polarity: 'lower',
    unit: 'weeks',
    target: 26,
    green: 26,
    amber: 35,
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, cp.child_id as subject_id, ${weeks('cp.issue_date', 'cp.end_date')} as numerator, 1 as denominator,
        'Issued ' || cp.issue_date || ', concluded ' || cp.end_date as detail
      from ${inPeriod('care_proceedings', 'cp', 'end_date', authorityId)}`,
  }),
];
