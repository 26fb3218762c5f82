/**
 * Children in care indicators: numbers in care, starts and ceases, placement stability, reviews,
 * health, placement distance, missing episodes and return home interviews, visits and unaccompanied children.
 *
 * Short breaks. A child is looked after during a period of care (periods_of_care.start_date..end_date). DfE leaves
 * out children looked after only under an agreed series of short-term placements (legal statuses V3 and V4) from
 * its counts, rates and stability measures; Lantern does the same for every indicator here: a period of care
 * whose legal statuses are all V3 or V4 is not counted (a period with any other legal status is, as a whole; a
 * period with no legal status recorded is counted).
 *
 * Windows "in the N months to the period end" run from the day after the same date N months earlier to the period
 * end, inclusive (for 31 March 2026 and 12 months: 1 April 2025 to 31 March 2026), as DfE's years do.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PER_10K_RULE, defineIndicator } from '../definition';
import { PERIOD_DAYS, ageAt, flag, nthWorkingDayJoin, openAtEndOf, periodsEndingWhileOpen } from '../sql';

const SHORT_BREAKS_RULE =
  'Children whose care is only short breaks (every legal status V3 or V4) are left out, as DfE does.';

/**
 * The authority's periods of care, without those made up only of short breaks, as a subquery
 * (id, child_id, start_date, end_date, continued_from).
 */
export function careSpells(authorityId: number): SQL {
  return sql`(select poc.id, poc.child_id, poc.start_date, poc.end_date, poc.continued_from
    from periods_of_care poc
    where poc.authority_id = ${authorityId} and poc.id not in ${shortBreakOnly(authorityId)})`;
}

/** The ids of the authority's periods of care made up only of short breaks (every legal status V3 or V4). */
export function shortBreakOnly(authorityId: number): SQL {
  return sql`(select ls.period_of_care_id from legal_statuses ls where ls.authority_id = ${authorityId}
    group by ls.period_of_care_id having bool_and(ls.legal_status in ('V3', 'V4')))`;
}

/** The first day of the N months to the period end (the day after the same date N months earlier). */
export function monthsBefore(months: number, end = 'p.period_end'): SQL {
  return sql`((${sql.raw(end)} - interval '${sql.raw(String(months))} months')::date + 1)`;
}

/**
 * One row per period and child looked after at the period end (not only short breaks): the period of care open
 * then (the latest-starting one should records overlap). Columns period_start, period_end, spell_id, child_id,
 * spell_start.
 */
function lookedAfterAtEnd(authorityId: number): SQL {
  return sql`(select distinct on (p.period_end, s.child_id)
      p.period_start, p.period_end, s.id as spell_id, s.child_id, s.start_date as spell_start
    from ${careSpells(authorityId)} s ${periodsEndingWhileOpen('p', 's.start_date', 's.end_date')}
    order by p.period_end, s.child_id, s.start_date desc)`;
}

/**
 * lookedAfterAtEnd with the child's placement open at the period end in that period of care (the latest-starting
 * one, the highest id among those starting the same day), as cur_id, cur_start_date, cur_distance_miles,
 * cur_in_area and cur_placement_type: all null when none is open. One hash join and one sort, not an index lookup
 * for every child and period.
 */
function lookedAfterWithPlacement(authorityId: number): SQL {
  return sql`(select distinct on (la.period_end, la.child_id) la.period_start, la.period_end, la.spell_id, la.child_id,
      la.spell_start, pl.id as cur_id, pl.start_date as cur_start_date, pl.distance_miles as cur_distance_miles,
      pl.in_area as cur_in_area, pl.placement_type as cur_placement_type
    from ${lookedAfterAtEnd(authorityId)} la
    left join placements pl on pl.child_id = la.child_id and pl.period_of_care_id = la.spell_id
      and ${openAtEndOf('pl.start_date', 'pl.end_date', 'la.period_end')}
    order by la.period_end, la.child_id, pl.start_date desc, pl.id desc)`;
}

/** A timestamp column's date in England. */
const ukDate = (column: string): SQL => sql`(${sql.raw(column)} at time zone 'Europe/London')::date`;
/*
 * An instant is in a period when its date in England is one of the period's days: the same as being from the start
 * of the period's first day to the start of the day after its last, in England (clocks change at 1 or 2 am, never
 * at midnight, so an instant's date in England only ever moves forward).
 */

function missingEpisodesStarting(authorityId: number, kind: 'M' | 'A'): SQL {
  return sql`
    select p.period_end, m.child_id as subject_id, 1 as numerator, 0 as denominator,
      ${sql.raw(kind === 'M' ? "'Missing from '" : "'Away from '")} || ${ukDate('m.start_at')} as detail
    from ${PERIOD_DAYS} p join missing_episodes m on m.authority_id = ${authorityId} and m.kind = ${kind}
      and ${ukDate('m.start_at')} = p.day`;
}

/** Missing (M) episodes that ended in the period, with a 0/1 numerator from `met` (over m.*). */
function missingEpisodesEnded(authorityId: number, met: SQL, what: string): SQL {
  return sql`
    select p.period_end, m.child_id as subject_id, ${flag(met)} as numerator, 1 as denominator,
      'Returned ' || ${ukDate('m.end_at')} || case when ${met} then ${sql.raw(`': ${what}'`)} else ${sql.raw(`': not ${what}'`)} end as detail
    from ${PERIOD_DAYS} p join missing_episodes m on m.authority_id = ${authorityId} and m.kind = 'M'
      and ${ukDate('m.end_at')} = p.day`;
}

/**
 * Children who entered care in the period, with their first initial health assessment in that period of care
 * (iha, or null) and the date it was due (due). Not counted: periods of care whose real start Lantern does not hold
 * (continued_from), children who left care before the assessment was due without having one (it was never due),
 * and children whose assessment is not yet due today and not yet held (it cannot yet be late).
 */
function initialHealthAssessments(authorityId: number, due: { join: SQL; date: SQL }): SQL {
  return sql`
    select x.period_end, x.child_id as subject_id,
      ${flag(sql`x.iha is not null and x.iha <= x.due`)} as numerator, 1 as denominator,
      'Entered care ' || x.start_date || ', due ' || x.due || ', ' || coalesce('held ' || x.iha, 'not held') as detail
    from (
      select p.period_end, s.child_id, s.start_date, s.end_date, ${due.date} as due, h.iha
      from ${PERIOD_DAYS} p join ${careSpells(authorityId)} s on s.start_date = p.day and s.continued_from is null
      ${due.join}
      left join lateral (select min(ha.assessment_date) as iha from health_assessments ha
        where ha.child_id = s.child_id and ha.kind = 'initial' and ha.assessment_date >= s.start_date
          and (s.end_date is null or ha.assessment_date <= s.end_date)) h on true
    ) x
    where (x.iha is not null and x.iha <= x.due)
       or ((x.end_date is null or x.end_date >= x.due) and x.due < current_date)`;
}

/**
 * Children looked after at the period end whose period of care had lasted 12 months or more (started on or
 * before the same date a year earlier), with their date of birth: the cohort of DfE's OC2 health measures.
 */
function lookedAfter12Months(authorityId: number): SQL {
  return sql`(select la.period_end, la.child_id, c.date_of_birth
    from ${lookedAfterAtEnd(authorityId)} la join children c on c.id = la.child_id
    where la.spell_start <= (la.period_end - interval '12 months')::date)`;
}

export const childrenInCare = [
  defineIndicator({
    id: 'cla-per-10k',
    title: 'Children in care per 10,000 children',
    area: 'children-in-care',
    definition: {
      numerator: 'Children looked after at the end of the period (each child once).',
      period:
        'A snapshot at the end of the last day of the period: a child whose care ended that day has ceased, as DfE counts.',
      rules: `${PER_10K_RULE} ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England: children looked after on 31 March per 10,000 children (cla_number_and_rate_per_10k_children), SSDA903 episodes.',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    benchmark: 'cla-rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, 1 as numerator, 0 as denominator, 'In care since ' || la.spell_start as detail
      from ${lookedAfterAtEnd(authorityId)} la`,
  }),
  defineIndicator({
    id: 'cla-starts-per-10k',
    title: 'Children starting to be looked after per 10,000 children',
    area: 'children-in-care',
    definition: {
      numerator:
        'Children who started to be looked after in the period: each child once, however many periods of care began.',
      period: 'Periods of care starting in the period. A month’s rate is about a twelfth of a year’s.',
      rules: `Divided by the child population aged 0–17 and multiplied by 10,000. A period of care that began before the earliest record Lantern holds of it is not a start. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England: children starting to be looked after each year, per 10,000 children (children, not episodes; cla_number_and_rate_per_10k_children).',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    benchmark: 'cla-starting-rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, s.child_id as subject_id, 1 as numerator, 0 as denominator, 'Started ' || min(s.start_date) as detail
      from ${PERIOD_DAYS} p join ${careSpells(authorityId)} s on s.start_date = p.day and s.continued_from is null
      group by p.period_end, s.child_id`,
  }),
  defineIndicator({
    id: 'cla-ceases-per-10k',
    title: 'Children ceasing to be looked after per 10,000 children',
    area: 'children-in-care',
    definition: {
      numerator:
        'Children who ceased to be looked after in the period: each child once, however many periods of care ended.',
      period: 'Periods of care ending in the period. A month’s rate is about a twelfth of a year’s.',
      rules: `Divided by the child population aged 0–17 and multiplied by 10,000. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England: children ceasing to be looked after each year, per 10,000 children (children, not episodes; cla_number_and_rate_per_10k_children).',
    polarity: 'neutral',
    unit: 'rate-per-10k',
    benchmark: 'cla-ceasing-rate-per-10k',
    subject: 'child',
    items: (authorityId) => sql`
      select p.period_end, s.child_id as subject_id, 1 as numerator, 0 as denominator, 'Ceased ' || max(s.end_date) as detail
      from ${PERIOD_DAYS} p join ${careSpells(authorityId)} s on s.end_date = p.day
      group by p.period_end, s.child_id`,
  }),
  defineIndicator({
    id: 'cla-3-plus-placements',
    title: 'Children in care with 3 or more placements in the year',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children with 3 or more placements during the 12 months to the period end.',
      denominator: 'Children looked after at the period end.',
      period: 'A snapshot on the last day of the period, looking back 12 months.',
      rules: `Every placement (a change of placement, with or without a change of carer: SSDA903 RNE P, T, B or U, and the first placement of each period of care, RNE S) open on any day of the 12 months counts once; a placement that began before the 12 months counts as one. Placements of all the child’s periods of care in the 12 months count. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England, stability measures: children looked after at 31 March with 3 or more placements during the year (ex-NI 62), SSDA903 episodes.',
    polarity: 'lower',
    unit: 'percent',
    target: 10,
    green: 10,
    amber: 12,
    benchmark: 'cla-3-plus-placements-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, ${flag('count(pl.id) >= 3')} as numerator, 1 as denominator,
        count(pl.id) || ' placement(s) in 12 months' as detail
      from ${lookedAfterAtEnd(authorityId)} la
      left join placements pl on pl.child_id = la.child_id and pl.start_date <= la.period_end
        and (pl.end_date is null or pl.end_date >= ${monthsBefore(12, 'la.period_end')})
        and pl.period_of_care_id not in ${shortBreakOnly(authorityId)}
      group by la.period_end, la.child_id`,
  }),
  defineIndicator({
    id: 'cla-long-term-stability',
    title: 'Long-term placement stability',
    area: 'children-in-care',
    definition: {
      numerator:
        'Of those, children in the same placement for at least 2 years, or placed for adoption where the adoptive placement and the placement before it together have lasted at least 2 years.',
      denominator: 'Children under 16 at the period end, looked after continuously for at least 2½ years.',
      period: 'A snapshot on the last day of the period.',
      rules: `“At least 2½ years”: the period of care began on or before the same date 30 months before the period end; “at least 2 years”: the placement (or, for a child placed for adoption, placement types A3–A6, the placement before it in the same period of care) began on or before the same date 24 months before. Any change of placement (RNE P, T, B or U) starts a new placement. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England, stability measures: long-term stability (ex-NI 63), SSDA903 episodes.',
    polarity: 'higher',
    unit: 'percent',
    target: 70,
    green: 70,
    amber: 65,
    benchmark: 'cla-long-term-stability-percent',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id,
        ${flag(sql`la.cur_start_date <= (la.period_end - interval '24 months')::date
          or (la.cur_placement_type in ('A3', 'A4', 'A5', 'A6') and prev.start_date <= (la.period_end - interval '24 months')::date)`)} as numerator,
        1 as denominator,
        'In care since ' || la.spell_start || ', placement since ' || coalesce(la.cur_start_date::text, 'not recorded') as detail
      from ${lookedAfterWithPlacement(authorityId)} la
      join children c on c.id = la.child_id
      left join lateral (select pp.start_date from placements pp
        where pp.child_id = la.child_id and pp.period_of_care_id = la.spell_id and pp.start_date < la.cur_start_date
        order by pp.start_date desc, pp.id desc limit 1) prev on true
      where la.spell_start <= (la.period_end - interval '30 months')::date
        and ${ageAt('c.date_of_birth', 'la.period_end')} < 16`,
  }),
  defineIndicator({
    id: 'cla-reviews-in-timescale',
    title: 'Looked-after reviews held in timescale',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, reviews held on or before the date they were due.',
      denominator: 'Looked-after reviews held in the period.',
      period: 'Reviews dated in the period; the earlier review or start of care may be before it.',
      rules: `Due: the first review of a period of care within 20 working days of its start (the start day is day 0); the second within 3 months of the first; each later one within 6 months of the one before. In a period of care that began before the earliest record Lantern holds, the first review held is not counted (what it follows is not known) and later ones are due 6 months after the one before. ${SHORT_BREAKS_RULE}`,
    },
    basis: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33 (timing of reviews).',
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 90,
    subject: 'child',
    items: (authorityId) => sql`
      select x.period_end, x.child_id as subject_id, ${flag('x.review_date <= x.due')} as numerator, 1 as denominator,
        'Review ' || x.review_date || ', due ' || x.due as detail
      from (
        select p.period_end, r.child_id, r.review_date,
          case when r.n = 1 then wd20.day
               when r.n = 2 and s.continued_from is null then (r.previous + interval '3 months')::date
               else (r.previous + interval '6 months')::date end as due
        from ${PERIOD_DAYS} p
        join (select cr.child_id, cr.period_of_care_id, cr.review_date,
                row_number() over (partition by cr.period_of_care_id order by cr.review_date, cr.id) as n,
                lag(cr.review_date) over (partition by cr.period_of_care_id order by cr.review_date, cr.id) as previous
              from cla_reviews cr where cr.authority_id = ${authorityId}) r on r.review_date = p.day
        join ${careSpells(authorityId)} s on s.id = r.period_of_care_id
        ${nthWorkingDayJoin('wd20', 's.start_date', 20)}
        where not (r.n = 1 and s.continued_from is not null)
      ) x`,
  }),
  defineIndicator({
    id: 'cla-iha-20-working-days',
    title: 'Initial health assessments within 20 working days',
    area: 'children-in-care',
    definition: {
      numerator:
        'Of those, children whose initial health assessment was held within 20 working days of entering care (the start day is day 0).',
      denominator: 'Children who entered care in the period and stayed until the assessment was due.',
      period: 'Periods of care starting in the period; the assessment may be after it.',
      rules: `A child who left care before the assessment was due without having one is not counted (it was never due); one who had it before leaving is. A child whose assessment is not yet due today, and not yet held, is not counted yet. A period of care that began before the earliest record Lantern holds of it is not an entry. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'Promoting the health and wellbeing of looked-after children (statutory guidance, DfE and DHSC 2015): the initial health assessment in time to inform the first review, 20 working days after entering care.',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) =>
      initialHealthAssessments(authorityId, {
        join: nthWorkingDayJoin('wd20', 's.start_date', 20),
        date: sql`wd20.day`,
      }),
  }),
  defineIndicator({
    id: 'cla-iha-28-days',
    title: 'Initial health assessments within 28 days',
    area: 'children-in-care',
    definition: {
      numerator:
        'Of those, children whose initial health assessment was held within 28 calendar days of entering care (the start day is day 0).',
      denominator: 'Children who entered care in the period and stayed until the assessment was due.',
      period: 'Periods of care starting in the period; the assessment may be after it.',
      rules: `As the 20-working-day measure, with the assessment due 28 days after the start of care. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'Local measure many authorities and health partners track (28 days); the statutory timescale is 20 working days (Promoting the health and wellbeing of looked-after children, 2015).',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) => initialHealthAssessments(authorityId, { join: sql``, date: sql`(s.start_date + 28)` }),
  }),
  defineIndicator({
    id: 'cla-health-checks-up-to-date',
    title: 'Health assessments up to date',
    area: 'children-in-care',
    definition: {
      numerator:
        'Of those, children with a health assessment (initial or review) in the 6 months to the period end if under 5 then, or in the 12 months to it if 5 or over.',
      denominator:
        'Children looked after at the period end who had been looked after continuously for 12 months or more.',
      period: 'A snapshot on the last day of the period, looking back 6 or 12 months.',
      rules: `“12 months or more”: the period of care began on or before the same date a year before the period end. A child whose date of birth is not known is taken as 5 or over. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE SSDA903 OC2 (children looked after continuously for 12 months at 31 March: health assessment up to date); review health assessments every 6 months under 5 and every 12 months from 5 (Promoting the health and wellbeing of looked-after children, 2015).',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 85,
    subject: 'child',
    items: (authorityId) => sql`
      select o.period_end, o.child_id as subject_id,
        ${flag(sql`h.latest >= case when ${ageAt('o.date_of_birth', 'o.period_end')} < 5 then ${monthsBefore(6, 'o.period_end')} else ${monthsBefore(12, 'o.period_end')} end`)} as numerator,
        1 as denominator, 'Latest health assessment ' || coalesce(h.latest::text, 'none') as detail
      from ${lookedAfter12Months(authorityId)} o
      left join lateral (select max(ha.assessment_date) as latest from health_assessments ha
        where ha.child_id = o.child_id and ha.assessment_date <= o.period_end) h on true`,
  }),
  defineIndicator({
    id: 'cla-dental-checks-up-to-date',
    title: 'Dental checks up to date',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children with a dental check in the 12 months to the period end.',
      denominator:
        'Children looked after at the period end who had been looked after continuously for 12 months or more.',
      period: 'A snapshot on the last day of the period, looking back 12 months.',
      rules: `“12 months or more”: the period of care began on or before the same date a year before the period end. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE SSDA903 OC2 (children looked after continuously for 12 months at 31 March: teeth checked by a dentist).',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 85,
    subject: 'child',
    items: (authorityId) => sql`
      select o.period_end, o.child_id as subject_id, ${flag(sql`d.latest >= ${monthsBefore(12, 'o.period_end')}`)} as numerator,
        1 as denominator, 'Latest dental check ' || coalesce(d.latest::text, 'none') as detail
      from ${lookedAfter12Months(authorityId)} o
      left join lateral (select max(dc.check_date) as latest from dental_checks dc
        where dc.child_id = o.child_id and dc.check_date <= o.period_end) d on true`,
  }),
  defineIndicator({
    id: 'cla-placed-20-miles-plus',
    title: 'Children in care placed more than 20 miles from home',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children whose placement is more than 20 miles from their home.',
      denominator: 'Children looked after at the period end whose current placement’s distance from home is recorded.',
      period: 'A snapshot on the last day of the period.',
      rules: `The placement open at the period end (SSDA903 PL_DISTANCE). A placement exactly 20 miles away is not more than 20 miles. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England: placements more than 20 miles from home (SSDA903 placement distance).',
    polarity: 'lower',
    unit: 'percent',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, ${flag('la.cur_distance_miles > 20')} as numerator, 1 as denominator,
        la.cur_distance_miles || ' miles' as detail
      from ${lookedAfterWithPlacement(authorityId)} la
      where la.cur_distance_miles is not null`,
  }),
  defineIndicator({
    id: 'cla-placed-out-of-area',
    title: 'Children in care placed outside the authority',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children placed outside the authority’s area.',
      denominator:
        'Children looked after at the period end whose current placement’s location (inside or outside the area) is recorded.',
      period: 'A snapshot on the last day of the period.',
      rules: `The placement open at the period end. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'DfE Children looked after in England: placements outside the local authority boundary (SSDA903 PL_LOCATION).',
    polarity: 'lower',
    unit: 'percent',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, ${flag('la.cur_in_area = false')} as numerator, 1 as denominator,
        case when la.cur_in_area then 'In area' else 'Out of area' end as detail
      from ${lookedAfterWithPlacement(authorityId)} la
      where la.cur_in_area is not null`,
  }),
  defineIndicator({
    id: 'missing-episodes',
    title: 'Missing episodes',
    area: 'children-in-care',
    definition: {
      numerator:
        'Episodes of going missing (whereabouts unknown, SSDA903 MISSING M) starting in the period; a child may have several.',
      period: 'Episodes whose start falls in the period (dates in England’s time).',
    },
    basis:
      'SSDA903 Missing table and Ofsted ILACS Annex A List 8; Statutory guidance on children who run away or go missing from home or care (DfE 2014).',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => missingEpisodesStarting(authorityId, 'M'),
  }),
  defineIndicator({
    id: 'away-episodes',
    title: 'Away from placement episodes',
    area: 'children-in-care',
    definition: {
      numerator:
        'Episodes of being away from placement without authorisation (whereabouts known, SSDA903 MISSING A) starting in the period.',
      period: 'Episodes whose start falls in the period (dates in England’s time).',
    },
    basis: 'SSDA903 Missing table and Ofsted ILACS Annex A List 8.',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => missingEpisodesStarting(authorityId, 'A'),
  }),
  defineIndicator({
    id: 'rhi-offered',
    title: 'Return home interviews offered',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, episodes after which a return home interview was offered.',
      denominator: 'Missing episodes (kind M) that ended in the period.',
      period: 'Episodes whose end (the return) falls in the period.',
    },
    basis:
      'Statutory guidance on children who run away or go missing from home or care (DfE 2014): a return home interview offered after every missing episode.',
    polarity: 'higher',
    unit: 'percent',
    target: 100,
    green: 95,
    amber: 85,
    subject: 'child',
    items: (authorityId) => missingEpisodesEnded(authorityId, sql`m.rhi_offered_date is not null`, 'offered'),
  }),
  defineIndicator({
    id: 'rhi-accepted',
    title: 'Return home interviews accepted',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, episodes after which the child accepted a return home interview.',
      denominator: 'Missing episodes (kind M) that ended in the period.',
      period: 'Episodes whose end (the return) falls in the period.',
    },
    basis:
      'Statutory guidance on children who run away or go missing from home or care (DfE 2014); Annex A List 8 (RHI offered and accepted).',
    polarity: 'higher',
    unit: 'percent',
    subject: 'child',
    items: (authorityId) => missingEpisodesEnded(authorityId, sql`m.rhi_accepted_date is not null`, 'accepted'),
  }),
  defineIndicator({
    id: 'rhi-within-72-hours',
    title: 'Return home interviews within 72 hours',
    area: 'children-in-care',
    definition: {
      numerator:
        'Of those, episodes with a return home interview completed within 72 hours of the return (exactly 72 hours counts).',
      denominator: 'Missing episodes (kind M) that ended in the period.',
      period: 'Episodes whose end (the return) falls in the period; the interview may be after it.',
    },
    basis:
      'Statutory guidance on children who run away or go missing from home or care (DfE 2014): the return home interview within 72 hours of the child’s return.',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 75,
    subject: 'child',
    items: (authorityId) =>
      missingEpisodesEnded(
        authorityId,
        sql`m.rhi_completed_at is not null and m.rhi_completed_at >= m.end_at and m.rhi_completed_at <= m.end_at + interval '72 hours'`,
        'completed within 72 hours',
      ),
  }),
  defineIndicator({
    id: 'cla-visits-in-timescale',
    title: 'Children in care visited within timescale',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children whose next visit was not yet overdue at the period end.',
      denominator: 'Children looked after at the period end.',
      period: 'A snapshot on the last day of the period.',
      rules: `A visit is a looked-after visit (kind cla) at which the child was seen. The next visit is due 7 days after the current placement started, if the child has not been visited since; otherwise 6 weeks (42 days) after the latest visit, or 3 months after it once the placement is long-term. Lantern judges a placement long-term when it has lasted 12 months or more at the period end (the regulation’s test, a placement intended to last until 18 after the first year, is not recorded). A child whose current placement is not recorded is judged against the latest visit since entering care, every 6 weeks. ${SHORT_BREAKS_RULE}`,
    },
    basis: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28 (frequency of visits).',
    polarity: 'higher',
    unit: 'percent',
    target: 95,
    green: 95,
    amber: 90,
    subject: 'child',
    items: (authorityId) => sql`
      select x.period_end, x.child_id as subject_id, ${flag('x.period_end <= x.due')} as numerator, 1 as denominator,
        coalesce('Visited ' || x.visited, 'Not visited') || ', next due ' || x.due as detail
      from (
        select la.period_end, la.child_id, v.visited,
          case when la.cur_start_date is not null and (v.visited is null or v.visited < la.cur_start_date) then la.cur_start_date + 7
               when v.visited is null then la.spell_start + 7
               when la.cur_start_date <= (la.period_end - interval '12 months')::date then (v.visited + interval '3 months')::date
               else v.visited + 42 end as due
        from ${lookedAfterWithPlacement(authorityId)} la
        left join lateral (select max(vi.visit_date) as visited from visits vi
          where vi.child_id = la.child_id and vi.kind = 'cla' and vi.seen and vi.visit_date between la.spell_start and la.period_end) v on true
      ) x`,
  }),
  defineIndicator({
    id: 'cla-visits-seen-alone',
    title: 'Children in care seen alone at their latest visit',
    area: 'children-in-care',
    definition: {
      numerator: 'Of those, children seen alone at their latest visit.',
      denominator:
        'Children looked after at the period end who have had a looked-after visit (kind cla, child seen) since entering care.',
      period: 'A snapshot on the last day of the period: the latest visit on or before it.',
      rules: `Children not yet visited in this period of care are not counted (the visits measure shows them). Where two visits share the latest date, the child counts as seen alone if they were at either. ${SHORT_BREAKS_RULE}`,
    },
    basis:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(4): the child seen alone unless they refuse or the worker judges it inappropriate.',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, ${flag('v.alone')} as numerator, 1 as denominator,
        'Visited ' || v.visited || case when v.alone then ', seen alone' else ', not seen alone' end as detail
      from ${lookedAfterAtEnd(authorityId)} la
      join lateral (select vi.visit_date as visited, bool_or(coalesce(vi.seen_alone, false)) as alone from visits vi
        where vi.child_id = la.child_id and vi.kind = 'cla' and vi.seen and vi.visit_date between la.spell_start and la.period_end
        group by vi.visit_date order by vi.visit_date desc limit 1) v on true`,
  }),
  defineIndicator({
    id: 'uasc',
    title: 'Unaccompanied asylum-seeking children in care',
    area: 'children-in-care',
    definition: {
      numerator: 'Children looked after at the period end with an immigration status of UASC open then.',
      period: 'A snapshot on the last day of the period.',
      rules: SHORT_BREAKS_RULE,
    },
    basis:
      'DfE Children looked after in England: unaccompanied asylum-seeking children looked after at 31 March (SSDA903 UASC).',
    polarity: 'neutral',
    unit: 'count',
    subject: 'child',
    items: (authorityId) => sql`
      select la.period_end, la.child_id as subject_id, 1 as numerator, 0 as denominator, 'UASC' as detail
      from ${lookedAfterAtEnd(authorityId)} la
      where exists (select 1 from immigration_statuses im where im.child_id = la.child_id and im.status = 'UASC'
        and ${openAtEndOf('im.start_date', 'im.end_date', 'la.period_end')})`,
  }),
];
