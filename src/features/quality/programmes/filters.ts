/**
 * Named filters for choosing a programme's cases: "every child matching" one of these on the as-at date. Each is a
 * plain-English definition (shown in the selection form) beside its SQL, which returns the matching children's ids
 * (column child_id, one row a child). A filter names its own population: a care leaver may have a personal adviser
 * rather than a social worker, so filtered children need not be open to a social worker that day.
 */
import { sql, type SQL } from 'drizzle-orm';
import { shortBreakOnly } from '../../indicators/areas/children-in-care';

export interface CaseFilter {
  key: string;
  title: string;
  /** What the filter means, in words, shown as the option's hint. */
  definition: string;
  /** The matching children's ids (child_id) on the as-at day (YYYY-MM-DD). */
  sql: (authorityId: number, asAt: string) => SQL;
}

/** The first day of the month before the day's month, and the first day of the day's month (YYYY-MM-DD). */
export function previousMonth(asAt: string): { from: string; to: string } {
  const y = Number(asAt.slice(0, 4));
  const m = Number(asAt.slice(5, 7));
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  return { from: `${py}-${String(pm).padStart(2, '0')}-01`, to: `${asAt.slice(0, 7)}-01` };
}

export const CASE_FILTERS: readonly CaseFilter[] = [
  {
    key: 'second-cp-plan',
    title: 'On a second or later child protection plan',
    definition:
      'Children on a child protection plan on the as-at date (started on or before it, not ended before it) that is at least their second: the plan records previous plans (CIN census NumberOfPreviousCPP, which counts plans elsewhere) or Lantern holds an earlier plan for the child.',
    sql: (authorityId, asAt) => sql`
      select distinct cp.child_id from cp_plans cp
      where cp.authority_id = ${authorityId} and cp.start_date <= ${asAt}::date and (cp.end_date is null or cp.end_date >= ${asAt}::date)
        and (cp.number_of_previous_plans > 0 or exists (
          select 1 from cp_plans e where e.authority_id = ${authorityId} and e.child_id = cp.child_id and e.start_date < cp.start_date))`,
  },
  {
    key: 'missing-last-month',
    title: 'Missing in the last calendar month',
    definition:
      'Children with a missing episode that started in the calendar month before the as-at date’s month (for an as-at date in March, any day of February, in UK time). Episodes of being away from placement without authorisation do not count.',
    sql: (authorityId, asAt) => {
      const { from, to } = previousMonth(asAt);
      return sql`
        select distinct m.child_id from missing_episodes m
        where m.authority_id = ${authorityId} and m.kind = 'M'
          and m.start_at >= (${from}::date::timestamp at time zone 'Europe/London')
          and m.start_at < (${to}::date::timestamp at time zone 'Europe/London')`;
    },
  },
  {
    key: 'care-leaver-no-pathway-plan',
    title: 'Care leavers without a pathway plan in force',
    definition:
      'Eligible, relevant and former relevant care leavers open on the as-at date with no pathway plan in force: no pathway plan review recorded on or before that date, or the latest more than 6 months before it (a plan is reviewed at least every 6 months; one reviewed exactly 6 months before is still in force). Qualifying care leavers are left out: they are owed advice and assistance, not a pathway plan.',
    sql: (authorityId, asAt) => sql`
      select distinct cl.child_id from care_leavers cl
      where cl.authority_id = ${authorityId} and cl.eligibility in ('eligible', 'relevant', 'former-relevant')
        and cl.start_date <= ${asAt}::date and (cl.end_date is null or cl.end_date >= ${asAt}::date)
        and not exists (
          select 1 from pathway_plan_reviews r where r.authority_id = ${authorityId} and r.child_id = cl.child_id
            and r.review_date <= ${asAt}::date and r.review_date >= (${asAt}::date - interval '6 months')::date)`,
  },
  {
    key: 'cla-three-placements',
    title: 'Children in care with 3 or more placements in 12 months',
    definition:
      'Children looked after on the as-at date with 3 or more placements open on any day of the 12 months to it (from the day after the same date a year earlier), as the DfE stability measure counts them. Children whose care is only short breaks are left out.',
    sql: (authorityId, asAt) => sql`
      select poc.child_id from periods_of_care poc
      join placements pl on pl.authority_id = ${authorityId} and pl.child_id = poc.child_id and pl.start_date <= ${asAt}::date
        and (pl.end_date is null or pl.end_date >= (${asAt}::date - interval '12 months')::date + 1)
        and pl.period_of_care_id not in ${shortBreakOnly(authorityId)}
      where poc.authority_id = ${authorityId} and poc.start_date <= ${asAt}::date and (poc.end_date is null or poc.end_date >= ${asAt}::date)
        and poc.id not in ${shortBreakOnly(authorityId)}
      group by poc.child_id having count(distinct pl.id) >= 3`,
  },
];

export function caseFilter(key: string | null | undefined): CaseFilter | undefined {
  return CASE_FILTERS.find((f) => f.key === key);
}
