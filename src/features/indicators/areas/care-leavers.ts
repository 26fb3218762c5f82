/**
 * Care leaver indicators: in touch, suitable accommodation and education, employment or training
 * (EET) for the ages DfE publishes (17–18 and 19–21), pathway plans reviewed in the last 6 months, and personal
 * advisers linked by 17½.
 *
 * The birthday measures follow DfE's SSDA903 OC3 method ("Children looked after in England including adoptions",
 * care leaver tables, from the SSDA903 return's OC3 table: IN_TOUCH, ACTIV, ACCOM):
 * - The cohort of a period is every relevant or former relevant care leaver whose 17th or 18th (age group 17–18),
 *   or 19th, 20th or 21st (age group 19–21), birthday falls in the period, as oc3-cohort.ts defines it (the same
 *   definition the 903 export's OC3 follows): the care_leavers row open on the birthday says `relevant` or
 *   `former-relevant`, or `eligible` while the young person is no longer looked after (an eligible child who has
 *   left care is relevant or former relevant by law: a record that flips back to "eligible" after leaving care does
 *   not drop a former relevant young person); not looked after on the birthday, nor, on the 17th or 18th, later in
 *   that collection year (rules 1007 and 1016 keep them out of OC3). Qualifying care leavers are not in OC3.
 * - What is known about each is the care_leaver_contacts record nearest the birthday within the OC3 window, from 3
 *   months before to 1 month after it (a tie goes to the later record). A care leaver with no record in the
 *   window counts in the denominator as not in touch, accommodation and activity not known.
 * - Excluded (in neither numerator nor denominator): IN_TOUCH `DIED` and `RHOM` (returned home to parents for 6
 *   months or more). `NREQ` (no longer requires services) and `REFU` (refuses contact) stay in the denominator as
 *   not in touch and with no information: that is how the published files count them. England 2024, aged 17–18
 *   (la_care_leavers_intouch.csv): in touch 13,370 + not in touch 640 + no longer requires services 230 + refuses
 *   contact 50 = 14,290 ≈ the published Total of 14,300, and 13,370 ÷ 14,300 = 93.5% ≈ the published 94%.
 *   The accommodation and activity files share that denominator (their 2024 totals are 14,200 and 14,270; the
 *   "No information" rows, 820 and 840, are about the 920 not in touch, refusing or no longer requiring services).
 * - In touch: IN_TOUCH `YES`. Suitable accommodation: in touch and ACCOM's suitability digit 1
 *   (accommodation_suitable). EET: in touch and ACTIV in F1/P1 (higher education), F2/P2 (other education),
 *   F4/P4 (apprenticeship), F5/P5 (training or employment), and the pre-2022 F3/P3; NEET is G4/G5/G6 and `0` is
 *   no information. England 2025, 17–18: 7,150 + 420 + 280 + 1,590 = 9,440 ≈ the published "Total in education,
 *   employment or training" 9,430 (64% of 14,800).
 * - Not modelled: DfE also leaves out young people whose care was only short breaks (they are never care leavers
 *   in Lantern) and those transferred to another authority (Lantern does not record transfers).
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator, type IndicatorDefinition } from '../definition';
import { flag, openOn } from '../sql';
import { OC3_AGES, OC3_ELIGIBILITIES } from './oc3-cohort';

type AgeGroup = '17-18' | '19-21';
type Measure = 'in-touch' | 'suitable-accommodation' | 'eet';

const AGES: Record<AgeGroup, readonly number[]> = {
  '17-18': OC3_AGES.filter((a) => a <= 18),
  '19-21': OC3_AGES.filter((a) => a >= 19),
};

/** SSDA903 ACTIV codes that mean education, employment or training (F3/P3 are the pre-2022 codes). */
export const EET_ACTIVITIES = ['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5'] as const;

/** IN_TOUCH codes DfE leaves out of the care leaver measures altogether. */
export const EXCLUDED_IN_TOUCH = ['DIED', 'RHOM'] as const;

const codes = (list: readonly string[]): SQL =>
  sql.join(
    list.map((c) => sql`${c}`),
    sql`, `,
  );

function numeratorFor(measure: Measure): SQL {
  if (measure === 'in-touch') return flag(sql`oc.in_touch = 'YES'`);
  if (measure === 'suitable-accommodation') return flag(sql`oc.in_touch = 'YES' and oc.accommodation_suitable`);
  return flag(sql`oc.in_touch = 'YES' and oc.activity in (${codes(EET_ACTIVITIES)})`);
}

function detailFor(measure: Measure): SQL {
  const what =
    measure === 'in-touch'
      ? sql`oc.in_touch`
      : measure === 'suitable-accommodation'
        ? sql`oc.in_touch || ', accommodation ' || coalesce(oc.accommodation, 'not known') || case when oc.accommodation_suitable then ' (suitable)' when oc.accommodation_suitable = false then ' (unsuitable)' else '' end`
        : sql`oc.in_touch || ', activity ' || coalesce(oc.activity, 'not known')`;
  return sql`'Age ' || b.age || ': ' || coalesce('contact ' || oc.contact_date || ', ' || ${what}, 'no contact recorded from 3 months before to 1 month after the birthday')`;
}

/**
 * One row per care leaver whose birthday at one of the ages falls in a period, with the OC3 record nearest the
 * birthday. Birthdays are worked out once per care leaver (not per period) and joined to the periods by date.
 */
function birthdayItems(authorityId: number, group: AgeGroup, measure: Measure): SQL {
  const ages = sql.join(
    AGES[group].map((a) => sql`(${a}::int)`),
    sql`, `,
  );
  return sql`
    with leavers as (
      select distinct cl.child_id from care_leavers cl
      where cl.authority_id = ${authorityId} and cl.eligibility in (${COHORT_ELIGIBILITIES})
    ),
    birthdays as (
      select l.child_id, k.age, (c.date_of_birth + make_interval(years => k.age))::date as birthday
      from leavers l join children c on c.id = l.child_id and c.date_of_birth is not null
      cross join (values ${ages}) k(age)
    )
    select p.period_end, b.child_id as subject_id,
      case when oc.in_touch in (${codes(EXCLUDED_IN_TOUCH)}) then 0 else ${numeratorFor(measure)} end as numerator,
      case when oc.in_touch in (${codes(EXCLUDED_IN_TOUCH)}) then 0 else 1 end as denominator,
      ${detailFor(measure)} as detail
    from periods p
    join birthdays b on b.birthday between p.period_start and p.period_end
    left join lateral (
      select cc.contact_date, cc.in_touch, cc.accommodation, cc.accommodation_suitable, cc.activity
      from care_leaver_contacts cc
      where cc.child_id = b.child_id and cc.authority_id = ${authorityId}
        and cc.contact_date between (b.birthday - interval '3 months')::date and (b.birthday + interval '1 month')::date
      order by abs(cc.contact_date - b.birthday), cc.contact_date desc, cc.id desc
      limit 1
    ) oc on true
    where exists (
      select 1 from care_leavers x
      where x.child_id = b.child_id and x.authority_id = ${authorityId} and x.eligibility in (${COHORT_ELIGIBILITIES})
        and ${openOn('x.start_date', 'x.end_date', 'b.birthday')}
    )
    -- Not looked after on the birthday; on the 17th or 18th, nor later in its collection year (rules 1007, 1016).
    and not exists (
      select 1 from periods_of_care pc
      where pc.child_id = b.child_id and pc.authority_id = ${authorityId}
        and (pc.end_date is null or pc.end_date > b.birthday)
        and pc.start_date <= case when b.age <= 18
          then make_date(extract(year from b.birthday)::int + case when extract(month from b.birthday) >= 4 then 1 else 0 end, 3, 31)
          else b.birthday end
    )`;
}

/**
 * The eligibilities of a care leaver record open on the birthday that put the young person in the cohort: relevant,
 * former relevant, and eligible (which the periods-of-care test above limits to those no longer looked after).
 */
const COHORT_ELIGIBILITIES = codes([...OC3_ELIGIBILITIES, 'eligible']);

const GROUP_WORDS: Record<AgeGroup, string> = {
  '17-18': 'whose 17th or 18th birthday falls in the period',
  '19-21': 'whose 19th, 20th or 21st birthday falls in the period',
};

const COHORT_RULES =
  'Relevant and former relevant care leavers (the care leaver record open on the birthday; one that still says eligible after the young person left care counts as what it then is, relevant or former relevant), not looked after on the birthday (nor, on the 17th or 18th, later in that year). The record used is the contact nearest the birthday from 3 months before to 1 month after it (SSDA903 OC3); with no record in that window the young person counts as not in touch, accommodation and activity not known. Those who died (DIED) or returned home to their parents for 6 months or more (RHOM) are left out; those who refuse contact (REFU) or no longer require services (NREQ) count as not in touch, as in the published figures.';

function birthdayIndicator(
  group: AgeGroup,
  measure: Measure,
  spec: { title: string; numerator: string; target: number; green: number; amber: number },
): IndicatorDefinition {
  return defineIndicator({
    id: `care-leavers-${group}-${measure}`,
    title: spec.title,
    area: 'care-leavers',
    definition: {
      numerator: spec.numerator,
      denominator: `Care leavers ${GROUP_WORDS[group]}, less those who died or returned home for 6 months or more.`,
      period:
        'Birthdays in the period; the contact may be up to 3 months before or 1 month after the birthday (so a little outside the period).',
      rules: COHORT_RULES,
    },
    basis:
      'DfE Children looked after in England including adoptions, care leaver tables (SSDA903 OC3: information on or around the 17th to 21st birthdays); Children (Leaving Care) Act 2000.',
    polarity: 'higher',
    unit: 'percent',
    target: spec.target,
    green: spec.green,
    amber: spec.amber,
    benchmark: `care-leavers-${group}-${measure}-percent`,
    subject: 'child',
    items: (authorityId) => birthdayItems(authorityId, group, measure),
  });
}

const IN_TOUCH_NUMERATOR = 'Those the authority was in touch with (IN_TOUCH YES).';
const ACCOMMODATION_NUMERATOR =
  'Those in touch whose accommodation was considered suitable (ACCOM suitability digit 1).';
const EET_NUMERATOR =
  'Those in touch who were in education, employment or training (ACTIV F1/P1 higher education, F2/P2 other education, F4/P4 apprenticeship, F5/P5 training or employment).';

export const careLeavers: IndicatorDefinition[] = [
  birthdayIndicator('17-18', 'in-touch', {
    title: 'Care leavers aged 17–18 in touch',
    numerator: IN_TOUCH_NUMERATOR,
    target: 95,
    green: 95,
    amber: 90,
  }),
  birthdayIndicator('19-21', 'in-touch', {
    title: 'Care leavers aged 19–21 in touch',
    numerator: IN_TOUCH_NUMERATOR,
    target: 93,
    green: 93,
    amber: 88,
  }),
  birthdayIndicator('17-18', 'suitable-accommodation', {
    title: 'Care leavers aged 17–18 in suitable accommodation',
    numerator: ACCOMMODATION_NUMERATOR,
    target: 92,
    green: 92,
    amber: 85,
  }),
  birthdayIndicator('19-21', 'suitable-accommodation', {
    title: 'Care leavers aged 19–21 in suitable accommodation',
    numerator: ACCOMMODATION_NUMERATOR,
    target: 90,
    green: 90,
    amber: 83,
  }),
  birthdayIndicator('17-18', 'eet', {
    title: 'Care leavers aged 17–18 in education, employment or training',
    numerator: EET_NUMERATOR,
    target: 66,
    green: 66,
    amber: 60,
  }),
  birthdayIndicator('19-21', 'eet', {
    title: 'Care leavers aged 19–21 in education, employment or training',
    numerator: EET_NUMERATOR,
    target: 56,
    green: 56,
    amber: 50,
  }),
  defineIndicator({
    id: 'pathway-plans-reviewed-6-months',
    title: 'Care leavers with a pathway plan reviewed in the last 6 months',
    area: 'care-leavers',
    definition: {
      numerator: 'Those whose latest pathway plan review is on or after the same date 6 months before the period end.',
      denominator: 'Eligible, relevant and former relevant care leavers open at the period end.',
      period: 'A snapshot at the period end.',
      rules:
        'Qualifying care leavers are left out (they are owed advice and assistance, not a pathway plan). A review exactly 6 months before the period end still counts; one a day earlier does not. Reviews after the period end are not looked at.',
    },
    basis:
      'Care Planning, Placement and Case Review (England) Regulations 2010 and Care Leavers (England) Regulations 2010: the pathway plan is reviewed at least every 6 months.',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    // The latest review on or before each period end by a running maximum over each child's reviews, with the
    // period ends as probes sorted after that day's reviews: one sort, not an index lookup per child and period.
    items: (authorityId) => sql`
      with open_leavers as (
        select p.period_end, cl.child_id from periods p
        join care_leavers cl on cl.authority_id = ${authorityId} and cl.eligibility in ('eligible', 'relevant', 'former-relevant')
          and ${openOn('cl.start_date', 'cl.end_date', 'p.period_end')}
        group by p.period_end, cl.child_id
      ),
      marks as (
        select r.child_id, r.review_date as day, r.review_date as review, 0 as probe
        from pathway_plan_reviews r where r.authority_id = ${authorityId}
        union all
        select o.child_id, o.period_end as day, null::date as review, 1 as probe from open_leavers o
      ),
      latest as (
        select child_id, day, probe,
          max(review) over (partition by child_id order by day, probe rows between unbounded preceding and current row) as review_date
        from marks
      )
      select l.day as period_end, l.child_id as subject_id,
        ${flag(sql`l.review_date >= (l.day - interval '6 months')::date`)} as numerator,
        1 as denominator,
        coalesce('Last review ' || l.review_date, 'No pathway plan review recorded') as detail
      from latest l where l.probe = 1`,
  }),
  defineIndicator({
    id: 'pa-linked-by-17-5',
    title: 'Care leavers linked to a personal adviser by 17½',
    area: 'care-leavers',
    definition: {
      numerator: 'Those with a personal adviser linked (pa_linked_date) on or before the day they reached 17½.',
      denominator:
        'Eligible and relevant care leavers (a care leaver record open on that day) who reached 17½ in the period.',
      period: 'Young people reaching 17½ (the date of birth plus 17 years and 6 months) in the period.',
      rules:
        'Qualifying care leavers are left out (no duty to appoint a personal adviser at 17½). Linked on the day itself counts; a day later does not.',
    },
    basis:
      'Children Act 1989 s23B and s23D and the Care Leavers (England) Regulations 2010: a personal adviser for eligible and relevant children; linking by 17½ is a local standard (a Lantern default).',
    polarity: 'higher',
    unit: 'percent',
    target: 90,
    green: 90,
    amber: 80,
    subject: 'child',
    items: (authorityId) => sql`
      with leavers as (
        select distinct cl.child_id from care_leavers cl
        where cl.authority_id = ${authorityId} and cl.eligibility in ('eligible', 'relevant', 'former-relevant')
      ),
      halves as (
        select l.child_id, (c.date_of_birth + interval '17 years 6 months')::date as half
        from leavers l join children c on c.id = l.child_id and c.date_of_birth is not null
      )
      select p.period_end, h.child_id as subject_id,
        ${flag(sql`linked.pa_linked_date <= h.half`)} as numerator,
        1 as denominator,
        coalesce('PA linked ' || linked.pa_linked_date, 'No personal adviser linked') as detail
      from periods p
      join halves h on h.half between p.period_start and p.period_end
      left join lateral (
        select min(x.pa_linked_date) as pa_linked_date from care_leavers x
        where x.child_id = h.child_id and x.authority_id = ${authorityId}
      ) linked on true
      where exists (
        select 1 from care_leavers x
        where x.child_id = h.child_id and x.authority_id = ${authorityId} and x.eligibility in ('eligible', 'relevant', 'former-relevant')
          and ${openOn('x.start_date', 'x.end_date', 'h.half')}
      )`,
  }),
];
