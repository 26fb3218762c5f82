/**
 * Indicator results as people read them: for a period, each indicator's value with its RAG against the
 * authority's target, its trend, and its benchmarks. Used by the dashboards, the API and `lantern indicators`.
 * Complete months come from the kept monthly values when they are there; anything else is computed.
 */
import type { Tx } from '../../db/client';
import { benchmarksFor, type BenchmarkYear } from '../reference/benchmarks';
import type { IndicatorDefinition } from './definition';
import { computeIndicator, type PeriodValue } from './engine';
import {
  lastCompleteMonth,
  periodContaining,
  periodLabel,
  periodsEnding,
  type Period,
  type PeriodKind,
} from './periods';
import { ragFor, type Rag } from './rag';
import { thresholdsFor, type IndicatorThresholds } from './settings';
import { keptValuesSettled, storedMonthlyValues } from './stored-values';

export interface IndicatorResult {
  readonly definition: IndicatorDefinition;
  readonly period: Period;
  readonly periodLabel: string;
  readonly current: PeriodValue;
  readonly rag: Rag | null;
  readonly thresholds: IndicatorThresholds;
  /** Oldest first, ending with the current period. */
  readonly trend: readonly PeriodValue[];
  /** Published years, latest first; empty when the indicator has no benchmark or none is loaded. */
  readonly benchmarks: readonly BenchmarkYear[];
}

/** How many periods a trend shows, by kind. */
export const TREND_LENGTH: Record<PeriodKind, number> = { month: 13, quarter: 8, year: 6 };

/** The period a dashboard shows by default: the last complete month before `today`. */
export function defaultPeriod(today: string, kind: PeriodKind = 'month'): Period {
  return periodContaining(lastCompleteMonth(today).end, kind);
}

/** Values for the periods: kept monthly values where every period is a kept complete month, else computed. */
export async function valuesFor(
  db: Tx,
  authorityId: number,
  defs: readonly IndicatorDefinition[],
  periods: readonly Period[],
  today: string,
): Promise<Map<string, PeriodValue[]>> {
  const out = new Map<string, PeriodValue[]>();
  const first = periods[0];
  const last = periods[periods.length - 1];
  const storable =
    first &&
    last &&
    periods.every((p) => p.kind === 'month' && p.end < today && p.end === periodContaining(p.start, 'month').end);
  // Kept values still being computed (a demo's first start) are waited for, rather than computed twice.
  if (storable) await keptValuesSettled(db, authorityId);
  const stored = storable
    ? await storedMonthlyValues(
        db,
        authorityId,
        defs.map((d) => d.id),
        first.end,
        last.end,
      )
    : new Map<string, PeriodValue[]>();
  for (const def of defs) {
    // Kept months are read; any month not kept (one completed since the last refresh) is computed, alone.
    const kept = new Map((stored.get(def.id) ?? []).map((v) => [v.period.end, v]));
    const missing = periods.filter((p) => !kept.has(p.end));
    const computed = missing.length > 0 ? await computeIndicator(db, def, authorityId, missing) : [];
    for (const v of computed) kept.set(v.period.end, v);
    out.set(
      def.id,
      periods.map((p) => kept.get(p.end) ?? { period: p, numerator: 0, denominator: 0, value: null }),
    );
  }
  return out;
}

/** Every given indicator's result for the period ending on or containing `asAt`. */
export async function indicatorResults(
  db: Tx,
  authorityId: number,
  defs: readonly IndicatorDefinition[],
  period: Period,
  today: string,
  options: { trendLength?: number } = {},
): Promise<IndicatorResult[]> {
  const periods = periodsEnding(period.end, period.kind, options.trendLength ?? TREND_LENGTH[period.kind]);
  // The asked-for period replaces the last one (it may be a period to date).
  periods[periods.length - 1] = period;
  const [values, thresholds, benchmarks] = await Promise.all([
    valuesFor(db, authorityId, defs, periods, today),
    thresholdsFor(db, authorityId),
    benchmarksFor(
      db,
      authorityId,
      defs.flatMap((d) => (d.benchmark ? [{ measure: d.benchmark, polarity: d.polarity }] : [])),
    ),
  ]);
  return defs.map((definition) => {
    const trend = values.get(definition.id) ?? [];
    const current = trend[trend.length - 1] ?? { period, numerator: 0, denominator: 0, value: null };
    const t = thresholds.get(definition.id) ?? {
      target: null,
      green: null,
      amber: null,
      changed: false,
      updatedBy: null,
      updatedAt: null,
    };
    return {
      definition,
      period,
      periodLabel: periodLabel(period),
      current,
      rag: ragFor(current.value, definition.polarity, t),
      thresholds: t,
      trend,
      benchmarks: definition.benchmark ? (benchmarks.get(definition.benchmark) ?? []) : [],
    };
  });
}
