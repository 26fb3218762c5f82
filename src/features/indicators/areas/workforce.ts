/**
 * Workforce indicators (caseloads; agency, vacancy and turnover rates), following the DfE Children's social work workforce
 * (CSWW) statistics (csww_indicators, as published on Explore Education Statistics), whose published columns are related like this
 * (England 2025):
 * - agency_rate_fte = agency_fte ÷ (agency_fte + inpost_fte): 5,415.9 ÷ (5,415.9 + 36,186.3) = 13.0%;
 * - vacancy_rate_fte = vacancy_fte ÷ (vacancy_fte + inpost_fte): 5,965.4 ÷ (5,965.4 + 36,186.3) = 14.2%;
 * - turnover_rate_fte = leavers_fte ÷ inpost_fte: 4,276.3 ÷ 36,186.3 = 11.8%;
 * - caseload_fte = cases ÷ case_holders_fte: 321,661 ÷ 21,105.4 = 15.2.
 * inpost_fte, leavers_fte and vacancy_fte are employed (non-agency) social workers; agency workers are counted
 * only in agency_fte. DfE's census date is 30 September: the figure for a year is Lantern's value for a period
 * ending on 30 September.
 *
 * Who is a social worker: DfE counts children and family social workers, the registered social workers in
 * children's services, managers included. In Lantern's worker roles that is social-worker, senior-practitioner,
 * team-manager and iro (independent reviewing officers are registered social workers and in the census); not
 * personal-adviser, early-help-practitioner or lado. The same list drives the synthetic workforce
 * (src/synth/organisation.ts SOCIAL_WORK_ROLES). Case holders, for caseloads, are social-worker and
 * senior-practitioner.
 *
 * In post on a date: started on or before it and not ended before it (a worker whose last day is the date is
 * still in post that day).
 */
import { sql, type SQL } from 'drizzle-orm';
import { defineIndicator, type IndicatorDefinition } from '../definition';
import { openOn } from '../sql';

/** Worker roles DfE counts as children and family social workers. */
export const SOCIAL_WORKER_ROLES = ['social-worker', 'senior-practitioner', 'team-manager', 'iro'] as const;
/** Worker roles that hold cases, for caseloads. */
export const CASE_HOLDING_ROLES = ['social-worker', 'senior-practitioner'] as const;

const roles = (list: readonly string[]): SQL =>
  sql.join(
    list.map((r) => sql`${r}`),
    sql`, `,
  );

const CSWW_BASIS = 'DfE Children’s social work workforce statistics (annual census at 30 September), csww_indicators.';

export const workforce: IndicatorDefinition[] = [
  defineIndicator({
    id: 'sw-caseload',
    title: 'Average caseload per social worker',
    area: 'workforce',
    definition: {
      numerator: 'Open social-worker allocations at the period end held by case-holding social workers in post then.',
      denominator:
        'FTE of case-holding social workers (social workers and senior practitioners, agency included) in post at the period end.',
      period: 'A snapshot at the period end.',
      rules:
        'An allocation open on the period end counts (one ending that day too). Cases allocated to a team but to no worker, or to a team manager, count on neither side. DfE’s caseload is the cases held by case holders ÷ their FTE, where a case holder is any children and family social worker holding at least one case; Lantern takes social workers and senior practitioners in post as the case holders (one with no cases still counts in the FTE), so it runs a little lower than DfE’s where some workers in those roles hold none.',
    },
    basis: `${CSWW_BASIS} caseload_fte = cases ÷ case_holders_fte.`,
    polarity: 'lower',
    unit: 'ratio',
    target: 16,
    green: 16,
    amber: 18,
    benchmark: 'sw-caseload',
    subject: 'worker',
    // Open cases at each period end by a running count, not by testing every allocation against every period:
    // each allocation is +1 from its start and −1 from the day after its end, and each case holder's period end
    // is a probe sorted after that day's changes, so the running sum at the probe is the cases open that day.
    items: (authorityId) => sql`
      with holders as (
        select p.period_end, w.id, w.fte, w.role, w.agency
        from periods p join workers w on w.authority_id = ${authorityId} and w.role in (${roles(CASE_HOLDING_ROLES)})
          and ${openOn('w.start_date', 'w.end_date', 'p.period_end')}
      ),
      changes as (
        select a.worker_id, a.start_date as day, 1 as delta, 0 as probe, null::numeric as fte, null::text as what from allocations a
        where a.authority_id = ${authorityId} and a.role = 'social-worker' and a.worker_id is not null
        union all
        select a.worker_id, (a.end_date + 1) as day, -1 as delta, 0 as probe, null::numeric as fte, null::text as what from allocations a
        where a.authority_id = ${authorityId} and a.role = 'social-worker' and a.worker_id is not null and a.end_date is not null
        union all
        select h.id as worker_id, h.period_end as day, 0 as delta, 1 as probe, h.fte,
          replace(h.role, '-', ' ') || case when h.agency then ', agency' else '' end || ', ' || h.fte || ' FTE' as what
        from holders h
      ),
      running as (
        select worker_id, day, probe, fte, what,
          sum(delta) over (partition by worker_id order by day, probe rows between unbounded preceding and current row) as open_cases
        from changes
      )
      select r.day as period_end, r.worker_id::bigint as subject_id, r.open_cases as numerator, r.fte as denominator, r.what as detail
      from running r where r.probe = 1`,
  }),
  defineIndicator({
    id: 'sw-agency-rate',
    title: 'Agency social workers',
    area: 'workforce',
    definition: {
      numerator: 'FTE of agency social workers in post at the period end.',
      denominator: 'FTE of all social workers (agency and employed) in post at the period end.',
      period: 'A snapshot at the period end.',
      rules: 'Social workers: the social-worker, senior-practitioner, team-manager and iro roles.',
    },
    basis: `${CSWW_BASIS} agency_rate_fte = agency FTE ÷ (agency FTE + employed FTE in post).`,
    polarity: 'lower',
    unit: 'percent',
    target: 15,
    green: 15,
    amber: 20,
    benchmark: 'sw-agency-rate-percent',
    subject: 'worker',
    items: (authorityId) => sql`
      select p.period_end, w.id::bigint as subject_id,
        case when w.agency then w.fte else 0 end as numerator, w.fte as denominator,
        replace(w.role, '-', ' ') || case when w.agency then ', agency' else ', employed' end as detail
      from periods p join workers w on w.authority_id = ${authorityId} and w.role in (${roles(SOCIAL_WORKER_ROLES)})
        and ${openOn('w.start_date', 'w.end_date', 'p.period_end')}`,
  }),
  defineIndicator({
    id: 'sw-vacancy-rate',
    title: 'Social worker vacancy rate',
    area: 'workforce',
    definition: {
      numerator: 'Vacant social worker posts (FTE) in the latest workforce snapshot on or before the period end.',
      denominator: 'Vacancies (FTE) plus employed social workers in post (FTE) in that snapshot.',
      period: 'The latest workforce snapshot on or before the period end (usually the census at 30 September).',
      rules:
        'Vacancies are not recorded per worker, so the figure comes from the snapshot and has no drill-down. No snapshot, no value.',
    },
    basis: `${CSWW_BASIS} vacancy_rate_fte = vacancy FTE ÷ (vacancy FTE + employed FTE in post).`,
    polarity: 'lower',
    unit: 'percent',
    target: 15,
    green: 15,
    amber: 20,
    benchmark: 'sw-vacancy-rate-percent',
    subject: 'worker',
    items: (authorityId) => sql`
      select p.period_end, null::bigint as subject_id, s.vacancy_fte as numerator, s.vacancy_fte + s.social_worker_fte as denominator,
        'Snapshot ' || s.snapshot_date as detail
      from periods p
      join lateral (
        select ws.snapshot_date, ws.vacancy_fte, ws.social_worker_fte from workforce_snapshots ws
        where ws.authority_id = ${authorityId} and ws.snapshot_date <= p.period_end
        order by ws.snapshot_date desc limit 1
      ) s on true`,
  }),
  defineIndicator({
    id: 'sw-turnover-rate',
    title: 'Social worker turnover rate',
    area: 'workforce',
    definition: {
      numerator: 'FTE of employed social workers who left in the 12 months to the period end.',
      denominator: 'FTE of employed social workers in post at the period end.',
      period:
        'Leavers: a last day (end_date) on or after the same date 12 months before the period end and before the period end. In post: at the period end.',
      rules:
        'Agency workers are left out of both sides, as DfE does. A worker whose last day is the period end is still in post then, and is a leaver in the next 12 months, so each leaver is counted once: with a period ending 30 September 2025, leavers are those whose last day is 30 September 2024 (in post at the census before) to 29 September 2025.',
    },
    basis: `${CSWW_BASIS} turnover_rate_fte = leavers FTE in the year to 30 September ÷ employed FTE in post at 30 September.`,
    polarity: 'lower',
    unit: 'percent',
    target: 15,
    green: 15,
    amber: 18,
    benchmark: 'sw-turnover-rate-percent',
    subject: 'worker',
    items: (authorityId) => sql`
      select p.period_end, w.id::bigint as subject_id,
        case when w.end_date < p.period_end then w.fte else 0 end as numerator,
        case when w.end_date < p.period_end then 0 else w.fte end as denominator,
        replace(w.role, '-', ' ') || case when w.end_date < p.period_end then ', left ' || w.end_date else ', in post' end as detail
      from periods p join workers w on w.authority_id = ${authorityId} and not w.agency and w.role in (${roles(SOCIAL_WORKER_ROLES)})
        and w.start_date <= p.period_end
        and (w.end_date is null or w.end_date >= (p.period_end - interval '12 months')::date)`,
  }),
];
