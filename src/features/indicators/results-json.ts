/**
 * An indicator result as JSON, for the API and `lantern indicators --json`: numbers as numbers, and for members
 * "c" in place of any count from 1 to 4 and any value made from one.
 */
import { showFigure, type Audience } from './present';
import type { IndicatorResult } from './results';

type Result = IndicatorResult;

/** A number for the API, or "c" for members when it is a small count. */
export function apiFigure(r: Result, audience: Audience, v: Result['current']) {
  const shown = showFigure(r.definition.unit, v, audience);
  const count = (n: number | null, text: string) =>
    n === null || text === '' ? null : text === 'c' ? ('c' as const) : n;
  return {
    value: shown.suppressed ? ('c' as const) : v.value,
    numerator: count(v.numerator, shown.numerator),
    denominator: count(v.denominator, shown.denominator),
  };
}

export function apiResult(r: Result, audience: Audience) {
  return {
    id: r.definition.id,
    title: r.definition.title,
    area: r.definition.area,
    unit: r.definition.unit,
    polarity: r.definition.polarity,
    period: { kind: r.period.kind, start: r.period.start, end: r.period.end, label: r.periodLabel },
    ...apiFigure(r, audience, r.current),
    target: r.thresholds.target,
    green: r.thresholds.green,
    amber: r.thresholds.amber,
    rag: showFigure(r.definition.unit, r.current, audience).suppressed ? null : r.rag,
    benchmarkMeasure: r.definition.benchmark ?? null,
    benchmarks: r.benchmarks.map((b) => ({ ...b })),
  };
}
