/**
 * The impact view of an action: what happened to the evidence it names, month by month, from 12 months before the
 * action started to the latest complete month.
 *
 * - Indicators: the kept monthly values (stored-values.ts; a month not kept shows as a gap, never computed here),
 *   the value in the month before the action's start month ("before") and the latest kept month with a value
 *   ("latest"), whether the success target is met, and the latest published benchmark (England, statistical
 *   neighbours) for the indicator's DfE measure.
 *   Target met: for "higher is better", latest ≥ target; for "lower is better", latest ≤ target. For a neutral
 *   indicator the target's side of the "before" value says which way the action aims (target below before: aiming
 *   lower), and with no "before" value it is not judged (null).
 * - Audit domains: case audit grades per month over the same months, from submitted audits only (not drafts),
 *   each counted in the month it was submitted, with the moderated (agreed) grade when there is one, else the
 *   auditor's; counts by grade and % good or better (outstanding or good, of all graded).
 *
 * Members see aggregates with small numbers suppressed (as in present.ts): an indicator value made from a
 * numerator or denominator from 1 to 4 shows "c", and so does any audit count from 1 to 4 and a % good or better
 * made from one.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { GRADES, isGoodOrBetter, type Grade } from '../../domain/ofsted';
import { suppress, type Suppressed } from '../../domain/suppression';
import { addMonths } from '../../domain/working-days';
import type { Polarity, Unit } from '../indicators/definition';
import type { PeriodValue } from '../indicators/engine';
import {
  lastCompleteMonth,
  monthsBetween,
  periodContaining,
  periodLabel,
  shortPeriodLabel,
  type Period,
} from '../indicators/periods';
import { mustSuppress, type Audience } from '../indicators/present';
import { indicatorById } from '../indicators/registry';
import { keptValuesSettled, storedMonthlyValues } from '../indicators/stored-values';
import { benchmarksFor, type BenchmarkYear } from '../reference/benchmarks';
import type { PlanAction } from './plan';

/** A number, "c" when suppressed for members, or null when there is none. */
export type Shown = number | 'c' | null;

export interface ImpactMonth {
  /** YYYY-MM. */
  readonly month: string;
  readonly start: string;
  readonly end: string;
  /** "Mar 26". */
  readonly label: string;
  /** "March 2026". */
  readonly longLabel: string;
}

export interface IndicatorMonthValue extends ImpactMonth {
  /** False when no value is kept for the month (a gap in the line). */
  readonly kept: boolean;
  readonly value: Shown;
  readonly numerator: Shown;
  readonly denominator: Shown;
}

export interface IndicatorImpact {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly target: number | null;
  readonly months: readonly IndicatorMonthValue[];
  /** The month before the action's start month, when it is in range. */
  readonly before: { readonly month: string; readonly longLabel: string; readonly value: Shown } | null;
  /** The latest month with a kept value. */
  readonly latest: { readonly month: string; readonly longLabel: string; readonly value: Shown } | null;
  /** See the header; null when there is no target, no latest value, it is suppressed, or neutral with no before. */
  readonly targetMet: boolean | null;
  /** The DfE measure the indicator compares with, and its latest published year. */
  readonly benchmarkMeasure: string | null;
  readonly benchmark: BenchmarkYear | null;
}

export interface DomainMonth extends ImpactMonth {
  readonly counts: Readonly<Record<Grade, Shown>>;
  readonly total: Shown;
  readonly goodOrBetter: Shown;
  /** % good or better, 1 decimal place; null with no audits. */
  readonly percentGoodOrBetter: Shown;
}

export interface DomainImpact {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly months: readonly DomainMonth[];
}

export interface ActionImpact {
  readonly from: string;
  readonly to: string;
  readonly months: readonly ImpactMonth[];
  /** The months (YYYY-MM) the action started and was completed in, for the chart markers. */
  readonly startedMonth: string;
  readonly completedMonth: string | null;
  readonly indicators: readonly IndicatorImpact[];
  readonly domains: readonly DomainImpact[];
}

const monthOf = (isoDate: string) => isoDate.slice(0, 7);

function impactMonth(p: Period): ImpactMonth {
  return { month: monthOf(p.start), start: p.start, end: p.end, label: shortPeriodLabel(p), longLabel: periodLabel(p) };
}

/** The months the impact view covers: from 12 months before the start month to the latest complete month. */
export function impactMonths(startDate: string, today: string): Period[] {
  const from = addMonths(periodContaining(startDate, 'month').start, -12);
  const to = lastCompleteMonth(today).end;
  return from <= to ? monthsBetween(from, to) : [];
}

/** 1 decimal place, half away from zero. */
function round1(x: number): number {
  return Math.round(Number((x * 10).toPrecision(12))) / 10;
}

export function targetMet(
  polarity: Polarity,
  target: number | null,
  before: number | null,
  latest: number | null,
): boolean | null {
  if (target === null || latest === null) return null;
  const aim = polarity === 'neutral' ? (before === null ? null : target < before ? 'lower' : 'higher') : polarity;
  if (aim === null) return null;
  return aim === 'higher' ? latest >= target : latest <= target;
}

export async function actionImpact(
  db: Tx,
  authorityId: number,
  action: PlanAction,
  today: string,
  audience: Audience,
): Promise<ActionImpact> {
  const periods = impactMonths(action.startDate, today);
  const months = periods.map(impactMonth);
  const from = periods[0]?.start ?? action.startDate;
  const to = periods[periods.length - 1]?.end ?? action.startDate;
  const beforeMonth = monthOf(addMonths(periodContaining(action.startDate, 'month').start, -1));

  const defs = action.indicators.flatMap((i) => {
    const def = indicatorById(i.id);
    return def ? [{ def, target: i.target }] : [];
  });
  // A month not kept shows as a gap: wait for kept values still being computed (a demo's first start).
  await keptValuesSettled(db, authorityId);
  const [kept, benchmarks, domainRows] = await Promise.all([
    periods.length
      ? storedMonthlyValues(
          db,
          authorityId,
          defs.map((d) => d.def.id),
          from,
          to,
        )
      : Promise.resolve(new Map<string, PeriodValue[]>()),
    benchmarksFor(
      db,
      authorityId,
      defs.flatMap((d) => (d.def.benchmark ? [{ measure: d.def.benchmark, polarity: d.def.polarity }] : [])),
    ),
    action.domains.length && periods.length
      ? rows<{ domain_id: string | number; month: string; grade: Grade; n: string | number }>(
          db,
          sql`select g.domain_id, to_char(a.submitted_on, 'YYYY-MM') as month, coalesce(g.agreed_grade, g.grade) as grade, count(*) as n
              from case_audit_grades g
              join case_audits a on a.id = g.audit_id
              where a.authority_id = ${authorityId}
                and a.status <> 'draft'
                and a.submitted_on between ${from} and ${to}
                and g.domain_id in (${sql.join(
                  action.domains.map((d) => sql`${d.id}`),
                  sql`, `,
                )})
              group by 1, 2, 3`,
        )
      : Promise.resolve([]),
  ]);

  const members = audience === 'members';
  const count = (n: number | null): Shown => (n === null ? null : members ? suppress(n) : n);

  const indicators: IndicatorImpact[] = defs.map(({ def, target }) => {
    const byMonth = new Map((kept.get(def.id) ?? []).map((v) => [monthOf(v.period.start), v]));
    const values: IndicatorMonthValue[] = months.map((m) => {
      const v = byMonth.get(m.month);
      if (!v) return { ...m, kept: false, value: null, numerator: null, denominator: null };
      const hidden = members && mustSuppress(def.unit, v);
      return {
        ...m,
        kept: true,
        value: hidden ? 'c' : v.value,
        numerator: count(v.numerator),
        denominator: def.unit === 'count' ? null : count(v.denominator),
      };
    });
    const beforeValue = values.find((v) => v.month === beforeMonth) ?? null;
    const latestValue = [...values].reverse().find((v) => v.value !== null) ?? null;
    const num = (s: Shown | undefined) => (typeof s === 'number' ? s : null);
    return {
      id: def.id,
      title: def.title,
      unit: def.unit,
      polarity: def.polarity,
      target,
      months: values,
      before: beforeValue
        ? { month: beforeValue.month, longLabel: beforeValue.longLabel, value: beforeValue.value }
        : null,
      latest: latestValue
        ? { month: latestValue.month, longLabel: latestValue.longLabel, value: latestValue.value }
        : null,
      targetMet: targetMet(def.polarity, target, num(beforeValue?.value), num(latestValue?.value)),
      benchmarkMeasure: def.benchmark ?? null,
      benchmark: def.benchmark ? (benchmarks.get(def.benchmark)?.[0] ?? null) : null,
    };
  });

  const grades = new Map<string, number>();
  for (const r of domainRows) grades.set(`${Number(r.domain_id)}|${r.month}|${r.grade}`, Number(r.n));
  const domains: DomainImpact[] = action.domains.map((d) => ({
    id: d.id,
    key: d.key,
    title: d.title,
    months: months.map((m) => {
      const raw = Object.fromEntries(GRADES.map((g) => [g, grades.get(`${d.id}|${m.month}|${g}`) ?? 0])) as Record<
        Grade,
        number
      >;
      const total = GRADES.reduce((s, g) => s + raw[g], 0);
      const good = GRADES.filter(isGoodOrBetter).reduce((s, g) => s + raw[g], 0);
      const percent = total === 0 ? null : round1((100 * good) / total);
      const hidePercent = members && (suppress(total) === 'c' || suppress(good) === 'c');
      return {
        ...m,
        counts: Object.fromEntries(GRADES.map((g) => [g, count(raw[g])])) as Record<Grade, Suppressed>,
        total: count(total),
        goodOrBetter: count(good),
        percentGoodOrBetter: hidePercent ? 'c' : percent,
      };
    }),
  }));

  return {
    from,
    to,
    months,
    startedMonth: monthOf(action.startDate),
    completedMonth: action.completedOn ? monthOf(action.completedOn) : null,
    indicators,
    domains,
  };
}
