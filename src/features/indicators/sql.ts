/**
 * SQL fragments the indicator and tracker queries share, so that each rule is spelled once.
 * Arguments are SQL expressions (column references such as `a.start_date`, or bound values), written as text
 * the caller controls — never user input.
 */
import { sql, type SQL } from 'drizzle-orm';

type Expr = string | SQL;
const e = (x: Expr): SQL => (typeof x === 'string' ? sql.raw(x) : x);

/**
 * Working days after `from` up to and including `to` (the start day is day 0), from the working-day calendar
 * table: the same count as `workingDaysBetween` in src/domain/working-days.ts. Null when either date is null.
 */
export function workingDaysBetween(from: Expr, to: Expr): SQL {
  return sql`((select wdc_to.rank from working_day_calendar wdc_to where wdc_to.day = ${e(to)}) - (select wdc_from.rank from working_day_calendar wdc_from where wdc_from.day = ${e(from)}))`;
}

/** The Nth working day after `from` (N ≥ 1), from the calendar table. */
export function addWorkingDays(from: Expr, n: number | SQL): SQL {
  return sql`(select wdc_n.day from working_day_calendar wdc_n where wdc_n.is_working_day and wdc_n.rank = (select wdc_s.rank from working_day_calendar wdc_s where wdc_s.day = ${e(from)}) + ${n})`;
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

/** Between two dates inclusive. */
export function within(date: Expr, from: Expr, to: Expr): SQL {
  return sql`(${e(date)} between ${e(from)} and ${e(to)})`;
}

/** A 0/1 numeric from a boolean condition (null counts as 0). */
export function flag(condition: Expr): SQL {
  return sql`(case when ${e(condition)} then 1 else 0 end)`;
}
