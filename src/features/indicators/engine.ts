/**
 * Computing indicators: every period at once, from one query per indicator. The definition's items query is
 * wrapped in a `periods` table of the periods asked for; the engine sums numerators and denominators per period
 * and makes the value by the indicator's unit. The same items, for one period, are the drill-down.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { ensureWorkingDayCalendar } from '../reference/calendar';
import type { IndicatorDefinition, Unit } from './definition';
import type { Period } from './periods';

export interface PeriodValue {
  readonly period: Period;
  readonly numerator: number;
  /** For counts: null. For rates per 10,000: the child population used. */
  readonly denominator: number | null;
  /** Null when there is nothing to measure (a denominator of 0, or no population for a rate). */
  readonly value: number | null;
}

export interface DrillDownRow {
  readonly subjectId: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly detail: string | null;
}

function periodsTable(periods: readonly Period[]): SQL {
  const rows = periods.map((p) => sql`(${p.start}::date, ${p.end}::date)`);
  return sql`periods(period_start, period_end) as (values ${sql.join(rows, sql`, `)})`;
}

/** The value of an indicator from its sums, by unit. Rounded to one decimal place (two for ratios). */
export function valueFor(unit: Unit, numerator: number, denominator: number | null): number | null {
  if (unit === 'count') return numerator;
  if (denominator === null || denominator === 0) return null;
  const raw =
    unit === 'percent'
      ? (100 * numerator) / denominator
      : unit === 'rate-per-10k'
        ? (10_000 * numerator) / denominator
        : numerator / denominator;
  const places = unit === 'ratio' ? 2 : 1;
  return Math.round(raw * 10 ** places) / 10 ** places;
}

/** Computes one indicator for each of the periods. */
export async function computeIndicator(
  db: Tx,
  def: IndicatorDefinition,
  authorityId: number,
  periods: readonly Period[],
): Promise<PeriodValue[]> {
  if (periods.length === 0) return [];
  await ensureWorkingDayCalendar(db);
  const result = await rows<{ period_end: string; numerator: string | number; denominator: string | number }>(
    db,
    sql`
    with ${periodsTable(periods)},
    items as (${def.items(authorityId)})
    select p.period_end::text as period_end,
           coalesce(sum(i.numerator), 0) as numerator,
           coalesce(sum(i.denominator), 0) as denominator
    from periods p left join items i on i.period_end = p.period_end
    group by p.period_end`,
  );
  const sums = new Map(result.map((r) => [r.period_end, { n: Number(r.numerator), d: Number(r.denominator) }]));
  const population = def.unit === 'rate-per-10k' ? await childPopulations(db, authorityId, periods) : null;
  return periods.map((period) => {
    const s = sums.get(period.end) ?? { n: 0, d: 0 };
    const denominator =
      def.unit === 'count' ? null : def.unit === 'rate-per-10k' ? (population?.get(period.end) ?? null) : s.d;
    return { period, numerator: s.n, denominator, value: valueFor(def.unit, s.n, denominator) };
  });
}

/** The items behind one period's value, one row per subject (child or worker), most contributing first. */
export async function drillDown(
  db: Tx,
  def: IndicatorDefinition,
  authorityId: number,
  period: Period,
): Promise<DrillDownRow[]> {
  await ensureWorkingDayCalendar(db);
  const result = await rows<{
    subject_id: string | number;
    numerator: string | number;
    denominator: string | number;
    detail: string | null;
  }>(
    db,
    sql`
    with ${periodsTable([period])},
    items as (${def.items(authorityId)})
    select subject_id, sum(numerator) as numerator, sum(denominator) as denominator,
           string_agg(detail, '; ' order by detail) as detail
    from items
    where subject_id is not null and (numerator <> 0 or denominator <> 0)
    group by subject_id
    order by sum(numerator) desc, subject_id`,
  );
  return result.map((r) => ({
    subjectId: Number(r.subject_id),
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    detail: r.detail,
  }));
}

/**
 * The child population aged 0–17 for each period, for rates per 10,000. DfE divides by ONS's mid-year estimate
 * for the year before the 31 March the figure is for (e.g. mid-2024 for 31 March 2025); so for a period ending on
 * D Lantern uses the latest mid-year (30 June) estimate on or before D, or the earliest it has when D is before all
 * of them. The authority's own population table (child_population) is used when it has rows; otherwise the ONS
 * estimates loaded as reference data for the authority's LA number.
 */
export async function childPopulations(
  db: Tx,
  authorityId: number,
  periods: readonly Period[],
): Promise<Map<string, number>> {
  const queries = populationQueries(authorityId);
  const own = await rows<{ year: number; total: string | number }>(db, queries.own);
  let byYear = own.map((r) => ({ year: Number(r.year), total: Number(r.total) }));
  if (byYear.length === 0) {
    const ons = await rows<{ year: number; total: string | number }>(db, queries.ons);
    byYear = ons.map((r) => ({ year: Number(r.year), total: Number(r.total) }));
  }
  const out = new Map<string, number>();
  if (byYear.length === 0) return out;
  for (const p of periods) {
    const usable = byYear.filter((y) => `${y.year}-06-30` <= p.end);
    const chosen = usable.length > 0 ? usable[usable.length - 1] : byYear[0];
    if (chosen) out.set(p.end, chosen.total);
  }
  return out;
}

/**
 * The queries behind childPopulations: the authority's own population by year (year, total), and ONS's estimates for
 * its LA number (year, total). Also read by tables.ts, to know which tables a rate per 10,000 reads.
 */
export function populationQueries(authorityId: number): { own: SQL; ons: SQL } {
  return {
    own: sql`select year, sum(count) as total from child_population where authority_id = ${authorityId} and age between 0 and 17 group by year order by year`,
    ons: sql`
      select b.year, b.value as total from benchmark_values b join authorities a on a.id = ${authorityId}
      where b.measure = 'population-0-17' and b.level = 'la' and b.area_code = coalesce(a.la_number, a.benchmark_la_number)
        and b.value is not null order by b.year`,
  };
}
