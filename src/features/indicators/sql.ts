/**
 * SQL fragments the indicator and tracker queries share, so that each rule is spelled once.
 * Arguments are SQL expressions (column references such as `a.start_date`, or bound values), written as text
 * the caller controls — never user input.
 */
import { sql, type SQL } from 'drizzle-orm';

type Expr = string | SQL;
const e = (x: Expr): SQL => (typeof x === 'string' ? sql.raw(x) : x);

/**
 * Working days are counted by joining the working-day calendar (rank = working days up to and including the day):
 * the working days after D up to and including E are rank(E) − rank(D), the start day being day 0 — the same count
 * as `workingDaysBetween` in src/domain/working-days.ts. Joins, not a scalar lookup per row: the planner hashes the
 * calendar once, where two probes a row made PostgreSQL compile whole queries with JIT (seconds).
 */

/**
 * Working days after `from` up to and including `to`, as a scalar lookup: for a few rows (a tracker's results).
 * Over a table, join with `calendarRow` instead.
 */
export function workingDaysBetween(from: Expr, to: Expr): SQL {
  return sql`((select wdc_to.rank from working_day_calendar wdc_to where wdc_to.day = ${e(to)}) - (select wdc_from.rank from working_day_calendar wdc_from where wdc_from.day = ${e(from)}))`;
}

/** The calendar row of a date, joined as `alias` (its rank is null when the date is null or outside the calendar). */
export function calendarRow(alias: string, date: string): SQL {
  return sql.raw(`left join working_day_calendar ${alias} on ${alias}.day = ${date}`);
}

/** 1 when `to` is on or after `from` and no more than `days` working days after it; else 0 (also when `to` is null). */
export function inWorkingDays(from: string, fromRow: string, to: string, toRow: string, days: number): SQL {
  return sql.raw(`(case when ${to} >= ${from} and ${toRow}.rank - ${fromRow}.rank <= ${days} then 1 else 0 end)`);
}

/**
 * Joins that find the Nth working day after a date (N ≥ 1; the date itself is day 0), as `<alias>.day` (null when
 * the date is outside the calendar): the same day as `addWorkingDays` in src/domain/working-days.ts.
 */
export function nthWorkingDayJoin(alias: string, from: string, n: number): SQL {
  const a = sql.raw(alias);
  const a0 = sql.raw(`${alias}_from`);
  return sql`left join working_day_calendar ${a0} on ${a0}.day = ${sql.raw(from)}
    left join working_day_calendar ${a} on ${a}.rank = ${a0}.rank + ${sql.raw(String(Math.trunc(n)))} and ${a}.is_working_day`;
}

/** Whole years of age on a date. */
export function ageAt(dateOfBirth: Expr, on: Expr): SQL {
  return sql`date_part('year', age(${e(on)}, ${e(dateOfBirth)}))`;
}

/** Open on a date at all: started on or before it and not ended before it (an end on the date itself still counts). */
export function openOn(start: Expr, end: Expr, on: Expr): SQL {
  return sql`(${e(start)} <= ${e(on)} and (${e(end)} is null or ${e(end)} >= ${e(on)}))`;
}

/**
 * Open at the end of a date — a snapshot such as "on a CP plan at 31 March": started on or before it and not ended
 * on or before it. DfE's convention for figures at 31 March (children looked after, CP plans, children in need): a
 * plan or period that ended on the day is not counted as open at its end.
 */
export function openAtEndOf(start: Expr, end: Expr, on: Expr): SQL {
  return sql`(${e(start)} <= ${e(on)} and (${e(end)} is null or ${e(end)} > ${e(on)}))`;
}

/** A 0/1 numeric from a boolean condition (null counts as 0). */
export function flag(condition: Expr): SQL {
  return sql`(case when ${e(condition)} then 1 else 0 end)`;
}

const identifier = (x: string): SQL => {
  if (!/^[a-z][a-z0-9_]*$/.test(x)) throw new Error(`not an SQL identifier: ${x}`);
  return sql.raw(x);
};

/**
 * The periods as one row per day they contain (`period_start`, `period_end`, `day`): joined on `day = <a date>`, a
 * date falls in a period exactly when it is between the period's start and end, but PostgreSQL can hash the join
 * (a few thousand days for 72 months) instead of testing every row against every period, which cost millions of
 * comparisons for a large authority's events over 72 months. Overlapping periods each keep their own rows.
 */
export const PERIOD_DAYS = sql.raw(`(select pd.period_start, pd.period_end, pd.period_start + n.n as day
    from periods pd cross join lateral generate_series(0, pd.period_end - pd.period_start) as n(n))`);

/**
 * The scaffolding of an indicator that counts events: each period (`p`) joined with the authority's rows of `table`,
 * as `alias`, whose `dateColumn` falls in it (`from ${inPeriod('contacts', 'c', 'contact_date', authorityId)}`).
 */
export function inPeriod(table: string, alias: string, dateColumn: string, authorityId: number): SQL {
  const a = identifier(alias);
  return sql`${PERIOD_DAYS} p join ${identifier(table)} ${a} on ${a}.authority_id = ${authorityId} and ${a}.${identifier(dateColumn)} = p.day`;
}

/**
 * Joins the periods (`alias`, with period_start and period_end) at whose end a row already in the query is open, by
 * its `start` and `end` columns as in `openAtEndOf` (a row ending on the period end is not open at its end). The same
 * rows as testing every row against every period, found by a binary search of the sorted period ends (width_bucket:
 * how many ends are on or before a date), so the work is the matches, not rows × periods.
 */
export function periodsEndingWhileOpen(alias: string, start: string, end: string): SQL {
  const a = identifier(alias);
  const i = identifier(`${alias}_i`);
  // Uncorrelated subqueries, so PostgreSQL works the sorted ends out once for the query, not once a row.
  const ends = sql.raw('(select array_agg(distinct period_end order by period_end) from periods)');
  return sql`cross join lateral generate_series(width_bucket(${sql.raw(start)} - 1, ${ends}) + 1,
      coalesce(width_bucket(${sql.raw(end)} - 1, ${ends}), (select count(distinct period_end)::int from periods))) as ${i}(i)
    join periods ${a} on ${a}.period_end = ${ends}[${i}.i]`;
}

/**
 * The scaffolding of a snapshot indicator: each period (`p`) joined with the authority's rows of `table`, as `alias`,
 * open at the end of the period by their start_date and end_date (see openAtEndOf).
 */
export function openAtPeriodEnd(table: string, alias: string, authorityId: number): SQL {
  const a = identifier(alias);
  return sql`${identifier(table)} ${a} ${periodsEndingWhileOpen('p', `${alias}.start_date`, `${alias}.end_date`)}
    and ${a}.authority_id = ${authorityId}`;
}
