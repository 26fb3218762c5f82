/**
 * The trackers' SQL. Every tracker starts from the same `cohort`: the children with an open allocation as at the
 * date, one row per child (the primary, most recent open allocation — within the chosen team when one is), which
 * gives each row its team and worker. Filtering by team or worker happens there, first, so a team's tracker reads
 * only the team's open allocations (index allocations_team_child / allocations_team_open) and then each child's
 * own rows through the per-child indexes (…_child). Team-scoped users also get the scope rule of
 * src/features/children/scope.ts (childInTeam), so a past as-at date can never show a child now in another team.
 *
 * Two kinds of work are about children with no allocation yet, and so do not start from the cohort: unallocated
 * early-help requests (the request's own team) and LADO referrals (no team); care leavers with no personal adviser
 * and no open allocation are listed too (no team). Rows with no team appear only to authority-wide users looking at
 * the whole authority.
 *
 * Timescales are those of src/domain/timescales.ts, spelled here in SQL with the working-day calendar table
 * (src/features/indicators/sql.ts: the start day is day 0). Every date is returned as text (YYYY-MM-DD).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { childInTeam } from '../children/scope';
import { ageAt, workingDaysBetween } from '../indicators/sql';

export interface QueryFilters {
  authorityId: number;
  asAt: string;
  /** Only this team's open allocations (a chosen filter, or the user's own team). */
  teamId: number | null;
  workerId: number | null;
  /** For team-scoped users: the team whose scope rule must also hold. */
  scopeTeamId: number | null;
}

/** What every child-level query returns, before presentation. */
export interface RawItem extends Record<string, unknown> {
  kind: string;
  child_id: number | string | null;
  lantern_id: string | null;
  first_name: string | null;
  last_name: string | null;
  team_id: number | null;
  team: string | null;
  worker_id: number | null;
  worker: string | null;
  worker_ref: string | null;
  start_date: string | null;
  last_date: string | null;
  due_date: string;
  /** Working days from the due date to the as-at date: positive when overdue, negative when still to come. */
  wd_late: number | string;
  /** Calendar days from the start date to the as-at date. */
  days_elapsed: number | string | null;
  /** Tracker-specific facts (dates as text), for the notes column. */
  x1: string | null;
  x2: string | null;
  x3: string | null;
  x4: string | null;
}

/**
 * The Nth working day after `from` (N ≥ 1), from the calendar table. The same answer as addWorkingDays in
 * src/features/indicators/sql.ts, but found through the table's primary key (day) in a short range — N working days
 * never span more than 2N + 10 calendar days — instead of a search by rank, which has no index and would scan the
 * whole calendar for every row.
 */
export function addWorkingDays(from: SQL | string, n: number): SQL {
  const f = typeof from === 'string' ? sql.raw(from) : from;
  return sql`(select wdc_n.day from working_day_calendar wdc_n
    where wdc_n.day > (${f})::date and wdc_n.day <= (${f})::date + ${sql.raw(String(2 * n + 10))} and wdc_n.is_working_day
      and wdc_n.rank = (select wdc_s.rank from working_day_calendar wdc_s where wdc_s.day = (${f})::date) + ${sql.raw(String(n))}
    order by wdc_n.day limit 1)`;
}

const D = (f: QueryFilters): SQL => sql`${f.asAt}::date`;
/**
 * Open on the as-at date. The start date is written `start + 0` so that it cannot use a date index: every such
 * test here is on one child's rows, found through the child's index, and without statistics (just after a bulk
 * load) PostgreSQL otherwise ANDs in an authority-wide (authority_id, date) range scan for every child — measured at
 * 3 s instead of 0.1 s for a demo authority's due tracker.
 */
const openOnD = (start: string, end: string, f: QueryFilters): SQL =>
  sql`((${sql.raw(start)} + 0) <= ${D(f)} and (${sql.raw(end)} is null or ${sql.raw(end)} > ${D(f)}))`;
const plusMonths = (date: SQL | string, months: number): SQL =>
  sql`((${typeof date === 'string' ? sql.raw(date) : date}) + make_interval(months => ${sql.raw(String(months))}))::date`;

/**
 * No row / some row matches, as a LIMIT 1 subquery: PostgreSQL runs it for each outer row through the child's own
 * index, where a NOT EXISTS anti-join may be planned — with no statistics, just after a bulk load — as a scan of the
 * whole table for every row (measured: 1.6 s instead of 0.1 s for the ICPC branch of a demo authority).
 */
const noneOf = (q: SQL): SQL => sql`((${q} limit 1) is null)`;
const anyOf = (q: SQL): SQL => sql`((${q} limit 1) is not null)`;

export function cohort(f: QueryFilters): SQL {
  return sql`cohort as materialized (
    select distinct on (a.child_id) a.child_id, a.team_id, a.worker_id
    from allocations a
    where a.authority_id = ${f.authorityId}
      and ${openOnD('a.start_date', 'a.end_date', f)}
      ${f.teamId !== null ? sql`and a.team_id = ${f.teamId}` : sql``}
      ${f.workerId !== null ? sql`and a.worker_id = ${f.workerId}` : sql``}
      ${f.scopeTeamId !== null ? sql`and ${childInTeam(sql.raw('a.child_id'), f.scopeTeamId)}` : sql``}
    order by a.child_id, a.is_primary desc, a.start_date desc, a.id desc
  )`;
}

/**
 * Where an item's team and worker come from: 'cohort', the child's open allocation (chosen by the filters); the
 * others, work with no allocation, carrying their own team (or none): unallocated early-help requests, LADO
 * referrals, and care leavers with no personal adviser and no open allocation.
 */
export type ItemSource = 'cohort' | 'early-help' | 'lado' | 'unallocated';

/** A branch of the union: the columns every item has, in order. */
function item(
  kind: string,
  parts: {
    from: SQL;
    start: SQL | string;
    last?: SQL | string;
    due: SQL;
    x?: Array<SQL | string>;
    source?: ItemSource;
  },
): SQL {
  const x = parts.x ?? [];
  const col = (v: SQL | string | undefined): SQL =>
    v === undefined ? sql`null::text` : typeof v === 'string' ? sql`${sql.raw(v)}::text` : sql`(${v})::text`;
  return sql`select ${kind}::text as kind, ${parts.source ?? 'cohort'}::text as source, k.child_id, k.team_id, k.worker_id,
      ${col(parts.start)} as start_date, ${col(parts.last)} as last_date, (${parts.due})::date as due_date,
      ${col(x[0])} as x1, ${col(x[1])} as x2, ${col(x[2])} as x3, ${col(x[3])} as x4
    ${parts.from}`;
}

const openCla = (f: QueryFilters) =>
  sql`from cohort k join periods_of_care pc on pc.child_id = k.child_id and ${openOnD('pc.start_date', 'pc.end_date', f)}`;

/** Each kind of work due, as one branch of the due tracker's union. */
export const DUE_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  assessment: (f) =>
    item('assessment', {
      from: sql`from cohort k join cin_episodes ce on ce.child_id = k.child_id
        where ce.referral_nfa = false and ${openOnD('ce.referral_date', 'ce.closure_date', f)}
          and ${noneOf(sql`select 1 from assessments a where a.child_id = ce.child_id and a.cin_episode_id = ce.id and a.authorisation_date <= ${D(f)}`)}`,
      start: 'ce.referral_date',
      due: addWorkingDays('ce.referral_date', 45),
    }),
  icpc: (f) =>
    item('icpc', {
      from: sql`from cohort k join strategy_discussions sd on sd.child_id = k.child_id
        join cin_episodes ce on ce.id = sd.cin_episode_id
        where sd.outcome = 's47' and ${openOnD('sd.discussion_date', 'ce.closure_date', f)}
          and ${noneOf(sql`select 1 from initial_cp_conferences i where i.child_id = sd.child_id and i.conference_date >= sd.discussion_date and i.conference_date <= ${D(f)}`)}
          and ${noneOf(sql`select 1 from s47_enquiries s where s.child_id = sd.child_id and s.strategy_discussion_id = sd.id and s.end_date <= ${D(f)}
                          and (s.icpc_not_required or s.outcome in ('nfa', 'cin-plan'))`)}`,
      start: 'sd.discussion_date',
      due: addWorkingDays('sd.discussion_date', 15),
    }),
  'cp-visit': (f) =>
    item('cp-visit', {
      from: sql`from cohort k join cp_plans cp on cp.child_id = k.child_id and ${openOnD('cp.start_date', 'cp.end_date', f)}
        left join lateral (select max(v.visit_date) as last from visits v
          where v.child_id = cp.child_id and v.kind = 'cp' and v.seen and v.visit_date >= cp.start_date and v.visit_date <= ${D(f)}) lv on true`,
      start: 'cp.start_date',
      last: 'lv.last',
      due: addWorkingDays('coalesce(lv.last, cp.start_date)', 10),
    }),
  'cp-review': (f) =>
    item('cp-review', {
      from: sql`from cohort k join cp_plans cp on cp.child_id = k.child_id and ${openOnD('cp.start_date', 'cp.end_date', f)}
        left join lateral (select max(r.review_date) as last from cp_reviews r where r.cp_plan_id = cp.id and r.review_date <= ${D(f)}) lr on true`,
      start: 'cp.start_date',
      last: 'lr.last',
      due: sql`case when lr.last is null then ${plusMonths('cp.start_date', 3)} else ${plusMonths('lr.last', 6)} end`,
    }),
  'cin-visit': (f) =>
    item('cin-visit', {
      from: sql`from cohort k join cin_plans p on p.child_id = k.child_id and ${openOnD('p.start_date', 'p.end_date', f)}
        left join lateral (select max(v.visit_date) as last from visits v
          where v.child_id = p.child_id and v.kind = 'cin' and v.seen and v.visit_date >= p.start_date and v.visit_date <= ${D(f)}) lv on true`,
      start: 'p.start_date',
      last: 'lv.last',
      due: addWorkingDays('coalesce(lv.last, p.start_date)', 20),
    }),
  'cin-plan-review': (f) =>
    item('cin-plan-review', {
      // The next of start + 3, 6, 9 … months on or after the as-at date: k from the whole months elapsed.
      from: sql`from cohort k join cin_plans p on p.child_id = k.child_id and ${openOnD('p.start_date', 'p.end_date', f)}
        cross join lateral (select (extract(year from age(${D(f)}, p.start_date)) * 12 + extract(month from age(${D(f)}, p.start_date)))::int / 3 as q) m
        cross join lateral (select min(x.d) as next from (
          select (p.start_date + make_interval(months => 3 * g))::date as d from generate_series(greatest(1, m.q), greatest(1, m.q) + 2) g
        ) x where x.d >= ${D(f)}) nr`,
      start: 'p.start_date',
      due: sql`nr.next`,
    }),
  'cla-visit': (f) =>
    item('cla-visit', {
      from: sql`${openCla(f)}
        join lateral (select pl.start_date, pl.placement_type from placements pl
          where pl.child_id = pc.child_id and pl.period_of_care_id = pc.id and ${openOnD('pl.start_date', 'pl.end_date', f)} order by pl.start_date desc limit 1) pl on true
        left join lateral (select max(v.visit_date) as last from visits v
          where v.child_id = pc.child_id and v.kind = 'cla' and v.seen and v.visit_date >= pl.start_date and v.visit_date <= ${D(f)}) lv on true`,
      start: 'pl.start_date',
      last: 'lv.last',
      due: sql`case when lv.last is null then pl.start_date + 7
        when pl.placement_type in ('U1', 'U4') and lv.last >= ${plusMonths('pl.start_date', 12)} then ${plusMonths('lv.last', 3)}
        else lv.last + 42 end`,
    }),
  'cla-review': (f) =>
    item('cla-review', {
      from: sql`${openCla(f)}
        cross join lateral (select count(*)::int as n, max(r.review_date) as last from cla_reviews r where r.child_id = pc.child_id and r.period_of_care_id = pc.id and r.review_date <= ${D(f)}) rv`,
      start: 'pc.start_date',
      last: 'rv.last',
      due: sql`case when rv.n = 0 then ${addWorkingDays('pc.start_date', 20)} when rv.n = 1 then ${plusMonths('rv.last', 3)} else ${plusMonths('rv.last', 6)} end`,
      x: [sql`rv.n`],
    }),
  iha: (f) =>
    item('iha', {
      from: sql`${openCla(f)}
        where ${noneOf(sql`select 1 from health_assessments h where h.child_id = pc.child_id and h.kind = 'initial' and h.assessment_date >= pc.start_date and h.assessment_date <= ${D(f)}`)}`,
      start: 'pc.start_date',
      due: addWorkingDays('pc.start_date', 20),
    }),
  rha: (f) =>
    item('rha', {
      from: sql`${openCla(f)} join children c on c.id = pc.child_id
        cross join lateral (select max(h.assessment_date) as last from health_assessments h where h.child_id = pc.child_id and h.assessment_date >= pc.start_date and h.assessment_date <= ${D(f)}) lh
        where lh.last is not null`,
      start: 'pc.start_date',
      last: 'lh.last',
      due: sql`case when c.date_of_birth is not null and ${ageAt('c.date_of_birth', 'lh.last')} < 5 then ${plusMonths('lh.last', 6)} else ${plusMonths('lh.last', 12)} end`,
    }),
  dental: (f) =>
    item('dental', {
      from: sql`${openCla(f)}
        left join lateral (select max(d.check_date) as last from dental_checks d where d.child_id = pc.child_id and d.check_date <= ${D(f)}) ld on true`,
      start: 'pc.start_date',
      last: 'ld.last',
      due: plusMonths('coalesce(ld.last, pc.start_date)', 12),
    }),
  pep: (f) =>
    item('pep', {
      from: sql`${openCla(f)} join children c on c.id = pc.child_id
        left join lateral (select max(e.pep_date) as last from personal_education_plans e where e.child_id = pc.child_id and e.pep_date >= pc.start_date and e.pep_date <= ${D(f)}) lp on true
        where c.date_of_birth is not null and ${ageAt('c.date_of_birth', D(f))} between 4 and 17`,
      start: 'pc.start_date',
      last: 'lp.last',
      due: sql`case when lp.last is null then ${addWorkingDays('pc.start_date', 20)}
        when extract(month from lp.last) >= 9 then make_date(extract(year from lp.last)::int + 1, 3, 31)
        when extract(month from lp.last) <= 3 then make_date(extract(year from lp.last)::int, 7, 31)
        else make_date(extract(year from lp.last)::int, 12, 31) end`,
    }),
  sdq: (f) =>
    item('sdq', {
      from: sql`${openCla(f)} join children c on c.id = pc.child_id
        left join lateral (select max(s.assessment_date) as last from sdq_scores s where s.child_id = pc.child_id and s.assessment_date <= ${D(f)}) ls on true
        where c.date_of_birth is not null and ${ageAt('c.date_of_birth', D(f))} between 4 and 16`,
      start: 'pc.start_date',
      last: 'ls.last',
      due: plusMonths('coalesce(ls.last, pc.start_date)', 12),
    }),
  rhi: (f) =>
    item('rhi', {
      from: sql`from cohort k join missing_episodes m on m.child_id = k.child_id
        cross join lateral (select (m.end_at at time zone 'Europe/London')::date as returned) r
        where m.end_at is not null and m.rhi_offered_date is null and m.rhi_completed_at is null
          and r.returned <= ${D(f)} and r.returned >= (${D(f)} - interval '3 months')::date`,
      start: 'r.returned',
      due: sql`r.returned + 3`,
      x: [sql`m.kind`],
    }),
  'pathway-plan-review': (f) =>
    item('pathway-plan-review', {
      from: sql`from cohort k join care_leavers cl on cl.child_id = k.child_id and ${openOnD('cl.start_date', 'cl.end_date', f)}
        left join lateral (select max(r.review_date) as last from pathway_plan_reviews r where r.child_id = cl.child_id and r.review_date <= ${D(f)}) lr on true`,
      start: 'cl.start_date',
      last: 'lr.last',
      due: plusMonths('coalesce(lr.last, cl.start_date)', 6),
    }),
  'care-leaver-contact': (f) =>
    item('care-leaver-contact', {
      from: sql`from cohort k join care_leavers cl on cl.child_id = k.child_id and ${openOnD('cl.start_date', 'cl.end_date', f)}
        left join lateral (select max(x.contact_date) as last from care_leaver_contacts x where x.child_id = cl.child_id and x.contact_date <= ${D(f)}) lc on true`,
      start: 'cl.start_date',
      last: 'lc.last',
      due: sql`coalesce(lc.last, cl.start_date) + 56`,
    }),
  'pa-link': (f) =>
    item('pa-link', {
      from: sql`from cohort k join children c on c.id = k.child_id
        where c.date_of_birth is not null
          and (${anyOf(sql`select 1 from periods_of_care pc where pc.child_id = c.id and ${openOnD('pc.start_date', 'pc.end_date', f)}`)}
            or ${anyOf(sql`select 1 from care_leavers cl where cl.child_id = c.id and ${openOnD('cl.start_date', 'cl.end_date', f)}`)})
          and ${noneOf(sql`select 1 from care_leavers cl where cl.child_id = c.id and (cl.personal_adviser_id is not null or cl.pa_linked_date <= ${D(f)})`)}
          and ${noneOf(sql`select 1 from allocations pa where pa.child_id = c.id and pa.role = 'personal-adviser' and ${openOnD('pa.start_date', 'pa.end_date', f)}`)}`,
      start: 'c.date_of_birth',
      due: plusMonths('c.date_of_birth', 210),
    }),
  'early-help-allocation': (f) =>
    f.workerId !== null
      ? null
      : item('early-help-allocation', {
          from: sql`from (select eh.child_id, eh.team_id, null::int as worker_id, eh.request_date from early_help_episodes eh
            where eh.authority_id = ${f.authorityId} and eh.request_date <= ${D(f)}
              and (eh.allocation_date is null or eh.allocation_date > ${D(f)}) and (eh.end_date is null or eh.end_date > ${D(f)})
              ${f.teamId !== null ? sql`and eh.team_id = ${f.teamId}` : sql``}
              ${f.scopeTeamId !== null ? sql`and ${childInTeam(sql.raw('eh.child_id'), f.scopeTeamId)}` : sql``}) k`,
          start: 'k.request_date',
          due: addWorkingDays('k.request_date', 10),
          source: 'early-help',
        }),
  lado: (f) =>
    f.teamId !== null || f.workerId !== null || f.scopeTeamId !== null
      ? null
      : item('lado', {
          from: sql`from (select l.child_id, null::int as team_id, null::int as worker_id, l.referral_date from lado_referrals l
            where l.authority_id = ${f.authorityId} and l.referral_date <= ${D(f)}
              and (l.initial_consideration_date is null or l.initial_consideration_date > ${D(f)}) and (l.closed_date is null or l.closed_date > ${D(f)})) k`,
          start: 'k.referral_date',
          due: addWorkingDays('k.referral_date', 1),
          source: 'lado',
        }),
};

export const PLO_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  'pre-proceedings': (f) =>
    item('pre-proceedings', {
      from: sql`from cohort k join pre_proceedings pp on pp.child_id = k.child_id and ${openOnD('pp.start_date', 'pp.end_date', f)}`,
      start: 'pp.start_date',
      last: sql`case when pp.decision_date <= ${D(f)} then pp.decision_date end`,
      due: sql`pp.start_date + 112`,
      x: [sql`pp.letter_before_proceedings_date`, sql`pp.initial_meeting_date`, sql`pp.review_meetings`],
    }),
  'care-proceedings': (f) =>
    item('care-proceedings', {
      from: sql`from cohort k join care_proceedings cp on cp.child_id = k.child_id and ${openOnD('cp.issue_date', 'cp.end_date', f)}`,
      start: 'cp.issue_date',
      last: sql`case when cp.final_hearing_date <= ${D(f)} then cp.final_hearing_date end`,
      due: sql`cp.issue_date + 182`,
    }),
};

export const PERMANENCE_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  'permanence-plan': (f) =>
    item('permanence-plan', {
      from: sql`${openCla(f)}
        cross join lateral (select min(r.review_date) as first,
            (select r2.review_date from cla_reviews r2 where r2.child_id = pc.child_id and r2.period_of_care_id = pc.id and r2.review_date <= ${D(f)} order by r2.review_date offset 1 limit 1) as second
          from cla_reviews r where r.child_id = pc.child_id and r.period_of_care_id = pc.id and r.review_date <= ${D(f)}) rv
        where pc.permanence_plan is null or pc.permanence_plan_date > ${D(f)}`,
      start: 'pc.start_date',
      last: 'rv.second',
      due: sql`coalesce(rv.second, ${plusMonths(sql`coalesce(rv.first, ${addWorkingDays('pc.start_date', 20)})`, 3)})`,
      x: [sql`rv.first`],
    }),
  'adoption-a1': (f) =>
    item('adoption-a1', {
      from: sql`${openCla(f)} join permanence_milestones pm on pm.child_id = pc.child_id and (pm.period_of_care_id is null or pm.period_of_care_id = pc.id)
        where pm.adm_decision_date <= ${D(f)}
          and (pm.decision_reversed_date is null or pm.decision_reversed_date > ${D(f)})
          and (pm.placed_for_adoption_date is null or pm.placed_for_adoption_date > ${D(f)})`,
      start: 'pc.start_date',
      due: sql`pc.start_date + 426`,
      x: [sql`pm.adm_decision_date`],
    }),
  'adoption-a2': (f) =>
    item('adoption-a2', {
      from: sql`${openCla(f)} join permanence_milestones pm on pm.child_id = pc.child_id and (pm.period_of_care_id is null or pm.period_of_care_id = pc.id)
        where pm.placement_order_date <= ${D(f)}
          and (pm.decision_reversed_date is null or pm.decision_reversed_date > ${D(f)})
          and (pm.matched_date is null or pm.matched_date > ${D(f)})`,
      start: 'pm.placement_order_date',
      due: sql`pm.placement_order_date + 121`,
    }),
};

export const CIN_PANEL_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  'cin-panel': (f) =>
    item('cin-panel', {
      from: sql`from cohort k join cin_plans p on p.child_id = k.child_id and ${openOnD('p.start_date', 'p.end_date', f)}`,
      start: 'p.start_date',
      due: plusMonths('p.start_date', 6),
    }),
};

export const RHI_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  rhi: (f) =>
    item('rhi', {
      from: sql`from cohort k join missing_episodes m on m.child_id = k.child_id
        cross join lateral (select (m.end_at at time zone 'Europe/London')::date as returned) r
        where m.end_at is not null and r.returned <= ${D(f)} and r.returned >= (${D(f)} - interval '3 months')::date`,
      start: 'r.returned',
      last: sql`case when m.rhi_offered_date <= ${D(f)} then m.rhi_offered_date end`,
      due: sql`r.returned + 3`,
      x: [
        sql`m.kind`,
        sql`case when m.rhi_accepted_date <= ${D(f)} then m.rhi_accepted_date end`,
        sql`case when (m.rhi_completed_at at time zone 'Europe/London')::date <= ${D(f)} then (m.rhi_completed_at at time zone 'Europe/London')::date end`,
      ],
    }),
};

export const CARE_LEAVER_BRANCHES: Record<string, (f: QueryFilters) => SQL | null> = {
  'no-pa': (f) => {
    const allocated = item('no-pa', {
      from: sql`from cohort k join care_leavers cl on cl.child_id = k.child_id and ${openOnD('cl.start_date', 'cl.end_date', f)}
        join children c on c.id = cl.child_id
        where cl.personal_adviser_id is null and (cl.pa_linked_date is null or cl.pa_linked_date > ${D(f)})
          and ${noneOf(sql`select 1 from allocations pa where pa.child_id = cl.child_id and pa.role = 'personal-adviser' and ${openOnD('pa.start_date', 'pa.end_date', f)}`)}`,
      start: 'cl.start_date',
      due: sql`coalesce(${plusMonths('c.date_of_birth', 210)}, cl.start_date)`,
      x: [sql`cl.eligibility`],
    });
    // A care leaver with no PA often has no open allocation at all: listed (with no team) for the whole authority.
    if (f.teamId !== null || f.workerId !== null || f.scopeTeamId !== null) return allocated;
    const unallocated = item('no-pa', {
      from: sql`from (select cl.child_id, null::int as team_id, null::int as worker_id, cl.start_date, cl.eligibility, c.date_of_birth
          from care_leavers cl join children c on c.id = cl.child_id
          where cl.authority_id = ${f.authorityId} and ${openOnD('cl.start_date', 'cl.end_date', f)}
            and cl.personal_adviser_id is null and (cl.pa_linked_date is null or cl.pa_linked_date > ${D(f)})
            and ${noneOf(sql`select 1 from allocations a where a.child_id = cl.child_id and ${openOnD('a.start_date', 'a.end_date', f)}`)}) k`,
      start: 'k.start_date',
      due: sql`coalesce(${plusMonths('k.date_of_birth', 210)}, k.start_date)`,
      x: [sql`k.eligibility`],
      source: 'unallocated',
    });
    return sql`${allocated} union all ${unallocated}`;
  },
  'pathway-plan-review': (f) =>
    item('pathway-plan-review', {
      from: sql`from cohort k join care_leavers cl on cl.child_id = k.child_id and ${openOnD('cl.start_date', 'cl.end_date', f)}
        left join lateral (select max(r.review_date) as last from pathway_plan_reviews r where r.child_id = cl.child_id and r.review_date <= ${D(f)}) lr on true`,
      start: 'cl.start_date',
      last: 'lr.last',
      due: plusMonths('coalesce(lr.last, cl.start_date)', 6),
      x: [sql`cl.eligibility`],
    }),
};

/**
 * The items of the chosen branches with child, team and worker, and how late each is in working days.
 * `windowOnly`: keep only items overdue or due within 10 working days of the as-at date.
 */
export async function queryItems(
  db: Tx,
  f: QueryFilters,
  branches: Array<(f: QueryFilters) => SQL | null>,
  windowOnly: boolean,
): Promise<RawItem[]> {
  const query = itemsQuery(f, branches, windowOnly);
  if (query === null) return [];
  return rowsWithoutJit(db, query);
}

/**
 * The rows of a tracker query with PostgreSQL's JIT compiler off. The union of many small index lookups (and a
 * large authority's list, one lookup per row) is costed high enough to start it, and it then spends most of a second
 * compiling a query that runs in tens of milliseconds (measured on a demo authority: 775 ms of JIT for 60 ms of
 * work). Off for this transaction only.
 */
export function rowsWithoutJit(db: Tx, query: SQL): Promise<RawItem[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return rows<RawItem>(tx, query);
  });
}

/** The query behind queryItems (null when no branch applies), for EXPLAIN. */
export function itemsQuery(
  f: QueryFilters,
  branches: Array<(f: QueryFilters) => SQL | null>,
  windowOnly: boolean,
): SQL | null {
  const items = derivedItems(f, branches, windowOnly);
  return items === null ? null : named(sql`${items.with}, items as (${items.select})`);
}

/**
 * The chosen branches' items as `with cohort …` and a select of kind, source, child, team, worker, the dates, how
 * late (wd_late, days_elapsed: at the as-at date) and the notes' facts: what queryItems names and work_due keeps.
 */
export function derivedItems(
  f: QueryFilters,
  branches: Array<(f: QueryFilters) => SQL | null>,
  windowOnly: boolean,
): { with: SQL; select: SQL } | null {
  const parts = branches.map((b) => b(f)).filter((b): b is SQL => b !== null);
  if (parts.length === 0) return null;
  const union = sql.join(
    parts.map((b) => sql`(${b})`),
    sql` union all `,
  );
  return {
    with: sql`with ${cohort(f)}, derived as (${union})`,
    select: sql`select i.kind, i.source, i.child_id, i.team_id, i.worker_id,
        i.start_date, i.last_date, i.due_date::text as due_date,
        ${workingDaysBetween('i.due_date', D(f))} as wd_late,
        (${D(f)} - i.start_date::date) as days_elapsed,
        i.x1, i.x2, i.x3, i.x4
      from derived i
      where i.due_date is not null
        ${windowOnly ? sql`and i.due_date <= ${addWorkingDays(D(f), 10)}` : sql``}`,
  };
}

/**
 * The rows of `items` (a CTE of derivedItems' columns, after `with`) with each child's Lantern ID and name, and the
 * team's and worker's names: what a tracker lists.
 */
export function named(withItems: SQL): SQL {
  return sql`${withItems}
      select i.kind, i.child_id, c.lantern_id, c.first_name, c.last_name,
        i.team_id, t.name as team, i.worker_id, w.name as worker, w.worker_ref,
        i.start_date, i.last_date, i.due_date, i.wd_late, i.days_elapsed,
        i.x1, i.x2, i.x3, i.x4
      from items i
      -- LIMIT 1 laterals: always a primary-key lookup per row, whatever the planner guesses without statistics
      -- (a plain join was once planned as a scan of every child for every row).
      left join lateral (select c.lantern_id, c.first_name, c.last_name from children c where c.id = i.child_id limit 1) c on true
      left join lateral (select t.name from teams t where t.id = i.team_id limit 1) t on true
      left join lateral (select w.name, w.worker_ref from workers w where w.id = i.worker_id limit 1) w on true`;
}

export interface RawCaseload extends Record<string, unknown> {
  worker_id: number;
  worker: string;
  worker_ref: string;
  role: string;
  agency: boolean;
  team_id: number | null;
  team: string | null;
  children: number | string;
  cp: number | string;
  cla: number | string;
  care_leavers: number | string;
}

/** Open allocations per worker (children, and of them on CP plans, in care, care leavers), by team. */
export async function queryCaseloads(db: Tx, f: QueryFilters): Promise<RawCaseload[]> {
  const teamId = f.teamId ?? f.scopeTeamId;
  return rows<RawCaseload>(
    db,
    sql`with alloc as (
        select distinct a.worker_id, a.child_id,
          ${anyOf(sql`select 1 from cp_plans cp where cp.child_id = a.child_id and ${openOnD('cp.start_date', 'cp.end_date', f)}`)} as cp,
          ${anyOf(sql`select 1 from periods_of_care pc where pc.child_id = a.child_id and ${openOnD('pc.start_date', 'pc.end_date', f)}`)} as cla,
          ${anyOf(sql`select 1 from care_leavers cl where cl.child_id = a.child_id and ${openOnD('cl.start_date', 'cl.end_date', f)}`)} as care_leaver
        from allocations a
        where a.authority_id = ${f.authorityId} and a.worker_id is not null and ${openOnD('a.start_date', 'a.end_date', f)}
          ${teamId !== null ? sql`and a.team_id = ${teamId}` : sql``}
          ${f.workerId !== null ? sql`and a.worker_id = ${f.workerId}` : sql``}
      )
      select w.id as worker_id, w.name as worker, w.worker_ref, w.role, w.agency, w.team_id, t.name as team,
        count(al.child_id) as children,
        count(al.child_id) filter (where al.cp) as cp,
        count(al.child_id) filter (where al.cla) as cla,
        count(al.child_id) filter (where al.care_leaver) as care_leavers
      from workers w
      left join teams t on t.id = w.team_id
      left join alloc al on al.worker_id = w.id
      where w.authority_id = ${f.authorityId} and w.start_date <= ${D(f)} and (w.end_date is null or w.end_date > ${D(f)})
        ${teamId !== null ? sql`and w.team_id = ${teamId}` : sql``}
        ${f.workerId !== null ? sql`and w.id = ${f.workerId}` : sql``}
      group by w.id, w.name, w.worker_ref, w.role, w.agency, w.team_id, t.name`,
  );
}

/** How many rows queryCaseloads gives: one per worker in post (in the team or the worker chosen), allocated or not. */
export async function countCaseloads(db: Tx, f: QueryFilters): Promise<number> {
  const teamId = f.teamId ?? f.scopeTeamId;
  const [count] = await rows<{ n: number | string }>(
    db,
    sql`select count(*) as n from workers w
      where w.authority_id = ${f.authorityId} and w.start_date <= ${D(f)} and (w.end_date is null or w.end_date > ${D(f)})
        ${teamId !== null ? sql`and w.team_id = ${teamId}` : sql``}
        ${f.workerId !== null ? sql`and w.id = ${f.workerId}` : sql``}`,
  );
  return Number(count?.n ?? 0);
}
